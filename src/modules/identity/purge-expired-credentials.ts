import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { JobDefinition } from '../../jobs.ts';

/** How long an expired credential is kept after it expired: long enough to explain a "link expired" complaint. */
export const expiredCredentialGraceMs = 7 * 24 * 3_600_000;

/**
 * Deletes credentials that can no longer be used (SEC-02: the less secret material at rest, the less to leak):
 * API access tokens, OIDC logins in flight, e-mail/password links and phone codes, a week after they expired.
 * Sessions stay: the profile lists them and they are evidence for the audit trail.
 */
export async function purgeExpiredCredentials(db: Kysely<Database>, now: Date): Promise<Record<string, number>> {
  const cutoff = new Date(now.getTime() - expiredCredentialGraceMs);
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  return {
    apiAccessTokens: count(await db.deleteFrom('api_access_token').where('expires_at', '<', cutoff).executeTakeFirst()),
    oidcLogins: count(await db.deleteFrom('oidc_login').where('expires_at', '<', cutoff).executeTakeFirst()),
    accountTokens: count(await db.deleteFrom('account_token').where('expires_at', '<', cutoff).executeTakeFirst()),
    phoneCodes: count(await db.deleteFrom('phone_verification_code').where('expires_at', '<', cutoff).executeTakeFirst()),
  };
}

/** Nightly at 03:10 Vietnam time. */
export const purgeExpiredCredentialsJob: JobDefinition = {
  name: 'identity.purge-expired-credentials',
  cron: '10 3 * * *',
  async handle(_data, context) {
    const purged = await purgeExpiredCredentials(context.db, new Date());
    context.log.info({ purged }, 'expired credentials purged');
  },
};

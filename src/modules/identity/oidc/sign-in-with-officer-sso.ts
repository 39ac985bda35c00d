import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry, recordAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { mapClaims } from './map-claims.ts';
import type { ProviderIdentity } from './complete-oidc-login.ts';
import type { OidcProviderSettings } from './settings.ts';
import { findAccountByEmail, findExternalIdentity, insertExternalIdentity } from './repository-oidc.ts';

export type OfficerSsoOutcome = { ok: true; accountId: string; mfa: 'verify' | 'enrol' } | { ok: false; reason: 'notOfficer' };

/**
 * An officer signed in at the province's own provider (issue 3 §2, S-f). There is no self-registration: the
 * subject must already be linked to an officer, or the provider's verified e-mail must be that of an active
 * officer account (the link is then recorded). SSO replaces the password only: the second factor still
 * follows, exactly as after a password.
 */
export async function signInWithOfficerSso(db: Kysely<Database>, input: {
  settings: OidcProviderSettings; identity: ProviderIdentity; ip: string | null; userAgent: string | null; now: Date;
}): Promise<OfficerSsoOutcome> {
  const { settings, identity } = input;
  const provider = settings.issuer.href;
  const email = mapClaims(identity.claims, settings.claims).attributes.email;
  const audit = { ip: input.ip, userAgent: input.userAgent };
  const linked = await findExternalIdentity(db, provider, identity.subject);
  const byEmail = linked ? undefined : email ? await findAccountByEmail(db, email) : undefined;
  const account = linked ?? byEmail;
  if (!account || account.kind !== 'officer' || account.status !== 'active') {
    await recordAuditEntry(db, input.now, {
      ...audit, actorId: account?.id ?? null, actorLabel: email ?? identity.subject, action: 'identity.signIn.failed',
      targetType: account ? 'account' : null, targetId: account?.id ?? null, after: { reason: 'notOfficer', provider: settings.label },
    });
    return { ok: false, reason: 'notOfficer' };
  }
  await db.transaction().execute(async (trx) => {
    if (!linked) {
      await insertExternalIdentity(trx, { provider, subject: identity.subject, accountId: account.id, now: input.now });
      await appendAuditEntry(trx, input.now, {
        ...audit, actorId: account.id, actorLabel: account.display_name, action: 'identity.account.linked', targetType: 'account', targetId: account.id,
        before: null, after: { provider: settings.label, issuer: provider, subject: identity.subject, rule: 'officerEmail' },
      });
    }
    await appendAuditEntry(trx, input.now, {
      ...audit, actorId: account.id, actorLabel: account.display_name, action: 'identity.signIn.oidc', targetType: 'account', targetId: account.id,
      before: null, after: { provider: settings.label, secondFactor: account.totp_enabled_at ? 'verify' : 'enrol' },
    });
  });
  return { ok: true, accountId: account.id, mfa: account.totp_enabled_at ? 'verify' : 'enrol' };
}

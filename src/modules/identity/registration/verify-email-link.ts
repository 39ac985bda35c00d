import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { consumeAccountToken } from '../account-tokens.ts';
import { activateAccount, findAccountForCredentials, recordVerifiedContact } from './repository.ts';

/**
 * Follows the link of the verification e-mail (24 h, single use): the address is proven, a pending account
 * becomes active. False for an unknown, expired or used link.
 */
export async function verifyEmailLink(db: Kysely<Database>, input: { token: string; now: Date; ip: string | null; userAgent: string | null }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const accountId = await consumeAccountToken(trx, { token: input.token, purpose: 'verifyContact', now: input.now });
    if (!accountId) return false;
    const account = await findAccountForCredentials(trx, accountId);
    if (!account?.email || (account.status !== 'pending' && account.status !== 'active')) return false;
    await activateAccount(trx, accountId, input.now, true);
    await recordVerifiedContact(trx, accountId, 'email', account.email, 'emailLink', input.now);
    await appendAuditEntry(trx, input.now, {
      actorId: accountId, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, action: 'identity.account.verified',
      targetType: 'account', targetId: accountId, before: { status: account.status }, after: { status: 'active', verified: 'email' },
    });
    return true;
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { consumeAccountToken, hashAccountToken } from '../account-tokens.ts';
import { hashPassword } from '../password-hash.ts';
import { checkPasswordPolicy } from '../password-policy.ts';
import type { FieldProblem } from './register-account.ts';
import { activateAccount, findAccountForCredentials, findLiveAccountToken, recordVerifiedContact, revokeOtherSessions, setPasswordHash, spendAccountTokens } from './repository.ts';

/** The account a set-password link is for, while the link is live (to greet the person and check the policy). */
export async function findPasswordToken(db: Kysely<Database>, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return findLiveAccountToken(db, { tokenHash: hashAccountToken(token), purpose: 'setPassword', now });
}

export type ResetOutcome = { ok: true } | { ok: false; reason: 'invalidToken' } | { ok: false; reason: 'invalid'; problems: FieldProblem[] };

/**
 * Sets a new password from a set-password link (1 h, single use): every session and every other set-password
 * link of the account is revoked and the lockout lifted. A pending account (a new officer's activation link, an unverified registration) becomes
 * active and, the link having been sent to it, its e-mail address verified.
 */
export async function resetPassword(db: Kysely<Database>, input: { token: string; password: string; passwordConfirm: string; now: Date; ip: string | null; userAgent: string | null }): Promise<ResetOutcome> {
  const target = await findPasswordToken(db, input.token, input.now);
  if (!target) return { ok: false, reason: 'invalidToken' };
  const weak = checkPasswordPolicy(input.password, [target.display_name, target.email, target.phone].filter((s): s is string => Boolean(s)));
  if (weak) return { ok: false, reason: 'invalid', problems: [{ field: 'password', key: weak }] };
  if (input.password !== input.passwordConfirm) return { ok: false, reason: 'invalid', problems: [{ field: 'passwordConfirm', key: 'registration.error.passwordMismatch' }] };
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const accountId = await consumeAccountToken(trx, { token: input.token, purpose: 'setPassword', now: input.now });
    const account = accountId ? await findAccountForCredentials(trx, accountId) : undefined;
    if (!account || (account.status !== 'active' && account.status !== 'pending')) return { ok: false as const, reason: 'invalidToken' as const };
    await setPasswordHash(trx, account.id, passwordHash, input.now);
    await spendAccountTokens(trx, account.id, 'setPassword', input.now);
    await revokeOtherSessions(trx, account.id, undefined, input.now);
    // The link went to the e-mail address when the account has one (request-password-reset.ts), else by SMS.
    await activateAccount(trx, account.id, input.now, Boolean(account.email));
    if (account.email) await recordVerifiedContact(trx, account.id, 'email', account.email, 'emailLink', input.now);
    else if (account.phone) await recordVerifiedContact(trx, account.id, 'phone', account.phone, 'smsLink', input.now);
    await appendAuditEntry(trx, input.now, {
      actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, action: 'identity.password.reset',
      targetType: 'account', targetId: account.id, before: { status: account.status }, after: { status: account.status === 'pending' ? 'active' : account.status, sessionsRevoked: true },
    });
    return { ok: true as const };
  });
}

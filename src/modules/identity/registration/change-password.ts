import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { appendAuditEntry, recordAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { hashPassword, verifyPassword } from '../password-hash.ts';
import { checkPasswordPolicy } from '../password-policy.ts';
import { startSession } from '../start-session.ts';
import type { SessionPolicy } from '../session-policy.ts';
import type { FieldProblem } from './register-account.ts';
import { findAccountForCredentials, revokeOtherSessions, setPasswordHash, spendAccountTokens } from './repository.ts';

export type ChangePasswordOutcome = { ok: true; token: string } | { ok: false; problems: FieldProblem[] };

/**
 * Changes the signed-in person's password (issue 3 §3): the current one must be given, the new one meets the
 * policy. The session is rotated and every other session revoked (a thief's session dies with the old password).
 */
export async function changePassword(db: Kysely<Database>, actor: Actor, input: {
  currentPassword: string; password: string; passwordConfirm: string; sessionToken: string | undefined;
  now: Date; ip: string | null; userAgent: string | null; policy: SessionPolicy;
}): Promise<ChangePasswordOutcome> {
  const accountId = actor.kind === 'person' || actor.kind === 'officer' ? actor.accountId : undefined;
  authorize(actor, 'account.password', { ownerAccountId: accountId });
  const account = await findAccountForCredentials(db, accountId!);
  if (!account) throw new AppError('notFound');
  const audit = { actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, targetType: 'account', targetId: account.id };
  if (!account.password_hash || !(await verifyPassword(account.password_hash, input.currentPassword))) {
    await recordAuditEntry(db, input.now, { ...audit, action: 'identity.password.changeRefused' });
    return { ok: false, problems: [{ field: 'currentPassword', key: 'password.currentWrong' }] };
  }
  const weak = checkPasswordPolicy(input.password, [account.display_name, account.email, account.phone].filter((s): s is string => Boolean(s)));
  if (weak) return { ok: false, problems: [{ field: 'password', key: weak }] };
  if (input.password !== input.passwordConfirm) return { ok: false, problems: [{ field: 'passwordConfirm', key: 'registration.error.passwordMismatch' }] };
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, account.id, passwordHash, input.now);
    // A reset link still in a mailbox would otherwise undo the change for whoever reads that mailbox next.
    await spendAccountTokens(trx, account.id, 'setPassword', input.now);
    await revokeOtherSessions(trx, account.id, undefined, input.now);
    const officer = actor.kind === 'officer';
    const { token } = await startSession(trx, {
      accountId: account.id, officer, mfaVerified: officer && actor.mfaVerified, previousToken: input.sessionToken,
      ip: input.ip, userAgent: input.userAgent, now: input.now, policy: input.policy,
    });
    await appendAuditEntry(trx, input.now, { ...audit, action: 'identity.password.changed', after: { sessionsRevoked: true } });
    return { ok: true as const, token };
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry, recordAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import { findAccountForSignIn, recordSuccessfulSignIn } from './repository.ts';
import { recordMiss } from './record-miss.ts';

export type SignInOutcome =
  | { ok: true; accountId: string; officer: boolean; name: string; mfa: 'notRequired' | 'verify' | 'enrol' }
  | { ok: false; reason: 'invalidCredentials' }
  | { ok: false; reason: 'locked'; lockedUntil: Date };

/**
 * Local sign-in with e-mail or phone and password (issue 3 §1, §3). Unknown accounts cost as much time as
 * known ones and get the same answer, so the form reveals nothing about who has an account. Every outcome is
 * audited. Officers continue to the second factor; their session is not privileged until it is passed.
 */
export async function signInWithPassword(db: Kysely<Database>, input: { identifier: string; password: string; ip: string | null; userAgent: string | null; now: Date }): Promise<SignInOutcome> {
  const identifier = input.identifier.trim().normalize('NFC');
  const account = await findAccountForSignIn(db, identifier);
  const audit = { actorLabel: identifier, ip: input.ip, userAgent: input.userAgent };
  if (!account || !account.password_hash || account.status !== 'active') {
    await dummyVerify(input.password);
    await recordAuditEntry(db, input.now, { ...audit, action: 'identity.signIn.failed', after: { reason: 'unknownAccount' } });
    return { ok: false, reason: 'invalidCredentials' };
  }
  if (account.locked_until && new Date(account.locked_until) > input.now) {
    await recordAuditEntry(db, input.now, { ...audit, actorId: account.id, action: 'identity.signIn.refusedLocked', targetType: 'account', targetId: account.id });
    return { ok: false, reason: 'locked', lockedUntil: new Date(account.locked_until) };
  }
  if (!(await verifyPassword(account.password_hash, input.password))) {
    const lockedUntil = await db.transaction().execute((trx) => recordMiss(trx, account.id, input.now, { ...audit, action: 'identity.signIn.failed' }));
    return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalidCredentials' };
  }
  const officer = account.kind === 'officer';
  const rehash = needsRehash(account.password_hash) ? await hashPassword(input.password) : undefined;
  await db.transaction().execute(async (trx) => {
    await recordSuccessfulSignIn(trx, account.id, input.now, { newPasswordHash: rehash, clearFailures: !officer });
    await appendAuditEntry(trx, input.now, { ...audit, actorId: account.id, actorLabel: account.display_name, action: 'identity.signIn.passwordAccepted', targetType: 'account', targetId: account.id });
  });
  return {
    ok: true, accountId: account.id, officer, name: account.display_name,
    mfa: !officer ? 'notRequired' : account.totp_enabled_at ? 'verify' : 'enrol',
  };
}

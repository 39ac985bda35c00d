import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry, type AuditEvent } from '../../platform/audit/append-audit-entry.ts';
import { countFailedSignIn, lockAccountUntil } from './repository.ts';

/** Five misses in a row lock the account for 5 minutes, each further miss doubles it, up to a day (issue 3 §3). */
export const lockout = { freeAttempts: 5, firstLockMinutes: 5, maxLockMinutes: 24 * 60 } as const;

export function lockMinutes(failures: number): number {
  if (failures < lockout.freeAttempts) return 0;
  return Math.min(lockout.firstLockMinutes * 2 ** (failures - lockout.freeAttempts), lockout.maxLockMinutes);
}

/**
 * Counts a wrong password or second-factor code against the account, locks it when the count calls for it,
 * and audits the miss (as `identity.account.locked` when it locked). Both factors share one count, so an
 * attacker holding the password gets no more code guesses than password guesses. Returns the lock's end, if any.
 */
export async function recordMiss(trx: Transaction<Database>, accountId: string, now: Date, audit: Omit<AuditEvent, 'targetType' | 'targetId' | 'after'>): Promise<Date | null> {
  const failures = await countFailedSignIn(trx, accountId);
  const minutes = lockMinutes(failures);
  const lockedUntil = minutes ? new Date(now.getTime() + minutes * 60_000) : null;
  if (lockedUntil) await lockAccountUntil(trx, accountId, lockedUntil);
  await appendAuditEntry(trx, now, {
    ...audit, actorId: accountId, action: lockedUntil ? 'identity.account.locked' : audit.action, targetType: 'account', targetId: accountId, after: { failures, lockedUntil },
  });
  return lockedUntil;
}

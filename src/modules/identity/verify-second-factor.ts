import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { findRecoveryCode } from './recovery-codes.ts';
import { recordMiss } from './record-miss.ts';
import { lockSecondFactor, recordTotpStep, replaceRecoveryCodes } from './repository.ts';
import { verifyTotp } from './totp.ts';

export type SecondFactorOutcome = { ok: true } | { ok: false; lockedUntil: Date | null };

/**
 * The officer's second factor (issue 3 §2): a 6-digit TOTP code (each time step accepted once) or one of the
 * recovery codes, which is used up. The account row is locked while checking, so a code or recovery code
 * raced in twice passes once. Wrong codes count towards the same progressive lockout as wrong passwords, and a
 * locked account passes no code at all. Every attempt is audited.
 */
export async function verifySecondFactor(db: Kysely<Database>, input: { accountId: string; code: string; ip: string | null; userAgent: string | null; now: Date }): Promise<SecondFactorOutcome> {
  return db.transaction().execute(async (trx): Promise<SecondFactorOutcome> => {
    const account = await lockSecondFactor(trx, input.accountId);
    if (!account?.totp_secret || !account.totp_enabled_at) return { ok: false, lockedUntil: null };
    const audit = { actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, targetType: 'account', targetId: account.id };
    if (account.locked_until && new Date(account.locked_until) > input.now) {
      await appendAuditEntry(trx, input.now, { ...audit, action: 'identity.mfa.refusedLocked' });
      return { ok: false, lockedUntil: new Date(account.locked_until) };
    }
    const code = input.code.trim();
    if (/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      const result = verifyTotp(account.totp_secret, code.replace(/\s/g, ''), input.now, account.totp_last_step ?? undefined);
      if (result.ok) {
        await recordTotpStep(trx, account.id, result.step);
        await appendAuditEntry(trx, input.now, { ...audit, action: 'identity.mfa.passed', after: { method: 'totp' } });
        return { ok: true };
      }
    } else {
      const index = findRecoveryCode(code, account.recovery_code_hashes);
      if (index >= 0) {
        const left = account.recovery_code_hashes.filter((_, i) => i !== index);
        await replaceRecoveryCodes(trx, account.id, left);
        await appendAuditEntry(trx, input.now, { ...audit, action: 'identity.mfa.passed', after: { method: 'recoveryCode', recoveryCodesLeft: left.length } });
        return { ok: true };
      }
    }
    const lockedUntil = await recordMiss(trx, account.id, input.now, { actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, action: 'identity.mfa.failed' });
    return { ok: false, lockedUntil };
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { findRecoveryCode } from './recovery-codes.ts';
import { countFailedSecondFactor, findSecondFactor, recordTotpStep, replaceRecoveryCodes } from './repository.ts';
import { verifyTotp } from './totp.ts';

/**
 * The officer's second factor (issue 3 §2): a 6-digit TOTP code (each time step accepted once) or one of the
 * recovery codes, which is used up. Every attempt is audited.
 */
export async function verifySecondFactor(db: Kysely<Database>, input: { accountId: string; code: string; ip: string | null; userAgent: string | null; now: Date }): Promise<boolean> {
  const account = await findSecondFactor(db, input.accountId);
  if (!account?.totp_secret || !account.totp_enabled_at) return false;
  const code = input.code.trim();
  const audit = { actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, targetType: 'account', targetId: account.id };
  return db.transaction().execute(async (trx) => {
    if (/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      const result = verifyTotp(account.totp_secret!, code.replace(/\s/g, ''), input.now, account.totp_last_step ?? undefined);
      if (result.ok) {
        await recordTotpStep(trx, account.id, result.step);
        await appendAuditEntry(trx, input.now, { ...audit, action: 'identity.mfa.passed', after: { method: 'totp' } });
        return true;
      }
    } else {
      const index = findRecoveryCode(code, account.recovery_code_hashes);
      if (index >= 0) {
        const left = account.recovery_code_hashes.filter((_, i) => i !== index);
        await replaceRecoveryCodes(trx, account.id, left);
        await appendAuditEntry(trx, input.now, { ...audit, action: 'identity.mfa.passed', after: { method: 'recoveryCode', recoveryCodesLeft: left.length } });
        return true;
      }
    }
    await countFailedSecondFactor(trx, account.id);
    await appendAuditEntry(trx, input.now, { ...audit, action: 'identity.mfa.failed' });
    return false;
  });
}

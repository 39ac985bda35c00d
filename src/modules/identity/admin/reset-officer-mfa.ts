import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { revokeAccountSessions } from '../repository.ts';
import { auditedBy, type AdminContext, type Outcome } from './admin-context.ts';
import { loadManagedOfficer } from './load-officer.ts';
import { clearSecondFactor } from './repository-admin.ts';
import { isSelf } from './scope.ts';
import { readUnits } from './units.ts';

export const minimumReasonLength = 10;

/**
 * Resets an officer's second factor (lost phone): the TOTP secret and recovery codes are forgotten and live
 * sessions end, so the next sign-in enrols a new authenticator (SEC-02). A reason is required and audited.
 */
export async function resetOfficerMfa(ctx: AdminContext, input: { accountId: string; reason: string }): Promise<Outcome<object>> {
  const reason = input.reason.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (reason.length < minimumReasonLength) return { ok: false, problems: [{ field: 'reason', key: 'admin.error.reasonRequired' }] };
  return ctx.db.transaction().execute(async (trx) => {
    const units = await readUnits(trx, ctx.now);
    const { account } = await loadManagedOfficer(trx, ctx.actor, units, input.accountId);
    if (isSelf(ctx.actor, account.id)) throw new AppError('forbidden');
    await clearSecondFactor(trx, account.id, ctx.now);
    await revokeAccountSessions(trx, account.id, ctx.now);
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.mfa.reset', targetType: 'account', targetId: account.id,
      before: { totpEnrolled: account.totp_enabled_at !== null, recoveryCodes: account.recovery_code_hashes.length },
      after: { totpEnrolled: false, recoveryCodes: 0, reason },
    });
    return { ok: true };
  });
}

import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { auditedBy, type AdminContext } from './admin-context.ts';
import { loadManagedOfficer } from './load-officer.ts';
import { updateOfficerStatus } from './repository-admin.ts';
import { isSelf } from './scope.ts';
import { readUnits } from './units.ts';

/**
 * Reactivates a deactivated officer. One who never set a password goes back to `pending` (the activation
 * link, or a new one, still has to be used) rather than becoming an active account nobody can sign in to.
 */
export async function reactivateOfficer(ctx: AdminContext, accountId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const units = await readUnits(trx, ctx.now);
    const { account } = await loadManagedOfficer(trx, ctx.actor, units, accountId);
    if (isSelf(ctx.actor, account.id)) throw new AppError('forbidden');
    if (account.status !== 'disabled') return;
    const status = account.password_hash ? 'active' : 'pending';
    await updateOfficerStatus(trx, account.id, status, ctx.now);
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.officer.reactivated', targetType: 'account', targetId: account.id,
      before: { status: account.status }, after: { status },
    });
  });
}

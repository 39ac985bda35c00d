import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { revokeAccountSessions } from '../repository.ts';
import { auditedBy, type AdminContext } from './admin-context.ts';
import { loadManagedOfficer } from './load-officer.ts';
import { updateOfficerStatus } from './repository-admin.ts';
import { isSelf } from './scope.ts';
import { readUnits } from './units.ts';

/** Deactivates an officer at once: the account is disabled and every live session of it is revoked (S-f). */
export async function deactivateOfficer(ctx: AdminContext, accountId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const units = await readUnits(trx, ctx.now);
    const { account } = await loadManagedOfficer(trx, ctx.actor, units, accountId);
    if (isSelf(ctx.actor, account.id)) throw new AppError('forbidden');
    if (account.status === 'disabled') return;
    await updateOfficerStatus(trx, account.id, 'disabled', ctx.now);
    await revokeAccountSessions(trx, account.id, ctx.now);
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.officer.deactivated', targetType: 'account', targetId: account.id,
      before: { status: account.status }, after: { status: 'disabled' },
    });
  });
}

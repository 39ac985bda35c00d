import { authorize } from '../../../platform/auth/authorize.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { auditOrigin, changedBy, type ProcessContext } from './process-context.ts';
import { findDraftProcess, insertProcess, nextProcessVersion, supersedePublishedProcess, updateProcess } from './repository.ts';
import { checkChange, type ProcessChange } from './save-process-draft.ts';

/**
 * Puts a process in force for the dossiers filed from now on (issue 4 §2, S-b): only a process that passes every rule;
 * the previous published version is superseded in the same transaction (dossiers filed under it keep it, pinned by id),
 * the draft becomes the new version. Audited with the versions before and after.
 */
export async function publishProcess(ctx: ProcessContext, change: ProcessChange): Promise<{ version: number; previousVersion: number | null }> {
  authorize(ctx.actor, 'process.manage');
  const { procedureId, result } = await checkChange(ctx, change);
  if (!result.ok) throw new AppError('validationFailed', result.errors);
  const who = changedBy(ctx);
  const row = { definition: result.definition, note: change.note?.trim() ?? '', changedBy: who.id, changedByLabel: who.label, at: ctx.now };
  return ctx.db.transaction().execute(async (trx) => {
    const draft = await findDraftProcess(trx, procedureId);
    const previousVersion = await supersedePublishedProcess(trx, procedureId);
    const version = draft?.version ?? await nextProcessVersion(trx, procedureId);
    if (draft) await updateProcess(trx, draft.id, 'published', row);
    else await insertProcess(trx, procedureId, version, 'published', row);
    await appendAuditEntry(trx, ctx.now, {
      ...auditOrigin(ctx), action: 'process.published', targetType: 'procedureProcess', targetId: change.code,
      before: previousVersion === null ? null : { version: previousVersion }, after: { version, total: result.total, definition: result.definition },
    });
    return { version, previousVersion };
  });
}

import { authorize } from '../../../platform/auth/authorize.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { findPublishedProcedureVersion } from '../../catalog/procedure-versions.ts';
import { auditOrigin, caseLimitsOf, changedBy, type ProcessContext } from './process-context.ts';
import type { ProcessDefinition } from './process-definition.ts';
import { findDraftProcess, insertProcess, listAgencyChoices, nextProcessVersion, updateProcess } from './repository.ts';
import { validateProcess, type ProcessValidation } from './validate-process.ts';

export interface ProcessChange { code: string; definition: unknown; note?: string | undefined }

/**
 * Keeps the administrator's work on a procedure's process as its one draft (issue 4 §2): a draft must have the shape
 * of a process, but may still break the rules; those come back as problems to fix before publishing. Audited.
 */
export async function saveProcessDraft(ctx: ProcessContext, change: ProcessChange): Promise<{ version: number; problems: FieldError[] }> {
  authorize(ctx.actor, 'process.manage');
  const { procedureId, result } = await checkChange(ctx, change);
  if (!result.ok && result.stage === 'schema') throw new AppError('validationFailed', result.errors);
  const definition = change.definition as ProcessDefinition;
  const who = changedBy(ctx);
  const row = { definition, note: change.note?.trim() ?? '', changedBy: who.id, changedByLabel: who.label, at: ctx.now };
  const version = await ctx.db.transaction().execute(async (trx) => {
    const draft = await findDraftProcess(trx, procedureId);
    const saved = draft?.version ?? await nextProcessVersion(trx, procedureId);
    if (draft) await updateProcess(trx, draft.id, 'draft', row);
    else await insertProcess(trx, procedureId, saved, 'draft', row);
    await appendAuditEntry(trx, ctx.now, {
      ...auditOrigin(ctx), action: 'process.draft.saved', targetType: 'procedureProcess', targetId: change.code,
      before: draft ? { version: draft.version, definition: draft.definition } : null, after: { version: saved, definition },
    });
    return saved;
  });
  return { version, problems: result.ok ? [] : result.errors };
}

/** The procedure a change is for, and what the validator says of the change against its cases and the agencies. */
export async function checkChange(ctx: ProcessContext, change: ProcessChange): Promise<{ procedureId: number; result: ProcessValidation }> {
  const procedure = await findPublishedProcedureVersion(ctx.db, change.code);
  if (!procedure) throw new AppError('procedureNotFound', [], { code: change.code });
  const agencies = await listAgencyChoices(ctx.db);
  const result = validateProcess(change.definition, { caseLimits: caseLimitsOf(procedure.definition), agencyCodes: new Set(agencies.map((a) => a.code)) }, ctx.lang);
  return { procedureId: procedure.procedureId, result };
}

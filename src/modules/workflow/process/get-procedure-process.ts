import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import { findPublishedProcedureVersion } from '../../catalog/procedure-versions.ts';
import { defaultProcess } from './default-process.ts';
import { caseLimitsOf } from './process-context.ts';
import { listAgencyChoices, listProcessVersions } from './repository.ts';
import { budgetTotal, validateProcess } from './validate-process.ts';

/**
 * One procedure's internal process for its administrator (issue 4 §2): the published version with its budget total
 * against the legal limit, the draft being edited, the version history, the fallback a procedure without a process
 * gets, and the agencies a step may name.
 */
export async function getProcedureProcess(db: Kysely<Database>, actor: Actor, code: string, lang: Lang) {
  authorize(actor, 'process.manage');
  const procedure = await findPublishedProcedureVersion(db, code);
  if (!procedure) throw new AppError('procedureNotFound', [], { code });
  const caseLimits = caseLimitsOf(procedure.definition);
  const [versions, agencies] = await Promise.all([listProcessVersions(db, procedure.procedureId), listAgencyChoices(db)]);
  const published = versions.find((v) => v.status === 'published');
  const draft = versions.find((v) => v.status === 'draft');
  const fallback = defaultProcess(caseLimits);
  const inForce = published?.definition ?? fallback;
  // A draft may still break the rules: say what stands between it and publishing, field by field.
  const draftCheck = draft ? validateProcess(draft.definition, { caseLimits, agencyCodes: new Set(agencies.map((a) => a.code)) }, lang) : undefined;
  return {
    procedure: { id: procedure.procedureId, code, name: procedure.definition.name, nameEn: procedure.definition.nameEn ?? null, level: procedure.definition.level, caseLimits },
    published: published ? { version: published.version, definition: published.definition, changedBy: published.changed_by_label, changedAt: published.changed_at } : null,
    draft: draft ? {
      version: draft.version, definition: draft.definition, changedBy: draft.changed_by_label, changedAt: draft.changed_at,
      problems: draftCheck && !draftCheck.ok ? draftCheck.errors : [],
    } : null,
    /** What dossiers filed now follow, and how its budgets add up (DL-08). */
    inForce: { definition: inForce, isDefault: !published, total: budgetTotal(inForce, caseLimits) },
    history: versions.map((v) => ({ version: v.version, status: v.status, note: v.note, changedBy: v.changed_by_label, changedAt: v.changed_at })),
    agencies,
  };
}

export type ProcedureProcessView = Awaited<ReturnType<typeof getProcedureProcess>>;

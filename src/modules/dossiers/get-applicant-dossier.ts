import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { explainDueDate } from '../../platform/clock/explain-due-date.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { findAgency, getProcedureVersion } from '../catalog/procedure-versions.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { loadStepTimeline } from './load-step-timeline.ts';
import { projectDossier, type DossierActionRecord } from './project-dossier.ts';
import { findDossierByReference, listActions } from './repository.ts';
import { listDossierFiles } from './dossier-files.ts';
import { supplementAnswerLines } from './supplement-answer-lines.ts';
import { internalActionKinds, type ActionKind } from './status-machine.ts';

/**
 * One dossier as its applicant follows it (P-12, S-g): the header, every step with who acted and when, the
 * pauses, each step of the internal process against its budget with the predicted completion (issue 4 §6), and the
 * due date with its reasons in words (CAL-07). Only the owner sees it.
 */
export async function getApplicantDossier(db: Kysely<Database>, actor: Actor, reference: string, lang: Lang, now: Date = new Date()) {
  const dossier = await findDossierByReference(db, reference);
  // Someone else's reference answers exactly like an unknown one: references are not secrets, dossiers are.
  if (!dossier || actor.kind !== 'person' || dossier.applicant_account_id !== actor.accountId || dossier.discarded_at) throw new AppError('dossierNotFound');
  authorize(actor, 'dossier.read', { ownerAccountId: dossier.applicant_account_id ?? undefined });
  const [actions, rules, version, agency, files] = await Promise.all([
    listActions(db, dossier.id), loadClockRules(db, dossier), getProcedureVersion(db, dossier.procedure_version_id),
    findAgency(db, { id: dossier.receiving_agency_id }), listDossierFiles(db, dossier.id, ['component', 'notice', 'result']),
  ]);
  const projection = projectDossier(actions.map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] })), rules);
  const steps = await loadStepTimeline(db, {
    actions: actions.map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), actorLabel: a.actor_label, payload: (a.payload ?? {}) as Record<string, unknown> })), rules, projection, now,
  });
  return {
    dossier, procedure: { code: version.code, name: version.definition.name }, agency: agency?.name ?? '',
    // The agency's internal deliberation (notes, appraisal, consultations, approval) is never shown to the applicant.
    timeline: actions.filter((a) => !internalActionKinds.has(a.kind as ActionKind)).map((a) => ({
      seq: a.seq, kind: a.kind as ActionKind, at: new Date(a.at), actor: a.actor_label, reason: a.reason, toStatus: a.to_status,
      details: a.kind === 'supplemented' ? supplementAnswerLines(a.payload as Record<string, unknown>) : [],
    })),
    // Issue 4 §3: the documents of the dossier, downloadable by their applicant.
    files, components: version.definition.components.map((c) => ({ code: c.code, name: c.name })),
    dueDateExplanation: projection.dueDateSteps.length ? explainDueDate(projection.dueDateSteps, lang) : [],
    /** Each step against its budget, the steps ahead and the predicted completion (issue 4 §6, DL-08). */
    steps,
    // The notices stored with the dossier (issue 4 §5), each downloaded by the seq of the action that issued it.
    notices: files.filter((f) => f.purpose === 'notice').flatMap((f) => (f.action_seq === null ? [] : [{ seq: f.action_seq, name: f.display_name, sizeBytes: Number(f.size_bytes) }])),
  };
}

export type ApplicantDossier = Awaited<ReturnType<typeof getApplicantDossier>>;

import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { explainDueDate } from '../../platform/clock/explain-due-date.ts';
import { toLocal } from '../../platform/clock/local-time.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { listAgencyRows } from '../catalog/repository.ts';
import { officerNames } from '../identity/officer-names.ts';
import { findStep, type ProcessStep } from '../workflow/process/process-definition.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { answerPermissions } from './answer-consultation.ts';
import { listDossierFiles } from './dossier-files.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { availableActions } from './processing-actions.ts';
import { projectDossier, type DossierActionRecord } from './project-dossier.ts';
import { findDossier, listActions } from './repository.ts';
import { supplementNoticeLate } from './request-supplement.ts';
import { internalActionKinds, type ActionKind, type DossierStatusCode } from './status-machine.ts';
import { stepAuthority, stepName } from './step-authority.ts';
import { timeLeft } from './time-left.ts';

/**
 * A dossier as the officers processing it see it (issue 4 §5, §6 officers; S-g): the header with the current step,
 * its unit, holder and both due times; the applicant's data and files; every action including the internal ones;
 * the notices; the consultations with their own deadlines; and only the actions this officer may take now.
 * Officers of the dossier's units read it, and a consulted unit until it answers.
 */
export async function getProcessingDossier(db: Kysely<Database>, actor: Actor, dossierId: string, now: Date, lang: Lang) {
  const dossier = await findDossier(db, dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (actor.kind !== 'officer' || !isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const [actions, rules, version, agencies, files] = await Promise.all([
    listActions(db, dossier.id), loadClockRules(db, dossier), getProcedureVersion(db, dossier.procedure_version_id), listAgencyRows(db),
    listDossierFiles(db, dossier.id),
  ]);
  const records: DossierActionRecord[] = actions.map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] }));
  const projection = projectDossier(records, rules);
  const definition = rules.process?.definition;
  const step = definition && findStep(definition, dossier.current_step);
  const agencyName = (id: number | null | undefined) => agencies.find((a) => a.id === id)?.name ?? '';
  const names = await officerNames(db, [dossier.assignee_id, ...actions.map((a) => a.actor_id)].filter((id): id is string => id !== null));

  const consultations = projection.consultations.map((c) => {
    const asked = actions[c.seq - 1]!;
    const answer = actions.find((a) => a.kind === 'consultationAnswered' && (a.payload as { requestSeq?: number }).requestSeq === c.seq);
    return {
      seq: c.seq, unit: agencyName(c.agencyId), question: String((asked.payload as { question?: string }).question ?? ''), askedBy: asked.actor_label,
      requestedAt: c.requestedAt, dueAt: c.dueAt, answeredAt: c.answeredAt, answer: answer ? String((answer.payload as { answer?: string }).answer ?? '') : null,
      answeredBy: answer?.actor_label ?? null,
      late: c.dueAt !== null && (c.answeredAt ?? now) > c.dueAt,
      mayAnswer: !c.answeredAt && answerPermissions.some((p) => isAllowed(actor, p, { agencyId: c.agencyId })),
    };
  });
  const holds = (permission: string) => isAllowedOnDossier(actor, permission, dossier);
  const available = availableActions({
    status: dossier.status as DossierStatusCode, previousStatus: projection.resumeTo.at(-1) ?? null, step,
    authority: step ? stepAuthority(actor, dossier, step) : undefined, holds,
    answerable: consultations.filter((c) => c.mayAnswer).length,
    extended: projection.extended, earlyReturnNoticed: actions.some((a) => a.kind === 'earlyReturnNoticed'),
    dueAt: dossier.due_at ? new Date(dossier.due_at) : null, now,
  });
  const describeStep = (s: ProcessStep | undefined) => (s ? { code: s.code, name: stepName(s, lang), purpose: s.purpose, role: s.role } : null);
  const target = (to: string, agencyId: number | undefined) => ({ step: describeStep(findStep(definition!, to))!, unit: agencyName(agencyId) });
  const procedureCase = version.definition.cases.find((c) => c.code === dossier.case_code);
  const stepDueAt = dossier.step_due_at ? new Date(dossier.step_due_at) : null;
  const dueAt = dossier.due_at ? new Date(dossier.due_at) : null;

  return {
    dossier, available: available.actions,
    procedure: { code: version.code, name: version.definition.name, caseName: procedureCase?.name ?? dossier.case_code },
    position: {
      step: describeStep(step), unit: agencyName(dossier.current_agency_id), holder: dossier.assignee_id ? names.get(dossier.assignee_id) ?? '' : null,
      stepDueAt, stepTimeLeft: step && stepDueAt ? timeLeft(rules.calendar, stepDueAt, now) : null,
      dueAt, timeLeft: timeLeft(rules.calendar, dueAt, now),
    },
    forwardTargets: available.forwardTargets.map((n) => ({ kind: n.kind, ...target(n.to, rules.process?.stepAgencyIds[n.to]) })),
    sendBackTargets: available.sendBackTargets.map((n) => ({ kind: n.kind, ...target(n.to, rules.process?.stepAgencyIds[n.to]) })),
    /** Units a hand-over, transfer or consultation may go to: the current ones, the dossier's own unit first. */
    units: agencies.filter((a) => a.valid_to === null || a.valid_to >= toLocal(now).date).map((a) => ({ id: a.id, name: a.name }))
      .sort((a, b) => Number(b.id === dossier.receiving_agency_id) - Number(a.id === dossier.receiving_agency_id)),
    currentAgencyId: dossier.current_agency_id,
    formData: Object.entries(dossier.form_data as Record<string, unknown>).map(([key, value]) => ({
      key, value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value),
    })),
    components: version.definition.components.filter((c) => c.caseCodes.length === 0 || c.caseCodes.includes(dossier.case_code)).map((c) => c.name),
    files: files.map((f) => ({ id: f.id, purpose: f.purpose, name: f.display_name, mediaType: f.media_type, size: Number(f.size_bytes), componentCode: f.component_code })),
    timeline: actions.map((a) => ({
      seq: a.seq, kind: a.kind as ActionKind, at: new Date(a.at), actor: a.actor_label, reason: a.reason, payload: a.payload as Record<string, unknown>,
      internal: internalActionKinds.has(a.kind as ActionKind),
    })),
    stepNames: Object.fromEntries((definition?.steps ?? []).map((s) => [s.code, stepName(s, lang)])) as Record<string, string>,
    consultations,
    supplement: {
      late: supplementNoticeLate(rules.calendar, dossier.received_at ? new Date(dossier.received_at) : null, now),
      repeat: actions.some((a) => a.kind === 'supplementRequested'),
    },
    dueDateExplanation: projection.dueDateSteps.length ? explainDueDate(projection.dueDateSteps, lang) : [],
  };
}

export type ProcessingDossierView = Awaited<ReturnType<typeof getProcessingDossier>>;

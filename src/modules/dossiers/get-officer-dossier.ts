import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { explainDueDate } from '../../platform/clock/explain-due-date.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { findAgency, getProcedureVersion } from '../catalog/procedure-versions.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { projectDossier, type DossierActionRecord } from './project-dossier.ts';
import { findDossier, listActions } from './repository.ts';
import { listDossierFiles } from './dossier-files.ts';
import { nextStatus, type ActionKind, type DossierStatusCode } from './status-machine.ts';
import { timeLeft } from './time-left.ts';
import { stepAuthority } from './step-authority.ts';
import { findStep } from '../workflow/process/process-definition.ts';

/** What the desk can do from here: allowed by the transition table and by the officer's permissions. */
const deskActions = ['received', 'receptionRefused', 'supplementRequested', 'supplemented', 'forwarded', 'returned'] as const;
export type DeskAction = (typeof deskActions)[number];
const permissionOf: Record<DeskAction, string[]> = {
  received: ['dossier.receive'], receptionRefused: ['dossier.receive'], supplementRequested: ['dossier.receive'],
  supplemented: ['dossier.receive'], forwarded: ['dossier.receive', 'dossier.process'], returned: ['dossier.return'],
};

/**
 * A dossier as officers of its agency see it (S-g): the applicant as filed, the procedure version it pinned,
 * every step, the due date explained, the time left, and the desk actions open to this officer now.
 */
export async function getOfficerDossier(db: Kysely<Database>, actor: Actor, dossierId: string, now: Date, lang: Lang) {
  const dossier = await findDossier(db, dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const [actions, rules, version, agency, files] = await Promise.all([
    listActions(db, dossier.id), loadClockRules(db, dossier), getProcedureVersion(db, dossier.procedure_version_id),
    findAgency(db, { id: dossier.receiving_agency_id }), listDossierFiles(db, dossier.id),
  ]);
  const projection = projectDossier(actions.map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] })), rules);
  const step = rules.process && findStep(rules.process.definition, dossier.current_step);
  const available = deskActions.filter((kind) => nextStatus(dossier.status as DossierStatusCode, projection.resumeTo.at(-1) ?? null, kind) !== null
    && permissionOf[kind].some((p) => isAllowedOnDossier(actor, p, dossier))
    // Forwarding follows the process: only whoever may act at the current step hands it on (issue 4 §5).
    && (kind !== 'forwarded' || (step !== undefined && stepAuthority(actor, dossier, step) === 'ok')));
  const procedureCase = version.definition.cases.find((c) => c.code === dossier.case_code);
  return {
    dossier, agency: agency?.name ?? '', available,
    procedure: { code: version.code, name: version.definition.name, caseName: procedureCase?.name ?? dossier.case_code },
    // Issue 4 §3: the dossier's documents, downloadable at /mot-cua/ho-so/:id/tep/:fileId.
    files, componentNames: version.definition.components.map((c) => ({ code: c.code, name: c.name })),
    components: version.definition.components.filter((c) => c.caseCodes.length === 0 || c.caseCodes.includes(dossier.case_code)).map((c) => c.name),
    timeline: actions.map((a) => ({ seq: a.seq, kind: a.kind as ActionKind, at: new Date(a.at), actor: a.actor_label, reason: a.reason, toStatus: a.to_status })),
    dueDateExplanation: projection.dueDateSteps.length ? explainDueDate(projection.dueDateSteps, lang) : [],
    timeLeft: timeLeft(rules.calendar, dossier.due_at ? new Date(dossier.due_at) : null, now),
  };
}

export type OfficerDossierView = Awaited<ReturnType<typeof getOfficerDossier>>;

import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { findStep } from '../workflow/process/process-definition.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { listAccountNames, listUnits } from './desk-repository.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { renderControlSheet, type HandOver } from './notices/control-sheet.ts';
import { projectDossier, type DossierActionRecord, type StepPosition } from './project-dossier.ts';
import { findDossier, listActions } from './repository.ts';
import type { ActionKind } from './status-machine.ts';
import type { ApplicantSnapshot } from './tables.ts';

/**
 * Mẫu 05, the control sheet of one dossier (issue 4 §6; DL-08, CAL-08, S-g), rebuilt from its action log: each
 * hand-over from one unit and officer to the next step's unit (and assignee), its time, the step's due time from
 * the budget its pinned process gives, and early / on time / late once the receiver hands it on. The result's
 * return to the applicant is judged against the dossier's due date. Only officers who may read the dossier get it;
 * to anyone else it does not exist.
 */
export async function renderDossierControlSheet(db: Kysely<Database>, actor: Actor, input: { dossierId: string }): Promise<{ fileName: string; pdf: Buffer }> {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier || actor.kind !== 'officer' || !isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError('dossierNotFound');
  if (!dossier.code || !dossier.received_at) throw new AppError('notFound');
  const [actions, rules, version] = await Promise.all([listActions(db, dossier.id), loadClockRules(db, dossier), getProcedureVersion(db, dossier.procedure_version_id)]);
  const records: DossierActionRecord[] = actions.map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] }));
  const positions = records.map((_, i) => projectDossier(records.slice(0, i + 1), rules));
  const unitIds = [dossier.desk_agency_id, dossier.receiving_agency_id, ...positions.flatMap((p) => (p.currentAgencyId === null ? [] : [p.currentAgencyId]))];
  const assigneeIds = positions.flatMap((p) => (p.assigneeId ? [p.assigneeId] : []));
  const [units, people] = await Promise.all([listUnits(db, [...new Set(unitIds)]), listAccountNames(db, [...new Set(assigneeIds)])]);
  const unitName = (id: number | null) => units.find((u) => u.id === (id ?? dossier.desk_agency_id))?.name ?? '';
  const personName = (id: string | null) => (id ? people.find((p) => p.id === id)?.display_name : undefined);
  const stepName = (code: string | null) => (rules.process && findStep(rules.process.definition, code)?.name) || code || '';
  const desk = unitName(dossier.desk_agency_id);
  const applicant = dossier.applicant as ApplicantSnapshot;

  const handOvers: HandOver[] = [];
  const close = (at: Date) => {
    const open = handOvers.at(-1);
    if (open && !open.completedAt) open.completedAt = at;
  };
  let before: StepPosition | null = null;
  actions.forEach((action, i) => {
    const after = positions[i]!;
    const at = new Date(action.at);
    const note = typeof (action.payload as { note?: unknown }).note === 'string' ? (action.payload as { note: string }).note : undefined;
    if (action.kind === 'returned') {
      close(at);
      handOvers.push({ from: `${desk} – ${action.actor_label}`, to: applicant.name, at, stepDueAt: dossier.due_at ? new Date(dossier.due_at) : null, completedAt: at, note });
    } else if (before && action.kind !== 'received' && after.currentStep
      && (after.currentStep !== before.currentStep || after.currentAgencyId !== before.currentAgencyId || (after.assigneeId !== null && after.assigneeId !== before.assigneeId))) {
      close(at);
      const assignee = personName(after.assigneeId);
      handOvers.push({
        from: `${unitName(before.currentAgencyId)} – ${action.actor_label}`,
        to: `${unitName(after.currentAgencyId)} (${stepName(after.currentStep)})${assignee ? ` – ${assignee}` : ''}`,
        at, stepDueAt: after.stepDueAt, note,
      });
    }
    before = after;
  });

  const handling = positions.findLast((p) => p.currentAgencyId !== null && p.currentAgencyId !== dossier.desk_agency_id)?.currentAgencyId ?? dossier.receiving_agency_id;
  const pdf = await renderControlSheet({
    issuer: { agencyName: unitName(dossier.receiving_agency_id), place: unitName(dossier.receiving_agency_id).replace(/^Ủy ban nhân dân (tỉnh|thành phố|phường|xã|đặc khu|huyện) /i, '').replace(/ tỉnh .*$/, '') },
    issuedAt: new Date(dossier.received_at),
    dossier: {
      code: dossier.code, reference: dossier.reference, procedureName: version.definition.name, procedureCode: version.code,
      caseName: version.definition.cases.find((c) => c.code === dossier.case_code)?.name, applicant,
    },
    receivedAt: new Date(dossier.received_at), dueAt: dossier.due_at ? new Date(dossier.due_at) : null,
    handlingUnit: unitName(handling), handOvers,
  });
  return { fileName: `phieu-kiem-soat-${dossier.code}.pdf`, pdf };
}

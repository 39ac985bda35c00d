import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize, isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang, type MessageKey } from '../../platform/i18n/messages.ts';
import { listUnitOfficers } from '../identity/unit-officers.ts';
import { officerNames } from '../identity/officer-names.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { listRunningAbsences } from './absence-repository.ts';
import { lockDossier } from './repository.ts';
import { createStepResolver, localToday } from './work-step.ts';

export const maxBulkAssignment = 100;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What happened to one dossier of a (bulk) assignment. */
export type AssignmentOutcome =
  | { dossierId: string; ok: true; label: string; previousAssigneeId: string | null }
  | { dossierId: string; ok: false; label: string; message: string; code: string };

export interface AssignmentReport {
  assigneeName: string;
  outcomes: AssignmentOutcome[];
  /** The assignee is away at a unit of an assigned dossier: until when and who covers (issue 4 §2: assignment to an absent officer warns). */
  absences: { agencyId: number; endsOn: string; coveringName: string }[];
}

/**
 * A unit leader assigns or reassigns dossiers (issue 4 §2 "Assignment", also in bulk): each dossier on its own,
 * all-or-nothing, and the report says what happened to each. The leader must hold `dossier.assign` over the
 * dossier's current unit; the officer must hold, at that unit, the role the current step needs (the pinned
 * process says which); taking a dossier from someone needs a reason. Appends `assigned`
 * `{ assigneeId, previousAssigneeId }`.
 */
export async function assignDossiers(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierIds: readonly string[]; assigneeId: string; reason?: string | undefined }): Promise<AssignmentReport> {
  authorize(actor, 'dossier.assign');
  const dossierIds = [...new Set(input.dossierIds)];
  const errors = [];
  if (dossierIds.length === 0) errors.push({ path: '/dossierIds', message: t(lang, 'work.assign.noneChosen') });
  if (dossierIds.length > maxBulkAssignment) errors.push({ path: '/dossierIds', message: t(lang, 'work.assign.tooMany', { max: maxBulkAssignment }) });
  if (!input.assigneeId) errors.push({ path: '/assigneeId', message: t(lang, 'work.assign.noAssignee') });
  if (errors.length) throw new AppError('validationFailed', errors);
  const assigneeName = uuid.test(input.assigneeId) ? (await officerNames(db, [input.assigneeId])).get(input.assigneeId) : undefined;
  if (!assigneeName) throw new AppError('validationFailed', [{ path: '/assigneeId', message: t(lang, 'work.assign.noAssignee') }]);
  const reason = input.reason?.trim() || undefined;

  const outcomes: AssignmentOutcome[] = [];
  const units = new Set<number>();
  for (const dossierId of dossierIds) {
    let label = dossierId;
    try {
      if (!uuid.test(dossierId)) throw new AppError('dossierNotFound');
      let previousAssigneeId: string | null = null;
      await actOnDossier(db, {
        actor, now, dossierId, permissions: ['dossier.assign'],
        action: async (_stale, trx) => {
          const dossier = (await lockDossier(trx, dossierId))!;
          label = dossier.code ?? dossier.reference;
          const step = await createStepResolver(trx).step(dossier);
          if (!step || dossier.current_agency_id === null) throw new AppError('transitionNotAllowed', [], { status: dossier.status, action: 'assigned' });
          const agencyId = dossier.current_agency_id;
          if (!isAllowed(actor, 'dossier.assign', { agencyId })) throw new AppError('forbidden');
          if (dossier.assignee_id === input.assigneeId) {
            throw new AppError('validationFailed', [{ path: '/assigneeId', message: t(lang, 'work.assign.alreadyHolder', { name: assigneeName }) }]);
          }
          const officer = (await listUnitOfficers(trx, [agencyId])).get(agencyId)?.find((o) => o.accountId === input.assigneeId);
          if (!officer || !officer.roles.includes(step.role)) {
            throw new AppError('validationFailed', [{ path: '/assigneeId', message: t(lang, 'work.assign.wrongRole', { name: assigneeName, role: t(lang, `work.role.${step.role}` as MessageKey) }) }]);
          }
          if (dossier.assignee_id !== null && !reason) throw new AppError('validationFailed', [{ path: '/reason', message: t(lang, 'work.assign.reasonRequired') }]);
          previousAssigneeId = dossier.assignee_id;
          units.add(agencyId);
          return { kind: 'assigned', reason, payload: { assigneeId: input.assigneeId, previousAssigneeId } };
        },
      });
      outcomes.push({ dossierId, ok: true, label, previousAssigneeId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = error.fieldErrors[0]?.message ?? t(lang, error.messageKey, error.params);
      outcomes.push({ dossierId, ok: false, label, message, code: error.code });
    }
  }
  const running = units.size ? await listRunningAbsences(db, localToday(now), { agencyIds: [...units], officerIds: [input.assigneeId] }) : [];
  const covering = await officerNames(db, running.map((a) => a.covering_officer_id));
  return {
    assigneeName, outcomes,
    absences: running.map((a) => ({ agencyId: a.agency_id, endsOn: a.ends_on, coveringName: covering.get(a.covering_officer_id) ?? '' })),
  };
}

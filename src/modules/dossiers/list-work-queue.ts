import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { toLocal } from '../../platform/clock/local-time.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { cleanQuery, foldVietnamese } from '../../platform/text/fold.ts';
import { listUnitOfficers } from '../identity/unit-officers.ts';
import { officerNames } from '../identity/officer-names.ts';
import { loadWorkingCalendar } from '../workflow/calendar/load-working-calendar.ts';
import type { StepRole } from '../workflow/process/process-definition.ts';
import { listRunningAbsences } from './absence-repository.ts';
import { dueState, dueStateRank, type DueState } from './due-state.ts';
import type { ApplicantSnapshot } from './tables.ts';
import { timeLeft, type TimeLeft } from './time-left.ts';
import { listWorkRows } from './work-queue-repository.ts';
import { createStepResolver, isAssignableStatus, localToday, stepRolePermission, unitsWithPermission } from './work-step.ts';

/**
 * The tabs of an officer's work queue (issue 4 §5): mine (assigned to me or to a colleague I cover), waiting to be
 * claimed (unassigned at a step I may work), and for leaders the whole unit, the unassigned and those awaiting
 * approval; for clerks those awaiting issue.
 */
export const workTabs = ['mine', 'claimable', 'unit', 'unassigned', 'approval', 'issue'] as const;
export type WorkTab = (typeof workTabs)[number];
export const dueStates = ['overdue', 'dueSoon', 'onTime', 'paused'] as const satisfies readonly DueState[];

export interface WorkQueueFilters {
  procedure?: string | undefined;
  step?: string | undefined;
  status?: number | undefined;
  due?: DueState | undefined;
  /** Received on or after / on or before these local dates (YYYY-MM-DD). */
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** Code, reference or applicant's name, diacritics ignored. */
  q?: string | undefined;
}

export interface WorkItem {
  id: string; code: string | null; reference: string; status: number; procedureCode: string; procedureName: string; applicantName: string;
  stepCode: string; stepName: string; stepNameEn: string | undefined; stepRole: StepRole;
  receivedAt: Date | null; stepDueAt: Date | null; dueAt: Date | null;
  stepTime: TimeLeft; dossierTime: TimeLeft; due: DueState;
  holderId: string | null; holderName: string | null;
  /** Held by an absent colleague the signed-in officer covers: that colleague's name ("thay cho …"). */
  coveringFor: string | null;
  mayClaim: boolean; mayAssign: boolean; mayRelease: boolean;
}

export interface AssignableOfficer { accountId: string; name: string; roles: StepRole[]; absentUntil?: string; coveringName?: string }

const workRoles = new Set<string>(['reception', 'specialist', 'leader', 'clerk']);

/**
 * One tab of the signed-in officer's work queue (issue 4 §5, S-g, S-h): filtered by procedure, step, status, due
 * state, received period and text; the most urgent first (overdue, due soon, on time, paused; then the earliest
 * deadline); paged; with the count of every tab. Each row carries the step's and the dossier's time left and what
 * the officer may do with it (claim, assign, give back). Only dossiers at units where the officer reads dossiers,
 * or held by them or by a colleague they cover, ever appear.
 */
export async function listWorkQueue(db: Kysely<Database>, actor: Actor, now: Date, input: { tab?: WorkTab | undefined; filters?: WorkQueueFilters; page?: number; pageSize?: number }) {
  if (actor.kind !== 'officer' || !actor.mfaVerified) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const readUnits = unitsWithPermission(actor, 'dossier.read');
  if (readUnits.length === 0) throw new AppError('forbidden');
  const me = actor.accountId;
  const covers = await listRunningAbsences(db, localToday(now), { coveringOfficerId: me });
  const covered = new Set(covers.map((a) => `${a.officer_id}@${a.agency_id}`));
  const [rows, calendar] = await Promise.all([
    listWorkRows(db, { agencyIds: readUnits, assigneeIds: [me, ...covers.map((a) => a.officer_id)] }),
    loadWorkingCalendar(db),
  ]);
  const resolver = createStepResolver(db);
  const may = (permission: string, agencyId: number | null) => agencyId !== null && isAllowed(actor, permission, { agencyId });
  const visible = new Set<WorkTab>(['mine']);
  if (unitsWithPermission(actor, 'dossier.process').length) visible.add('claimable');
  if (unitsWithPermission(actor, 'dossier.assign').length) { visible.add('unit'); visible.add('unassigned'); }
  if (unitsWithPermission(actor, 'dossier.approve').length) visible.add('approval');
  if (unitsWithPermission(actor, 'dossier.register').length) visible.add('issue');
  const tab: WorkTab = input.tab && visible.has(input.tab) ? input.tab : 'mine';

  const all = (await Promise.all(rows.map(async (row) => {
    const step = await resolver.step(row);
    if (!step) return undefined;
    const procedure = await resolver.procedure(row);
    const unit = row.current_agency_id;
    const assignable = isAssignableStatus(row.status);
    const mine = row.assignee_id === me;
    const covering = row.assignee_id !== null && unit !== null && covered.has(`${row.assignee_id}@${unit}`);
    const stepDueAt = row.step_due_at ? new Date(row.step_due_at) : null;
    const dueAt = row.due_at ? new Date(row.due_at) : null;
    const tabs = new Set<WorkTab>();
    if (mine || covering) tabs.add('mine');
    const mayClaim = row.assignee_id === null && assignable && may('dossier.process', unit) && may(stepRolePermission[step.role], unit);
    if (mayClaim) tabs.add('claimable');
    const mayAssign = assignable && may('dossier.assign', unit);
    if (may('dossier.assign', unit)) tabs.add('unit');
    if (mayAssign && row.assignee_id === null) tabs.add('unassigned');
    if (step.purpose === 'approval' && may('dossier.approve', unit)) tabs.add('approval');
    if (step.purpose === 'issue' && may('dossier.register', unit)) tabs.add('issue');
    const item: WorkItem = {
      id: row.id, code: row.code, reference: row.reference, status: row.status, procedureCode: procedure.code, procedureName: procedure.name,
      applicantName: (row.applicant as ApplicantSnapshot).name, stepCode: step.code, stepName: step.name, stepNameEn: step.nameEn, stepRole: step.role,
      receivedAt: row.received_at ? new Date(row.received_at) : null, stepDueAt, dueAt,
      stepTime: timeLeft(calendar, stepDueAt, now), dossierTime: timeLeft(calendar, dueAt, now), due: dueState(calendar, { stepDueAt, dueAt }, now),
      holderId: row.assignee_id, holderName: null, coveringFor: covering && !mine ? row.assignee_id : null,
      mayClaim, mayAssign, mayRelease: (mine || covering) && assignable,
    };
    return { item, tabs, createdAt: new Date(row.created_at).getTime() };
  }))).filter((r) => r !== undefined);

  const counts = Object.fromEntries(workTabs.map((name) => [name, all.filter((r) => r.tabs.has(name)).length])) as Record<WorkTab, number>;
  const inTab = all.filter((r) => r.tabs.has(tab));
  const filters = input.filters ?? {};
  const q = filters.q ? foldVietnamese(cleanQuery(filters.q)) : '';
  const localDate = (at: Date | null) => (at ? toLocal(at).date : null);
  const matches = inTab.filter(({ item }) => {
    const received = localDate(item.receivedAt);
    return (!filters.procedure || item.procedureCode === filters.procedure)
      && (!filters.step || item.stepCode === filters.step)
      && (filters.status === undefined || item.status === filters.status)
      && (!filters.due || item.due === filters.due)
      && (!filters.receivedFrom || (received !== null && received >= filters.receivedFrom))
      && (!filters.receivedTo || (received !== null && received <= filters.receivedTo))
      && (!q || foldVietnamese([item.code ?? '', item.reference, item.applicantName].join(' ')).includes(q));
  });
  const deadline = (item: WorkItem) => Math.min(item.stepDueAt?.getTime() ?? Infinity, item.dueAt?.getTime() ?? Infinity);
  matches.sort((a, b) => dueStateRank(a.item.due) - dueStateRank(b.item.due) || deadline(a.item) - deadline(b.item) || a.createdAt - b.createdAt);

  const pageSize = input.pageSize ?? 20;
  const pages = Math.max(1, Math.ceil(matches.length / pageSize));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  const items = matches.slice((page - 1) * pageSize, page * pageSize).map((r) => r.item);
  const names = await officerNames(db, items.flatMap((i) => (i.holderId ? [i.holderId] : [])));
  for (const item of items) {
    item.holderName = item.holderId ? names.get(item.holderId) ?? null : null;
    if (item.coveringFor) item.coveringFor = names.get(item.coveringFor) ?? null;
  }

  const byCode = <T extends { code: string }>(list: T[]) => [...new Map(list.map((x) => [x.code, x])).values()].sort((a, b) => a.code.localeCompare(b.code));
  const options = {
    procedures: byCode(inTab.map(({ item }) => ({ code: item.procedureCode, name: item.procedureName }))),
    steps: byCode(inTab.map(({ item }) => ({ code: item.stepCode, name: item.stepName, nameEn: item.stepNameEn }))),
    statuses: [...new Set(inTab.map(({ item }) => item.status))].sort((a, b) => a - b),
  };

  return {
    tab, tabs: workTabs.filter((name) => visible.has(name)), counts, filters, page, pageSize, total: matches.length, items, options,
    officers: items.some((i) => i.mayAssign) ? await assignableOfficers(db, now, all.filter((r) => r.item.mayAssign).map((r) => rows.find((row) => row.id === r.item.id)!.current_agency_id!)) : [],
  };
}

export type WorkQueueView = Awaited<ReturnType<typeof listWorkQueue>>;

/** The officers a leader may pick for a bulk assignment at these units, each marked if away today and who covers. */
async function assignableOfficers(db: Kysely<Database>, now: Date, agencyIds: number[]): Promise<AssignableOfficer[]> {
  const units = [...new Set(agencyIds)];
  const byUnit = await listUnitOfficers(db, units);
  const officers = new Map<string, AssignableOfficer>();
  for (const list of byUnit.values()) {
    for (const o of list) {
      const roles = o.roles.filter((r): r is StepRole => workRoles.has(r));
      if (!roles.length) continue;
      const known = officers.get(o.accountId);
      officers.set(o.accountId, { accountId: o.accountId, name: o.name, roles: [...new Set([...(known?.roles ?? []), ...roles])] });
    }
  }
  const away = await listRunningAbsences(db, localToday(now), { agencyIds: units, officerIds: [...officers.keys()] });
  const coveringNames = await officerNames(db, away.map((a) => a.covering_officer_id));
  for (const a of away) {
    const officer = officers.get(a.officer_id);
    if (officer) Object.assign(officer, { absentUntil: a.ends_on, coveringName: coveringNames.get(a.covering_officer_id) ?? '' });
  }
  return [...officers.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkingCalendar, defaultRestWeekdays, defaultWorkingHours } from '../../platform/clock/working-calendar.ts';
import { defaultProcess } from '../workflow/process/default-process.ts';
import { InvalidTransition, projectDossier, type DossierActionRecord } from './project-dossier.ts';
import { transitions, type ActionKind, type DossierStatusCode } from './status-machine.ts';

const cal = createWorkingCalendar({ workingHours: defaultWorkingHours, restWeekdays: defaultRestWeekdays, days: [] });
const rules = { calendar: cal, limit: { value: 3, unit: 'workingDays' as const } };
const at = (local: string) => new Date(`${local}+07:00`);
const act = (kind: ActionKind, local: string, payload: DossierActionRecord['payload'] = {}): DossierActionRecord => ({ kind, at: at(local), payload });
const allActions = [...new Set(Object.values(transitions).flatMap((t) => Object.keys(t)))] as ActionKind[];

describe('dossier status machine (ST-M1) and projection (ST-M3, DL-01)', () => {
  it('derives status, code, dates and the due date from the actions alone', () => {
    const p = projectDossier([
      act('submitted', '2026-11-01T20:00'), act('received', '2026-11-02T09:00', { code: '000.00.41.H99-261102-0001' }),
      act('forwarded', '2026-11-02T10:00'), act('resolved', '2026-11-04T15:00'), act('returned', '2026-11-05T08:00'),
    ], rules);
    assert.equal(p.status, 10);
    assert.equal(p.code, '000.00.41.H99-261102-0001');
    assert.deepEqual([p.submittedAt, p.receivedAt, p.resolvedAt, p.returnedAt].map((d) => d?.toISOString()),
      ['2026-11-01T13:00:00.000Z', '2026-11-02T02:00:00.000Z', '2026-11-04T08:00:00.000Z', '2026-11-05T01:00:00.000Z']);
    assert.equal(p.dueAt?.toISOString(), at('2026-11-05T09:00').toISOString(), 'DL-01: the limit runs from reception, not submission');
  });

  it('goes back to the status before a pause, nested pauses included', () => {
    const p = projectDossier([
      act('submitted', '2026-11-02T08:00'), act('received', '2026-11-02T09:00', { code: 'X' }), act('forwarded', '2026-11-02T10:00'),
      act('supplementRequested', '2026-11-03T09:00'), act('withdrawalRequested', '2026-11-03T10:00'), act('withdrawalRefused', '2026-11-03T11:00'),
    ], rules);
    assert.equal(p.status, 5);
    const resumed = projectDossier([...[
      act('submitted', '2026-11-02T08:00'), act('received', '2026-11-02T09:00', { code: 'X' }), act('forwarded', '2026-11-02T10:00'),
      act('supplementRequested', '2026-11-03T09:00'), act('withdrawalRequested', '2026-11-03T10:00'), act('withdrawalRefused', '2026-11-03T11:00'),
    ], act('supplemented', '2026-11-04T09:00')], rules);
    assert.equal(resumed.status, 4);
    assert.equal(resumed.dueAt?.toISOString(), at('2026-11-09T09:00').toISOString(), 'DL-04 default: restart from the completed supplement');
  });

  it('runs no clock before acceptance: a supplement request at the desk pauses nothing', () => {
    const p = projectDossier([act('submitted', '2026-11-02T08:00'), act('supplementRequested', '2026-11-02T09:00'), act('supplemented', '2026-11-03T09:00')], rules);
    assert.equal(p.status, 1);
    assert.deepEqual(p.pauses, []);
    assert.equal(p.dueAt, null);
  });

  it('refuses every action the table does not allow from each status, and allows the listed ones', () => {
    for (const [from, allowed] of Object.entries(transitions)) {
      for (const action of allActions) {
        const history = pathTo(Number(from) as DossierStatusCode);
        const run = () => projectDossier([...history, act(action, '2026-11-20T09:00', { code: 'X', newDueAt: '2026-11-30T10:00:00+07:00' })], rules);
        if (action in allowed) assert.doesNotThrow(run, `${action} from ${from}`);
        else assert.throws(run, InvalidTransition, `${action} from ${from}`);
      }
    }
  });

  it('follows the process: the current step, its unit, its holder and its own due time (DL-08)', () => {
    const definition = defaultProcess([{ value: 7, unit: 'workingDays' }]);
    const process = { processId: 1, definition, stepAgencyIds: { TIEP_NHAN: 41, THAM_DINH: 41, PHE_DUYET: 41, BAN_HANH: 41, TRA_KET_QUA: 30 } };
    const withProcess = { ...rules, process };
    const log = [
      act('submitted', '2026-11-02T08:00'), act('received', '2026-11-02T09:00', { code: 'X' }),
      act('forwarded', '2026-11-02T10:00', { assigneeId: 'duc' }),
    ];
    const handling = projectDossier(log, withProcess);
    assert.deepEqual([handling.currentStep, handling.currentAgencyId, handling.assigneeId], ['THAM_DINH', 41, 'duc'], 'a forward without a step goes to the next step');
    // The appraisal budget is 56 h − 6 h (clerk) − 8 h (leader) = 42 working hours: 5 h on Monday, 32 h Tue–Fri, 5 h the next Monday.
    assert.equal(handling.stepDueAt?.toISOString(), at('2026-11-09T14:00').toISOString());
    const paused = projectDossier([...log, act('supplementRequested', '2026-11-03T09:00')], withProcess);
    assert.equal(paused.stepDueAt, null, 'a pause stops the step clock');
    const approval = projectDossier([...log, act('forwarded', '2026-11-03T14:00', { toStep: 'PHE_DUYET' }), act('assigned', '2026-11-03T15:00', { assigneeId: 'ngoc' })], withProcess);
    assert.deepEqual([approval.currentStep, approval.assigneeId], ['PHE_DUYET', 'ngoc']);
    const resolved = projectDossier([...log, act('resolved', '2026-11-04T09:00')], withProcess);
    assert.deepEqual([resolved.currentStep, resolved.currentAgencyId, resolved.assigneeId], ['TRA_KET_QUA', 30, null], 'the result goes back to the desk');
    const returned = projectDossier([...log, act('resolved', '2026-11-04T09:00'), act('returned', '2026-11-04T10:00')], withProcess);
    assert.equal(returned.currentStep, null, 'a closed dossier is at no step');
  });
});

/** A history that leaves a dossier in the given status. */
function pathTo(status: DossierStatusCode): DossierActionRecord[] {
  const base = [act('submitted', '2026-11-02T08:00')];
  const received = [...base, act('received', '2026-11-02T09:00', { code: 'X' })];
  const processing = [...received, act('forwarded', '2026-11-02T10:00')];
  const paths: Record<DossierStatusCode, DossierActionRecord[]> = {
    0: [], 1: base, 2: received, 3: [...base, act('receptionRefused', '2026-11-02T09:00')], 4: processing,
    5: [...processing, act('supplementRequested', '2026-11-03T09:00')], 6: [...processing, act('paymentRequested', '2026-11-03T09:00')],
    7: [...processing, act('withdrawalRequested', '2026-11-03T09:00')], 8: [...processing, act('stopped', '2026-11-03T09:00')],
    9: [...processing, act('resolved', '2026-11-03T09:00')], 10: [...processing, act('resolved', '2026-11-03T09:00'), act('returned', '2026-11-04T09:00')],
  };
  return paths[status];
}

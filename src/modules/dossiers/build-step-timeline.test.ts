import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkingCalendar, defaultWorkingHours } from '../../platform/clock/working-calendar.ts';
import { defaultProcess } from '../workflow/process/default-process.ts';
import { buildStepTimeline, type TimelineAction } from './build-step-timeline.ts';
import { projectDossier, type ClockRules } from './project-dossier.ts';

// Issue 4 §6 (S-g, DL-08): the steps a dossier went through, each against its budget, and what is still ahead.

const calendar = createWorkingCalendar({ workingHours: defaultWorkingHours, restWeekdays: [0, 6], days: [] });
const limit = { value: 3, unit: 'workingDays' } as const;
// 24 working hours: appraisal 18 h, approval 4 h, issue 2 h.
const process = { processId: 7, definition: defaultProcess([limit]), stepAgencyIds: { TIEP_NHAN: 41, THAM_DINH: 41, PHE_DUYET: 41, BAN_HANH: 41, TRA_KET_QUA: 41 } };
const rules: ClockRules = { calendar, limit, process };
const at = (local: string) => new Date(`${local}:00+07:00`);
const act = (kind: TimelineAction['kind'], when: string, actorLabel: string, payload: Record<string, unknown> = {}): TimelineAction => ({ kind, at: at(when), actorLabel, payload });

// Monday 2 November 2026 onwards.
const handled: TimelineAction[] = [
  act('submitted', '2026-11-02T08:00', 'Nguyễn Văn An'),
  act('received', '2026-11-02T09:00', 'Lê Thị Mơ', { code: '000.00.41.H99-261102-0001' }),
  act('forwarded', '2026-11-02T10:00', 'Lê Thị Mơ', { assigneeId: 'duc' }),
  act('supplementRequested', '2026-11-03T08:00', 'Trần Văn Đức', { reason: 'Thiếu giấy tờ chỗ ở' }),
  act('supplemented', '2026-11-04T08:00', 'Lê Thị Mơ'),
  act('forwarded', '2026-11-04T10:00', 'Trần Văn Đức'),
];

function timeline(actions: readonly TimelineAction[], now: string) {
  const projection = projectDossier(actions.map((a) => ({ kind: a.kind, at: a.at, payload: a.payload })), rules);
  return { projection, timeline: buildStepTimeline({ actions, process, calendar, projection, agencyNames: new Map([[41, 'UBND phường Hòa Lâm']]), officerNames: new Map([['duc', 'Trần Văn Đức']]), now: at(now) }) };
}

describe('buildStepTimeline (issue 4 §6)', () => {
  it('lists each step visited with unit, officer, time used against its budget and the pause inside it', () => {
    const { timeline: t } = timeline(handled, '2026-11-04T11:00');
    assert.deepEqual(t.visited.map((v) => [v.code, v.agencyName, v.officer, v.usedMinutes, v.budgetMinutes, v.timeliness, v.pauses.length]), [
      ['TIEP_NHAN', 'UBND phường Hòa Lâm', 'Lê Thị Mơ', 120, 480, 'early', 0],
      // Two days at the step, one of them waiting for the supplement: 960 working minutes less 480 paused.
      ['THAM_DINH', 'UBND phường Hòa Lâm', 'Trần Văn Đức', 480, 18 * 60, 'early', 1],
      ['PHE_DUYET', 'UBND phường Hòa Lâm', null, 60, 240, null, 0],
    ]);
    assert.equal(t.visited[1]!.dueAt?.toISOString(), at('2026-11-06T10:00').toISOString(), 'the budget counts afresh after the pause');
    assert.equal(t.visited[2]!.endedAt, null);
    assert.equal(t.visited[2]!.dueAt?.toISOString(), at('2026-11-04T16:00').toISOString());
  });

  it('shows the steps ahead and predicts the result from the current step\'s due time plus their budgets, beside the legal due date', () => {
    const { timeline: t, projection } = timeline(handled, '2026-11-04T11:00');
    assert.deepEqual(t.ahead.map((s) => [s.code, s.budget]), [['BAN_HANH', { value: 2, unit: 'workingHours' }], ['TRA_KET_QUA', { value: 8, unit: 'workingHours' }]]);
    assert.equal(t.predictedAt?.toISOString(), at('2026-11-05T08:00').toISOString());
    assert.equal(t.dueAt?.toISOString(), projection.dueAt?.toISOString());
    assert.ok(t.dueAt && t.predictedAt < t.dueAt);
    assert.equal(t.paused, false);
  });

  it('marks a step late once its budget ran out and predicts from now', () => {
    const { timeline: t } = timeline(handled, '2026-11-06T16:00');
    assert.equal(t.visited[2]!.timeliness, 'late');
    assert.equal(t.predictedAt?.toISOString(), at('2026-11-09T08:00').toISOString());
  });

  it('predicts nothing while the clock is paused for a supplement', () => {
    const { timeline: t } = timeline(handled.slice(0, 4), '2026-11-03T09:00');
    assert.equal(t.paused, true);
    assert.equal(t.predictedAt, null);
    assert.equal(t.visited.at(-1)!.dueAt, null);
    assert.equal(t.visited.at(-1)!.usedMinutes, 300 + 60, 'Monday 10:00–17:00 and Tuesday 07:00–08:00');
  });

  it('ends with the return step and nothing ahead once the result is returned', () => {
    const done = [...handled, act('resolved', '2026-11-04T15:00', 'Ngô Phương Ngọc', { outcome: 'granted' }), act('returned', '2026-11-05T08:00', 'Lê Thị Mơ', { channel: 'desk' })];
    const { timeline: t } = timeline(done, '2026-11-05T09:00');
    assert.deepEqual(t.visited.map((v) => [v.code, v.officer]), [['TIEP_NHAN', 'Lê Thị Mơ'], ['THAM_DINH', 'Trần Văn Đức'], ['PHE_DUYET', 'Ngô Phương Ngọc'], ['TRA_KET_QUA', 'Lê Thị Mơ']]);
    assert.ok(t.visited.every((v) => v.endedAt));
    assert.deepEqual(t.ahead, []);
    assert.equal(t.predictedAt, null);
  });

  it('before reception: the whole process is ahead of the reception step', () => {
    const { timeline: t } = timeline(handled.slice(0, 1), '2026-11-02T08:30');
    assert.deepEqual(t.visited.map((v) => v.code), ['TIEP_NHAN']);
    assert.deepEqual(t.ahead.map((s) => s.code), ['THAM_DINH', 'PHE_DUYET', 'BAN_HANH', 'TRA_KET_QUA']);
    // Reception due 3 November 08:00, then 18 + 4 + 2 working hours.
    assert.equal(t.predictedAt?.toISOString(), at('2026-11-06T08:00').toISOString());
  });
});

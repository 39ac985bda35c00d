import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkingCalendar, defaultRestWeekdays, defaultWorkingHours } from '../../platform/clock/working-calendar.ts';
import { dueState, dueStateRank } from './due-state.ts';

const cal = createWorkingCalendar({ workingHours: defaultWorkingHours, restWeekdays: defaultRestWeekdays, days: [] });
const at = (local: string) => new Date(`${local}+07:00`);
// Monday 7 December 2026, 09:00.
const now = at('2026-12-07T09:00');

describe('due state of a work-queue row (issue 4 §5, S-g)', () => {
  it('is on time when both clocks have more than one working day left', () => {
    assert.equal(dueState(cal, { stepDueAt: at('2026-12-09T09:00'), dueAt: at('2026-12-16T09:00') }, now), 'onTime');
  });

  it('is due soon when the step is due within one working day, even if the dossier is not', () => {
    assert.equal(dueState(cal, { stepDueAt: at('2026-12-08T09:00'), dueAt: at('2026-12-16T09:00') }, now), 'dueSoon');
  });

  it('is due soon when the dossier is due within one working day, counting working time only', () => {
    // Friday 16:00 → Monday 09:00 is 3 working hours: due soon although three calendar days away.
    assert.equal(dueState(cal, { stepDueAt: null, dueAt: at('2026-12-14T09:00') }, at('2026-12-11T16:00')), 'dueSoon');
    assert.equal(dueState(cal, { stepDueAt: null, dueAt: at('2026-12-15T09:00') }, at('2026-12-11T16:00')), 'onTime');
  });

  it('is overdue once either due instant has passed', () => {
    assert.equal(dueState(cal, { stepDueAt: at('2026-12-07T08:59'), dueAt: at('2026-12-16T09:00') }, now), 'overdue');
    assert.equal(dueState(cal, { stepDueAt: at('2026-12-09T09:00'), dueAt: at('2026-12-04T17:00') }, now), 'overdue');
  });

  it('is paused only when neither clock runs', () => {
    assert.equal(dueState(cal, { stepDueAt: null, dueAt: null }, now), 'paused');
    assert.equal(dueState(cal, { stepDueAt: null, dueAt: at('2026-12-16T09:00') }, now), 'onTime');
  });

  it('ranks the most urgent first', () => {
    assert.deepEqual((['paused', 'onTime', 'overdue', 'dueSoon'] as const).slice().sort((a, b) => dueStateRank(a) - dueStateRank(b)), ['overdue', 'dueSoon', 'onTime', 'paused']);
  });
});

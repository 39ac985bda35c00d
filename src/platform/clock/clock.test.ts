import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDueDate, addTimeLimit } from './due-date.ts';
import { toLocal } from './local-time.ts';
import { explainDueDate } from './explain-due-date.ts';
import { extensionDeadline, routeBy, timeliness } from './rules.ts';
import { createWorkingCalendar, defaultRestWeekdays, defaultWorkingHours } from './working-calendar.ts';
import { addWorkingMinutes, nextWorkingInstant, workingMinutesBetween } from './working-time.ts';

// A fixture calendar for the arithmetic (the official yearly calendars are seed data, tested separately).
const cal = createWorkingCalendar({
  workingHours: defaultWorkingHours,
  restWeekdays: defaultRestWeekdays,
  days: [
    { date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán' },
    { date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán' },
    { date: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên đán' },
    { date: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên đán' },
    { date: '2026-02-20', kind: 'holiday', name: 'Tết Nguyên đán' },
    { date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
    { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
    { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh' },
    { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' },
    { date: '2026-01-10', kind: 'workingDay', name: 'Làm bù' },
  ],
});
const at = (local: string) => new Date(`${local}+07:00`);
const local = (d: Date | null) => (d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

describe('working-day clock: table of real cases (CAL-01..08, DL-01..08)', () => {
  it('CAL-06: Monday 09:00 + 3 working days is Thursday 09:00, or the end of Thursday by Civil Code days', () => {
    const start = at('2026-11-02T09:00');
    assert.equal(local(addTimeLimit(cal, start, { value: 3, unit: 'workingDays' })), '2026-11-05 09:00');
    assert.equal(local(addTimeLimit(cal, start, { value: 3, unit: 'workingDays' }, 'civilCodeDays')), '2026-11-05 17:00');
  });

  it('CAL-02: counting starts at 07:00 after hours or early, at 13:30 over lunch, on the next working day off days', () => {
    assert.equal(local(nextWorkingInstant(cal, at('2026-11-02T17:30'))), '2026-11-03 07:00');
    assert.equal(local(nextWorkingInstant(cal, at('2026-11-02T06:10'))), '2026-11-02 07:00');
    assert.equal(local(nextWorkingInstant(cal, at('2026-11-02T12:00'))), '2026-11-02 13:30');
    assert.equal(local(nextWorkingInstant(cal, at('2026-11-07T10:00'))), '2026-11-09 07:00');
    assert.equal(local(nextWorkingInstant(cal, at('2026-11-02T10:15'))), '2026-11-02 10:15');
  });

  it('DL-03: a paper dossier received Friday 15:01 is routed by Monday 07:00; at 14:59 by Friday 17:00; online at once', () => {
    assert.equal(local(routeBy(cal, at('2026-11-06T15:01'), 'desk')), '2026-11-09 07:00');
    assert.equal(local(routeBy(cal, at('2026-11-06T14:59'), 'desk')), '2026-11-06 17:00');
    assert.equal(local(routeBy(cal, at('2026-11-06T15:01'), 'online')), '2026-11-06 15:01');
  });

  it('CAL-03/04: working days skip weekends and holidays, swapped Saturdays count, and the explanation names them', () => {
    const due = computeDueDate(cal, { startAt: at('2026-02-13T10:00'), limit: { value: 2, unit: 'workingDays' } });
    assert.equal(local(due.dueAt), '2026-02-24 10:00');
    const off = due.steps.find((s) => s.kind === 'daysOff');
    assert.deepEqual(off?.kind === 'daysOff' ? off.days.map((d) => `${d.name || d.kind} ${d.from}..${d.to}`) : [],
      ['weekend 2026-02-14..2026-02-15', 'Tết Nguyên đán 2026-02-16..2026-02-20', 'weekend 2026-02-21..2026-02-22']);
    assert.equal(local(addTimeLimit(cal, at('2026-01-09T09:00'), { value: 1, unit: 'workingDays' })), '2026-01-10 09:00');
  });

  it('CAL-03: a calendar-day limit that ends on a day off runs to the end of the next working day', () => {
    assert.equal(local(addTimeLimit(cal, at('2026-11-02T09:00'), { value: 5, unit: 'calendarDays' })), '2026-11-09 17:00');
    assert.equal(local(addTimeLimit(cal, at('2026-04-27T09:00'), { value: 3, unit: 'calendarDays' })), '2026-05-04 17:00');
  });

  it('hour limits: 4 working hours from 10:00 end at 16:00 (lunch skipped)', () => {
    assert.equal(local(addTimeLimit(cal, at('2026-11-02T10:00'), { value: 4, unit: 'workingHours' })), '2026-11-02 16:00');
  });

  it('DL-04: a supplement restarts the clock from its completion by default, or extends by the paused time, or keeps it', () => {
    const base = { startAt: at('2026-11-02T09:00'), limit: { value: 3, unit: 'workingDays' as const } };
    const pause = { kind: 'supplement' as const, start: at('2026-11-03T09:00'), end: at('2026-11-04T09:00'), reason: 'Thiếu bản sao giấy khai sinh' };
    const restart = computeDueDate(cal, { ...base, pauses: [pause] });
    assert.equal(local(restart.dueAt), '2026-11-09 09:00');
    assert.equal(local(restart.originalDueAt), '2026-11-05 09:00');
    assert.equal(local(computeDueDate(cal, { ...base, pauses: [pause], supplementClock: 'extendByPause' }).dueAt), '2026-11-06 09:00');
    assert.equal(local(computeDueDate(cal, { ...base, pauses: [pause], supplementClock: 'subtractPause' }).dueAt), '2026-11-05 09:00');
  });

  it('DL-12: waiting for a fee extends the deadline unless the procedure says the clock keeps running', () => {
    const base = { startAt: at('2026-11-02T09:00'), limit: { value: 3, unit: 'workingDays' as const }, pauses: [{ kind: 'financialObligation' as const, start: at('2026-11-03T13:30'), end: at('2026-11-03T17:00') }] };
    assert.equal(local(computeDueDate(cal, base).dueAt), '2026-11-05 14:30');
    assert.equal(local(computeDueDate(cal, { ...base, financialObligationPausesClock: false }).dueAt), '2026-11-05 09:00');
  });

  it('an open pause leaves the due date unknown until the dossier moves again', () => {
    const due = computeDueDate(cal, { startAt: at('2026-11-02T09:00'), limit: { value: 3, unit: 'workingDays' }, pauses: [{ kind: 'supplement', start: at('2026-11-03T09:00') }] });
    assert.equal(due.dueAt, null);
    assert.equal(due.steps.at(-1)?.kind, 'pause');
  });

  it('DL-06: the extension replaces the due date and must be made by the end of the previous working day', () => {
    const due = computeDueDate(cal, { startAt: at('2026-11-02T09:00'), limit: { value: 3, unit: 'workingDays' }, extension: { at: at('2026-11-04T10:00'), newDueAt: at('2026-11-10T17:00'), reason: 'Cần xác minh thực địa' } });
    assert.equal(local(due.dueAt), '2026-11-10 17:00');
    assert.ok(due.steps.some((s) => s.kind === 'extension'));
    assert.equal(local(extensionDeadline(cal, at('2026-11-09T09:00'))), '2026-11-06 17:00');
  });

  it('CAL-08: late after the due instant, on time on the due day, early before it', () => {
    const dueAt = at('2026-11-05T09:00');
    assert.equal(timeliness(dueAt, at('2026-11-05T09:01')), 'late');
    assert.equal(timeliness(dueAt, at('2026-11-05T08:00')), 'onTime');
    assert.equal(timeliness(dueAt, at('2026-11-04T16:00')), 'early');
  });
});

describe('working-day clock: properties', () => {
  // Instants between 2026-01-01 and 2026-12-31, minute precision.
  const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00+07:00') / 60_000, max: Date.parse('2026-12-31T00:00:00+07:00') / 60_000 }).map((m) => new Date(m * 60_000));
  const minutes = fc.integer({ min: 0, max: 60 * 8 * 30 });

  it('never lands outside working hours or on a day off', () => {
    fc.assert(fc.property(instant, minutes, (start, n) => {
      const due = toLocal(addWorkingMinutes(cal, start, n));
      return cal.isWorkingDay(due.date) && cal.periods.some((p) => due.minutes >= p.start && due.minutes <= p.end);
    }));
  });

  it('is monotonic in the start and in the amount', () => {
    fc.assert(fc.property(instant, instant, minutes, minutes, (a, b, n, m) => {
      const [s1, s2] = a <= b ? [a, b] : [b, a];
      const [n1, n2] = n <= m ? [n, m] : [m, n];
      return addWorkingMinutes(cal, s1, n1) <= addWorkingMinutes(cal, s2, n1) && addWorkingMinutes(cal, s1, n1) <= addWorkingMinutes(cal, s1, n2);
    }));
  });

  it('adding n then m is adding n + m', () => {
    fc.assert(fc.property(instant, minutes, minutes.filter((m) => m > 0), (start, n, m) =>
      addWorkingMinutes(cal, addWorkingMinutes(cal, start, n), m).getTime() === addWorkingMinutes(cal, start, n + m).getTime()));
  });

  it('counts back exactly the working time it added', () => {
    fc.assert(fc.property(instant, minutes, (start, n) => workingMinutesBetween(cal, start, addWorkingMinutes(cal, start, n)) === n));
  });

  it('a pause never shortens a deadline, whatever the rule', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 * 24 * 10 }), fc.integer({ min: 1, max: 60 * 24 * 10 }),
      fc.constantFrom('restart', 'extendByPause', 'subtractPause'), fc.constantFrom('supplement', 'financialObligation'),
      (start, days, offset, length, rule, kind) => {
        const limit = { value: days, unit: 'workingDays' as const };
        const pauseStart = new Date(start.getTime() + offset * 60_000);
        const paused = computeDueDate(cal, { startAt: start, limit, supplementClock: rule as never, pauses: [{ kind: kind as never, start: pauseStart, end: new Date(pauseStart.getTime() + length * 60_000) }] });
        return paused.dueAt! >= paused.originalDueAt;
      }));
  });
});

describe('due-date explanation (CAL-07)', () => {
  it('says in plain Vietnamese when counting started, the rule, the named days skipped, the pause and the due date', () => {
    const due = computeDueDate(cal, {
      startAt: at('2026-02-12T17:20'), limit: { value: 2, unit: 'workingDays' },
      pauses: [{ kind: 'supplement', start: at('2026-02-13T09:00'), end: at('2026-02-13T10:00'), reason: 'bổ sung bản sao giấy khai sinh' }],
    });
    const text = explainDueDate(due.steps, 'vi');
    assert.match(text[0]!, /^Tiếp nhận lúc 17:20 .*12\/02\/2026, ngoài giờ làm việc: thời hạn bắt đầu tính từ 07:00 .*13\/02\/2026\.$/);
    assert.equal(text[1], 'Thời hạn giải quyết: 2 ngày làm việc, tức 16 giờ làm việc tính từ lúc tiếp nhận.');
    assert.equal(text[2], 'Không tính các ngày nghỉ: nghỉ cuối tuần 14/02/2026–15/02/2026; Tết Nguyên đán 16/02/2026–20/02/2026; nghỉ cuối tuần 21/02/2026–22/02/2026.');
    assert.match(text[3]!, /^Tạm dừng từ .* \(bổ sung bản sao giấy khai sinh\); thời hạn được tính lại từ đầu/);
    assert.match(text.at(-1)!, /^Hạn trả kết quả: 10:00 .*24\/02\/2026\.$/);
  });

  it('has an English version', () => {
    const due = computeDueDate(cal, { startAt: at('2026-11-02T09:00'), limit: { value: 3, unit: 'workingDays' } });
    assert.match(explainDueDate(due.steps, 'en').join(' '), /^Validly received at .*02\/11\/2026.* Result due: .*05\/11\/2026, 09:00\.$/);
  });
});

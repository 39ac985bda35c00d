import { t, type Lang } from '../i18n/messages.ts';
import type { DueDateStep } from './due-date.ts';

const formatters = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }),
};
// Both languages write dates day first in Vietnam.
const shortDate = (date: string) => date.split('-').reverse().join('/');
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100).replace('.', ',');

/**
 * CAL-07: a due date in plain words, one sentence per reason — the start, the rule, the days skipped by name,
 * each pause and what it did, the extension — for the citizen's timeline and the officer's queue alike.
 */
export function explainDueDate(steps: readonly DueDateStep[], lang: Lang): string[] {
  const time = (d: Date) => formatters[lang].format(d);
  return steps.flatMap((step): string[] => {
    switch (step.kind) {
      case 'start':
        return step.countingFrom.getTime() === step.receivedAt.getTime()
          ? [t(lang, 'clock.start', { time: time(step.receivedAt) })]
          : [t(lang, 'clock.startShifted', { received: time(step.receivedAt), from: time(step.countingFrom) })];
      case 'limit': {
        const { value, unit } = step.limit;
        if (unit === 'workingDays') {
          return [step.arithmetic === 'civilCodeDays'
            ? t(lang, 'clock.limit.workingDaysCivil', { value })
            : t(lang, 'clock.limit.workingDays', { value, hours: value * 8 })];
        }
        return [t(lang, unit === 'workingHours' ? 'clock.limit.workingHours' : 'clock.limit.calendarDays', { value })];
      }
      case 'daysOff': {
        if (step.days.length === 0) return [];
        const list = step.days.map((d) => {
          const name = d.kind === 'weekend' ? t(lang, 'clock.dayOff.weekend') : d.name;
          return d.from === d.to ? `${name} ${shortDate(d.from)}` : `${name} ${shortDate(d.from)}–${shortDate(d.to)}`;
        });
        return [t(lang, 'clock.daysOff', { list: list.join('; ') })];
      }
      case 'pause': {
        const reason = step.pause.reason ?? t(lang, step.pause.kind === 'supplement' ? 'clock.pause.supplement' : 'clock.pause.financialObligation');
        const from = time(step.pause.start);
        if (step.effect === 'open' || !step.pause.end) return [t(lang, 'clock.pause.open', { from, reason })];
        const params = { from, to: time(step.pause.end), reason, due: step.dueAt ? time(step.dueAt) : '', hours: hours(step.workingMinutes) };
        return [t(lang, step.effect === 'restart' ? 'clock.pause.restart' : step.effect === 'extend' ? 'clock.pause.extend' : 'clock.pause.none', params)];
      }
      case 'extension':
        return [t(lang, 'clock.extension', { from: time(step.previousDueAt), to: time(step.dueAt), reason: step.reason })];
      case 'due':
        return [t(lang, 'clock.due', { time: time(step.dueAt) })];
    }
  });
}

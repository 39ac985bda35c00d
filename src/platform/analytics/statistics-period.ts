import type { MessageKey } from '../i18n/messages.ts';
import { addDays, vietnamDay } from './vietnam-day.ts';

export interface StatisticsPeriod { from: string; to: string }

export const maxPeriodDays = 366;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && addDays(value, 0) === value;

/** The period asked for, defaulting to the last 30 days up to today; or what is wrong with it, per field. */
export function readPeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date):
  { ok: true; period: StatisticsPeriod } | { ok: false; errors: { name: 'from' | 'to'; message: MessageKey }[] } {
  const to = query.to ?? vietnamDay(now);
  const from = query.from ?? addDays(to, -29);
  const errors: { name: 'from' | 'to'; message: MessageKey }[] = [];
  if (!isDay(from)) errors.push({ name: 'from', message: 'stats.error.date' });
  if (!isDay(to)) errors.push({ name: 'to', message: 'stats.error.date' });
  if (!errors.length && from > to) errors.push({ name: 'from', message: 'stats.error.order' });
  if (!errors.length && addDays(from, maxPeriodDays - 1) < to) errors.push({ name: 'from', message: 'stats.error.span' });
  return errors.length ? { ok: false, errors } : { ok: true, period: { from, to } };
}

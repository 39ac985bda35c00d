import type { Kysely } from 'kysely';
import type { Actor } from '../context.ts';
import type { Database } from '../db/tables.ts';
import { authorize } from '../auth/authorize.ts';
import { listDailyTotals, listTopPages } from './repository.ts';
import type { StatisticsPeriod } from './statistics-period.ts';

/** The access statistics report (P-14): totals, views and unique visitors per day, the most viewed pages. */
export async function getAccessStatistics(db: Kysely<Database>, actor: Actor, period: StatisticsPeriod) {
  authorize(actor, 'report.read');
  const [days, topPages] = await Promise.all([listDailyTotals(db, period.from, period.to), listTopPages(db, period.from, period.to, 20)]);
  return {
    period,
    days,
    topPages,
    totals: { views: days.reduce((sum, d) => sum + d.views, 0), visitors: days.reduce((sum, d) => sum + d.visitors, 0) },
  };
}

export type AccessStatistics = Awaited<ReturnType<typeof getAccessStatistics>>;

import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../context.ts';
import type { Database } from '../db/tables.ts';
import { authorize } from '../auth/authorize.ts';
import { t, type Lang } from '../i18n/messages.ts';
import { listDailyPageViews, listDailyTotals } from './repository.ts';
import type { StatisticsPeriod } from './statistics-period.ts';

export type ExportTable = 'days' | 'pages';

/**
 * The statistics as CSV (P-14): per day (views, unique visitors) or per day and page. UTF-8 with a byte order
 * mark so spreadsheet programs read the Vietnamese headers right.
 */
export async function exportAccessStatistics(db: Kysely<Database>, actor: Actor, input: { period: StatisticsPeriod; table: ExportTable; lang: Lang }): Promise<string> {
  authorize(actor, 'report.read');
  const { period, lang } = input;
  if (input.table === 'pages') {
    const rows = await listDailyPageViews(db, period.from, period.to);
    return stringify(rows.map((r) => [r.day, r.route, r.views]), { bom: true, header: true, columns: [t(lang, 'stats.day'), t(lang, 'stats.page'), t(lang, 'stats.views')] });
  }
  const rows = await listDailyTotals(db, period.from, period.to);
  return stringify(rows.map((r) => [r.day, r.views, r.visitors]), { bom: true, header: true, columns: [t(lang, 'stats.day'), t(lang, 'stats.views'), t(lang, 'stats.visitors')] });
}

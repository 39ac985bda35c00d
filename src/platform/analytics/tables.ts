import type { ColumnType, Generated } from 'kysely';

// Days are written as 'YYYY-MM-DD' text and read back through `day::text`, so no driver turns them into Dates.
type Day = ColumnType<string, string, string>;

export interface PageViewDailyTable { day: Day; route: string; views: ColumnType<string, number, number> }
export interface VisitorDailyTable { day: Day; visitor_hash: string }
export interface VisitorDayKeyTable { day: Day; secret: string; created_at: Generated<Date> }

export interface AnalyticsTables {
  page_view_daily: PageViewDailyTable;
  visitor_daily: VisitorDailyTable;
  visitor_day_key: VisitorDayKeyTable;
}

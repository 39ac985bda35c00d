import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export interface CalendarDayTable {
  id: Generated<number>;
  agency_id: number | null;
  day: DateColumn;
  kind: 'holiday' | 'dayOff' | 'workingDay';
  name: string;
  changed_by: string;
  changed_at: Timestamp;
}

export interface WorkingHoursTable {
  agency_id: number | null;
  periods: ColumnType<{ start: string; end: string }[], string, string>;
  rest_weekdays: number[];
  changed_by: string;
  changed_at: Timestamp;
}

export interface CalendarChangeTable {
  id: Generated<number>;
  year: number;
  agency_id: number | null;
  changed_by: string;
  changed_at: Timestamp;
  reason: string;
  before: ColumnType<unknown, string, string>;
  after: ColumnType<unknown, string, string>;
}

export interface CalendarTables {
  calendar_day: CalendarDayTable;
  working_hours: WorkingHoursTable;
  calendar_change: CalendarChangeTable;
}

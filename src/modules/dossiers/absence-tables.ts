import type { ColumnType, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar date as `YYYY-MM-DD` (PostgreSQL `date`, read back as text by the connection). */
type LocalDate = ColumnType<string, string, string>;

/** An officer's absence at a unit and who covers it (migration 0016, issue 4 §2). */
export interface OfficerAbsenceTable {
  id: GeneratedAlways<number>;
  agency_id: number;
  officer_id: string;
  covering_officer_id: string;
  starts_on: LocalDate;
  ends_on: LocalDate;
  reason: string;
  set_by: string;
  set_at: Timestamp;
  ended_at: NullableTimestamp;
  ended_by: string | null;
}

export interface AbsenceTables {
  officer_absence: OfficerAbsenceTable;
}

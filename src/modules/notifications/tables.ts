import type { ColumnType, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** One entry of an account's in-app inbox (migration 0019). */
export interface NotificationTable {
  id: GeneratedAlways<number>;
  account_id: string;
  kind: string;
  dossier_id: string | null;
  dossier_label: string | null;
  title: string;
  body: string;
  link: string | null;
  dedup_key: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export type WarningLevel = 'dueSoon' | 'overdue';
export type WarningScope = 'dossier' | 'step';

/** A due-soon or overdue warning already given for one due date of a dossier. */
export interface DossierWarningTable {
  dossier_id: string;
  scope: WarningScope;
  level: WarningLevel;
  due_at: Timestamp;
  warned_at: Timestamp;
}

export interface NotificationTables {
  notification: NotificationTable;
  dossier_warning: DossierWarningTable;
}

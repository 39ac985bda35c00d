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

/** The three parts of a notice's wording (issue 5 §3). */
export interface TemplateParts { title: string; lead: string; sms: string }

/** An administrator's wording of one event's notice in one language (migration 0023); no row: the default. */
export interface NotificationTemplateTable extends TemplateParts {
  kind: string;
  lang: 'vi' | 'en';
  changed_by: string;
  changed_at: Timestamp;
}

/** One save or reset of a template, with the wording before and after (null: the code's default). */
export interface NotificationTemplateChangeTable {
  id: GeneratedAlways<number>;
  kind: string;
  lang: string;
  action: 'saved' | 'reset';
  before: ColumnType<TemplateParts | null, string | null, string | null>;
  after: ColumnType<TemplateParts | null, string | null, string | null>;
  changed_by: string;
  changed_at: Timestamp;
}

export interface NotificationTables {
  notification: NotificationTable;
  dossier_warning: DossierWarningTable;
  notification_template: NotificationTemplateTable;
  notification_template_change: NotificationTemplateChangeTable;
}

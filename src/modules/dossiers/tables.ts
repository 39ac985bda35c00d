import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

/** Who the dossier is for, as filed (a snapshot: the account may change later). */
export interface ApplicantSnapshot {
  kind: 'citizen' | 'business';
  name: string;
  personalId?: string;
  taxCode?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface DossierTable {
  id: Generated<string>;
  reference: string;
  code: string | null;
  procedure_id: number;
  procedure_version_id: number;
  case_code: string;
  applicant_account_id: string | null;
  applicant: Json<ApplicantSnapshot>;
  channel: 'online' | 'desk' | 'postal';
  receiving_agency_id: number;
  summary: Generated<string>;
  form_data: Json<Record<string, unknown>>;
  idempotency_key: string | null;
  status: number;
  submitted_at: NullableTimestamp;
  received_at: NullableTimestamp;
  due_at: NullableTimestamp;
  original_due_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  returned_at: NullableTimestamp;
  refused_at: NullableTimestamp;
  stopped_at: NullableTimestamp;
  action_count: Generated<number>;
  process_id: number | null;
  desk_agency_id: number;
  current_step: string | null;
  current_agency_id: number | null;
  assignee_id: string | null;
  step_started_at: NullableTimestamp;
  step_due_at: NullableTimestamp;
  /** Units asked for an opinion that have not answered yet (issue 4 §5): they may read the dossier. */
  consulting_agency_ids: Generated<number[]>;
  /** A draft the applicant deleted (issue 4 §3): kept as a record, never shown to them again. */
  discarded_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DossierActionTable {
  id: GeneratedAlways<number>;
  dossier_id: string;
  seq: number;
  kind: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  from_status: number;
  to_status: number;
  reason: string | null;
  payload: Json<Record<string, unknown>>;
}

export interface DossierCodeCounterTable {
  agency_id: number;
  day: ColumnType<string, string, string>;
  last: number;
}

export type DossierFilePurpose = 'component' | 'notice' | 'result' | 'internal';

export interface DossierFileTable {
  id: GeneratedAlways<number>;
  dossier_id: string;
  stored_file_id: string;
  purpose: DossierFilePurpose;
  component_code: string | null;
  action_seq: number | null;
  added_by: string | null;
  added_at: Timestamp;
  removed_at: NullableTimestamp;
}

export interface DossierTables {
  dossier: DossierTable;
  dossier_action: DossierActionTable;
  dossier_code_counter: DossierCodeCounterTable;
  dossier_file: DossierFileTable;
}

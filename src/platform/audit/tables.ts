import type { ColumnType, GeneratedAlways } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;

export interface AuditEntryTable {
  id: GeneratedAlways<number>;
  at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  actor_label: string;
  ip: string | null;
  user_agent: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: Json;
  after: Json;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  hash: string;
}

export interface AuditTables {
  audit_entry: AuditEntryTable;
  audit_chain_head: AuditChainHeadTable;
}

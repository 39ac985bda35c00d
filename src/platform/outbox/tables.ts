import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type OutboxStatus = 'pending' | 'sent' | 'dead';

export interface OutboxMessageTable {
  id: Generated<number>;
  topic: string;
  payload: ColumnType<unknown, string, string>;
  idempotency_key: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface OutboxTables {
  outbox_message: OutboxMessageTable;
}

import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled' | 'refunded';
export type PaymentMethod = 'online-gateway' | 'national-platform' | 'counter' | 'post-cod';
export type PaymentEventKind = 'redirect' | 'return' | 'ipn' | 'query' | 'refund' | 'counter' | 'reconciliation';

/** One fee item of a payment, in VND (from the procedure case's fees, ST-06). */
export interface PaymentItem { code?: string; name: string; amount: number }

export interface PaymentTable {
  id: Generated<string>;
  dossier_id: string;
  request_seq: number;
  order_reference: string;
  /** VND; bigint, read as a number (platform/db/connect.ts). */
  amount: number;
  items: Json<PaymentItem[]>;
  status: PaymentStatus;
  method: PaymentMethod;
  transaction_no: string | null;
  bank_code: string | null;
  gateway_code: string | null;
  mismatch: string | null;
  payer_account_id: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
  paid_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface PaymentEventTable {
  id: GeneratedAlways<number>;
  payment_id: string | null;
  kind: PaymentEventKind;
  outcome: string;
  detail: Json<Record<string, unknown>>;
  at: Timestamp;
}

export interface PaymentTables {
  payment: PaymentTable;
  payment_event: PaymentEventTable;
}

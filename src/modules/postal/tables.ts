import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type PostalPurpose = 'pickup' | 'result';
export type PostalOrderStatus = 'requested' | 'created' | 'pickedUp' | 'inTransit' | 'delivered' | 'failed' | 'cancelRequested' | 'cancelled';

/** A delivery address as the applicant typed it (free text; issue 5 §4). */
export interface PostalAddress { recipient: string; phone: string; province: string; district: string; ward: string; street: string }

export interface PostalChoiceTable {
  dossier_id: string;
  send_papers: boolean;
  return_result: boolean;
  address: Json<PostalAddress>;
  /** VND; bigint, read as a number (platform/db/connect.ts). */
  quoted_fee: number;
  updated_at: Timestamp;
}

export interface PostalOrderTable {
  id: Generated<string>;
  dossier_id: string;
  purpose: PostalPurpose;
  reference: string;
  order_code: string | null;
  status: PostalOrderStatus;
  address: Json<PostalAddress>;
  cod_amount: number;
  fee: number;
  payment_request_seq: number | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PostalEventTable {
  id: GeneratedAlways<number>;
  postal_order_id: string | null;
  operator_event_id: string | null;
  status_code: string | null;
  outcome: string;
  detail: Json<Record<string, unknown>>;
  at: Timestamp;
}

export interface PostalTables {
  postal_choice: PostalChoiceTable;
  postal_order: PostalOrderTable;
  postal_event: PostalEventTable;
}

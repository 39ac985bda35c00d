import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type SealedWith = 'appSecret' | 'demo';
export type ResultStatus = 'valid' | 'revoked' | 'replaced';
export type ResultSource = 'template' | 'upload';

export interface AgencyCertificateTable {
  id: GeneratedAlways<number>;
  agency_id: number;
  pkcs12: Uint8Array;
  passphrase_sealed: string;
  sealed_with: SealedWith;
  subject: string;
  issuer: string;
  serial: string;
  not_before: Timestamp;
  not_after: Timestamp;
  token_kid: string;
  token_public_jwk: Json<Record<string, string>>;
  token_private_sealed: string;
  added_at: Timestamp;
  retired_at: NullableTimestamp;
}

export interface ResultTrustAnchorTable {
  id: GeneratedAlways<number>;
  subject: string;
  certificate: Uint8Array;
  sha256: string;
  added_at: Timestamp;
}

export interface ResultDocumentTable {
  id: string;
  dossier_id: string;
  agency_id: number;
  number: string;
  title: string;
  issued_at: Timestamp;
  recipient_name: string;
  recipient_id: string | null;
  recipient_account_id: string | null;
  stored_file_id: string;
  sha256: string;
  status: Generated<ResultStatus>;
  status_reason: string | null;
  status_changed_at: NullableTimestamp;
  replaced_by: string | null;
  replaces: string | null;
  certificate_id: number;
  signer_subject: string;
  signer_serial: string;
  signed_by: string | null;
  action_seq: number;
  source: Generated<ResultSource>;
}

export interface ResultNumberCounterTable {
  agency_id: number;
  year: number;
  last_number: number;
}

export interface ResultTables {
  agency_certificate: AgencyCertificateTable;
  result_trust_anchor: ResultTrustAnchorTable;
  result_document: ResultDocumentTable;
  result_number_counter: ResultNumberCounterTable;
}

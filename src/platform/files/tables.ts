import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ReuseSource = 'dossier' | 'result';

export interface StoredFileTable {
  id: Generated<string>;
  storage_key: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  display_name: string;
  uploaded_by: string | null;
  digitised: Generated<boolean>;
  reuse_source: ReuseSource | null;
  reused_from_file_id: string | null;
  from_national_store: Generated<boolean>;
  created_at: Timestamp;
}

export interface FileTables {
  stored_file: StoredFileTable;
}

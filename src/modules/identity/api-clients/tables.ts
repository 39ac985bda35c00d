import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ApiClientKind = 'apiKey' | 'oauthClient';

export interface ApiClientTable {
  id: Generated<string>;
  public_id: string;
  name: string;
  agency_id: number | null;
  kind: ApiClientKind;
  scopes: string[];
  secret_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_by: string | null;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface ApiAccessTokenTable {
  token_hash: string;
  client_id: string;
  scopes: string[];
  issued_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiClientTables {
  api_client: ApiClientTable;
  api_access_token: ApiAccessTokenTable;
}

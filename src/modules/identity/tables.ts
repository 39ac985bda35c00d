import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type AccountKind = 'citizen' | 'business' | 'officer';
export type AccountStatus = 'pending' | 'active' | 'disabled' | 'closed';

export interface AccountTable {
  id: Generated<string>;
  kind: AccountKind;
  status: Generated<AccountStatus>;
  display_name: string;
  email: string | null;
  email_verified_at: NullableTimestamp;
  phone: string | null;
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: NullableTimestamp;
  totp_secret: string | null;
  totp_enabled_at: NullableTimestamp;
  totp_last_step: number | null;
  recovery_code_hashes: Generated<string[]>;
  notification_channels: Generated<string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  closed_at: NullableTimestamp;
}

export interface ExternalIdentityTable {
  provider: string;
  subject: string;
  account_id: string;
  linked_at: Generated<Date>;
}

export interface ProfileAttributeTable {
  account_id: string;
  name: string;
  verified: boolean;
  value: string;
  source: string;
  recorded_at: Timestamp;
}

export interface RoleTable { code: string; name: string; name_en: string }
export interface RolePermissionTable { role_code: string; permission: string }
export interface OfficerRoleTable { account_id: string; agency_id: number; role_code: string; granted_at: Generated<Date> }

export interface SessionTable {
  token_hash: string;
  account_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  mfa_verified: Generated<boolean>;
  ip: string | null;
  user_agent: string | null;
  revoked_at: NullableTimestamp;
  /** Set after sign-in through an identity provider: what RP-initiated logout needs (migration 0005). */
  oidc_provider: string | null;
  oidc_id_token: string | null;
}

export interface IdentityTables {
  account: AccountTable;
  external_identity: ExternalIdentityTable;
  profile_attribute: ProfileAttributeTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  officer_role: OfficerRoleTable;
  session: SessionTable;
}

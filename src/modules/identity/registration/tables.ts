import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type AccountTokenPurpose = 'verifyContact' | 'setPassword';

export interface AccountTokenTable {
  token_hash: string;
  account_id: string;
  purpose: AccountTokenPurpose;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface PhoneVerificationCodeTable {
  account_id: string;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  created_at: Timestamp;
}

export interface AccountMessageLogTable {
  account_id: string;
  kind: string;
  sent_at: Timestamp;
}

export interface RegistrationTables {
  account_token: AccountTokenTable;
  phone_verification_code: PhoneVerificationCodeTable;
  account_message_log: AccountMessageLogTable;
}

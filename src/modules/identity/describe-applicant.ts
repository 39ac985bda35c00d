import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

export interface ApplicantDescription {
  kind: 'citizen' | 'business';
  name: string;
  /** Each known attribute with the value to use: a verified one wins over a declared one (P-01). */
  attributes: Record<string, { value: string; verified: boolean; source: string; recordedAt?: Date }>;
  email: string | null;
  phone: string | null;
}

/** Who a person is, for filing a dossier in their name and prefilling forms: account plus profile provenance. */
export async function describeApplicant(db: Kysely<Database> | Transaction<Database>, accountId: string): Promise<ApplicantDescription | undefined> {
  const account = await db.selectFrom('account').select(['kind', 'display_name', 'email', 'phone']).where('id', '=', accountId).where('status', '=', 'active').executeTakeFirst();
  if (!account || account.kind === 'officer') return undefined;
  const rows = await db.selectFrom('profile_attribute').select(['name', 'value', 'verified', 'source', 'recorded_at']).where('account_id', '=', accountId).execute();
  const attributes: ApplicantDescription['attributes'] = {};
  for (const row of rows) if (row.verified || !attributes[row.name]) attributes[row.name] = { value: row.value, verified: row.verified, source: row.source, recordedAt: new Date(row.recorded_at) };
  return { kind: account.kind, name: account.display_name, attributes, email: account.email, phone: account.phone };
}

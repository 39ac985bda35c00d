import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

// SQL for the desk's intake, the officers' search and the register (dossier tables only); the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

/** A dossier the desk entered (desk or postal channel) under this form's idempotency key. */
export async function findCounterDossierByIdempotencyKey(db: Db, key: string) {
  return db.selectFrom('dossier').select(['id', 'reference', 'code', 'status', 'applicant_account_id'])
    .where('channel', '<>', 'online').where('idempotency_key', '=', key).executeTakeFirst();
}

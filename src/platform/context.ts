import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/tables.ts';

/** Who acts. Accounts arrive with the identity module; until then the catalogue is changed by operators' CLI runs. */
export type Actor = { kind: 'system'; label: string } | { kind: 'anonymous' };

/** What every use case receives: the actor, a database (or open transaction) and the clock's "now". */
export interface UseCaseContext {
  db: Kysely<Database> | Transaction<Database>;
  actor: Actor;
  now: Date;
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/tables.ts';

/** A permission an officer holds, over the agencies it covers (the granting agency and its whole subtree). */
export interface Grant {
  permission: string;
  agencyIds: ReadonlySet<number>;
}

/** Who acts. Every use case receives one and asks `authorize` before touching a resource. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; label: string }
  | { kind: 'person'; accountId: string; accountKind: 'citizen' | 'business'; name: string }
  | { kind: 'officer'; accountId: string; name: string; mfaVerified: boolean; grants: readonly Grant[] }
  /** Another system calling the API with an API key or OAuth access token; it holds only its scopes (issue 3 §3). */
  | { kind: 'client'; clientId: string; name: string; scopes: readonly string[] };

/** What every use case receives: the actor, a database (or open transaction) and the clock's "now". */
export interface UseCaseContext {
  db: Kysely<Database> | Transaction<Database>;
  actor: Actor;
  now: Date;
}

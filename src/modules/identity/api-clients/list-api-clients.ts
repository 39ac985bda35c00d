import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { listClients, listCurrentAgencies } from './repository.ts';

/** The administration view: every client (live first) and the agencies a new one may belong to. */
export async function listApiClients(db: Kysely<Database>, actor: Actor, now: Date) {
  authorize(actor, 'apiClient.manage');
  const today = now.toISOString().slice(0, 10);
  const [clients, agencies] = await Promise.all([listClients(db), listCurrentAgencies(db, today)]);
  return { clients, agencies };
}

export type ApiClientOverview = Awaited<ReturnType<typeof listApiClients>>;

import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/** An account's own recent security events (its sign-in history), newest first. */
export async function listActorEvents(db: Kysely<Database>, actorId: string, actions: readonly string[], limit = 10) {
  return db.selectFrom('audit_entry').select(['at', 'action', 'ip', 'user_agent'])
    .where('actor_id', '=', actorId).where('action', 'in', actions).orderBy('id', 'desc').limit(limit).execute();
}

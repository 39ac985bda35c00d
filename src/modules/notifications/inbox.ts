import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { countNotificationsOf, countUnreadOf, listNotificationsOf, markReadOf } from './repository.ts';

export const inboxPageSize = 20;

/** Whose inbox: a signed-in person's or officer's own, never anyone else's (issue 4 §5). */
function owner(actor: Actor): string {
  if (actor.kind === 'person' || actor.kind === 'officer') return actor.accountId;
  throw new AppError('unauthenticated');
}

/** The actor's notifications, newest first, a page at a time, with how many are unread. */
export async function listNotifications(db: Kysely<Database>, actor: Actor, page: number) {
  const accountId = owner(actor);
  const [items, total, unread] = await Promise.all([
    listNotificationsOf(db, accountId, { limit: inboxPageSize, offset: (page - 1) * inboxPageSize }), countNotificationsOf(db, accountId), countUnreadOf(db, accountId),
  ]);
  return { items, total, unread, page, pageSize: inboxPageSize };
}

/** How many of the actor's notifications are unread: the count in the header of every page (one indexed count). */
export async function countUnreadNotifications(db: Kysely<Database>, actor: Actor): Promise<number> {
  return countUnreadOf(db, owner(actor));
}

/** Marks one of the actor's own notifications read, or all of them; another account's id changes nothing. */
export async function markNotificationsRead(db: Kysely<Database>, actor: Actor, now: Date, which: { id: number } | 'all'): Promise<number> {
  return markReadOf(db, owner(actor), now, which === 'all' ? undefined : which.id);
}

export type Inbox = Awaited<ReturnType<typeof listNotifications>>;

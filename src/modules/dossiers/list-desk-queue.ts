import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadWorkingCalendar } from '../workflow/calendar/load-working-calendar.ts';
import { countQueue, listQueue } from './repository.ts';
import { timeLeft } from './time-left.ts';

/** The one-stop desk's queues (S-h "nhắc việc"): what waits for reception, supplement, handling and return. */
export const deskQueues = { toReceive: [1], received: [2], inProcess: [4], supplement: [5], payment: [6], withdrawal: [7], toReturn: [9] } as const;
export type DeskQueue = keyof typeof deskQueues;

/**
 * One queue of the agencies where the officer holds the desk's permission, most urgent first, with the count of
 * every queue for the tabs and each row's time left. Other agencies' dossiers never appear.
 */
export async function listDeskQueue(db: Kysely<Database>, actor: Actor, now: Date, input: { queue: DeskQueue; page: number; pageSize?: number }) {
  const agencyIds = actor.kind === 'officer' && actor.mfaVerified
    ? [...new Set(actor.grants.filter((g) => g.permission === 'dossier.receive').flatMap((g) => [...g.agencyIds]))] : [];
  if (agencyIds.length === 0) throw new AppError('forbidden');
  const pageSize = input.pageSize ?? 20;
  const [rows, counts, calendar] = await Promise.all([
    listQueue(db, agencyIds, [...deskQueues[input.queue]], { limit: pageSize, offset: (input.page - 1) * pageSize }),
    countQueue(db, agencyIds),
    loadWorkingCalendar(db),
  ]);
  const count = (statuses: readonly number[]) => counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
  return {
    queue: input.queue, page: input.page, pageSize,
    total: count(deskQueues[input.queue]),
    counts: Object.fromEntries(Object.entries(deskQueues).map(([name, statuses]) => [name, count(statuses)])) as Record<DeskQueue, number>,
    items: rows.map((r) => ({ ...r, timeLeft: timeLeft(calendar, r.due_at ? new Date(r.due_at) : null, now) })),
  };
}

export type DeskQueueView = Awaited<ReturnType<typeof listDeskQueue>>;

import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { addCounts, deleteDayKeysBefore, ensureDayKeys } from './repository.ts';
import { addDays, vietnamDay } from './vietnam-day.ts';

/**
 * Counts page views and unique visitors in memory and writes them to the database in batches (P-14), so the
 * per-request cost is a map increment and one HMAC — the home page must keep serving > 5,000 requests/s.
 *
 * Trade-off, accepted: what was counted since the last flush is lost if the process crashes (at most one flush
 * interval of statistics); a clean shutdown flushes. A failed flush keeps its counts for the next one.
 *
 * Privacy: the IP address and user agent are hashed at once under the day's random key (shared by every
 * instance through the database, so a visitor counts once per day across instances) and never kept. The key
 * is deleted when its day is over, after which a stored hash cannot be tied back to an IP address.
 */
export interface PageViewRecorder {
  record(route: string, ip: string, userAgent: string, at: Date): void;
  /** Writes what was counted; also fetches tomorrow's key ahead of midnight and deletes finished days' keys. */
  flush(now: Date): Promise<void>;
}

export function createPageViewRecorder(db: Kysely<Database>): PageViewRecorder {
  let views = new Map<string, Map<string, number>>();
  let visitors = new Map<string, Set<string>>();
  let keys = new Map<string, Buffer>();
  let flushing: Promise<void> = Promise.resolve();

  const record = (route: string, ip: string, userAgent: string, at: Date) => {
    const day = vietnamDay(at);
    const routes = views.get(day) ?? views.set(day, new Map()).get(day)!;
    routes.set(route, (routes.get(route) ?? 0) + 1);
    // Without the day's key (the database was unreachable when it was due) the view counts, the visitor not.
    const key = keys.get(day);
    if (!key) return;
    const hash = createHmac('sha256', key).update(ip).update('\n').update(userAgent).digest('base64url').slice(0, 22);
    (visitors.get(day) ?? visitors.set(day, new Set()).get(day)!).add(hash);
  };

  const refreshKeys = async (now: Date) => {
    const today = vietnamDay(now);
    const tomorrow = addDays(today, 1);
    if (keys.has(today) && keys.has(tomorrow)) return;
    const stored = await ensureDayKeys(db, [today, tomorrow].map((day) => ({ day, secret: randomBytes(32).toString('base64url') })));
    await deleteDayKeysBefore(db, today);
    keys = new Map(stored.map((k) => [k.day, Buffer.from(k.secret, 'base64url')]));
  };

  const writeCounts = async () => {
    const pendingViews = views;
    const pendingVisitors = visitors;
    views = new Map();
    visitors = new Map();
    const viewRows = [...pendingViews].flatMap(([day, routes]) => [...routes].map(([route, n]) => ({ day, route, views: n })));
    const visitorRows = [...pendingVisitors].flatMap(([day, hashes]) => [...hashes].map((visitor_hash) => ({ day, visitor_hash })));
    if (!viewRows.length && !visitorRows.length) return;
    try {
      await addCounts(db, viewRows, visitorRows);
    } catch (error) {
      for (const { day, route, views: n } of viewRows) {
        const routes = views.get(day) ?? views.set(day, new Map()).get(day)!;
        routes.set(route, (routes.get(route) ?? 0) + n);
      }
      for (const { day, visitor_hash } of visitorRows) (visitors.get(day) ?? visitors.set(day, new Set()).get(day)!).add(visitor_hash);
      throw error;
    }
  };

  // Flushes queue behind each other: the timer and a shutdown may ask at the same moment.
  const flush = (now: Date) => {
    const run = flushing.catch(() => undefined).then(async () => {
      try {
        await refreshKeys(now);
      } finally {
        await writeCounts();
      }
    });
    flushing = run;
    return run;
  };

  return { record, flush };
}

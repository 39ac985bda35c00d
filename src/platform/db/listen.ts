import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

/** Receives one notification's payload (text, as given to `pg_notify`). */
export type NotificationHandler = (payload: string) => void;
/** Starts listening on a channel; the promise resolves once listening, to a function that stops it. */
export type ListenSource = (channel: string, onPayload: NotificationHandler) => Promise<() => Promise<void>>;

// Channel names are ours (constants in code), but they go into a LISTEN statement, which takes no parameters.
const channelName = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!channelName.test(channel)) throw new Error(`Invalid notification channel name: ${channel}`);
}

/**
 * LISTEN on PostgreSQL needs a connection of its own for as long as it listens: a pooled one goes back to the pool
 * after each query. The first connection must succeed (a wrong URL fails at boot); afterwards a lost connection
 * is replaced with a growing delay (1 s … 30 s). Notifications sent while it is down are lost — PostgreSQL does
 * not keep them — which live updates accept: a page reload always shows the truth.
 */
export async function listenOnPostgres(connectionString: string, channel: string, onPayload: NotificationHandler,
  onError: (error: unknown) => void = () => undefined): Promise<() => Promise<void>> {
  checkChannel(channel);
  let client: pg.Client | undefined;
  let stopped = false;
  let delayMs = 1000;
  let timer: NodeJS.Timeout | undefined;

  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners('end');
      void next.end().catch(() => undefined);
      if (error) onError(error);
      reconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    delayMs = 1000;
  };
  const reconnect = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      open().catch((error: unknown) => {
        onError(error);
        delayMs = Math.min(delayMs * 2, 30_000);
        reconnect();
      });
    }, delayMs);
    timer.unref();
  };

  await open();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const current = client;
    client = undefined;
    if (current) {
      current.removeAllListeners('end');
      await current.end().catch(() => undefined);
    }
  };
}

/**
 * PGlite is one connection in this process, and it hands every NOTIFY to its own `listen` callbacks when the
 * transaction that sent it commits — including one sent through the node-postgres pool adapter
 * (`createPgConfig`), since that adapter runs its queries on the same PGlite (checked in listen.test.ts). Start
 * listening when no pooled transaction is open (the app does it while it is built): LISTEN runs on that one session
 * and would otherwise become part of the open transaction, and be undone with it.
 */
export async function listenOnPglite(pglite: PGlite, channel: string, onPayload: NotificationHandler): Promise<() => Promise<void>> {
  checkChannel(channel);
  const unlisten = await pglite.listen(channel, onPayload);
  return async () => {
    if (!pglite.closed) await unlisten();
  };
}

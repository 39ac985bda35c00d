import path from 'node:path';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database } from './tables.ts';
import { listenOnPglite, listenOnPostgres, type ListenSource } from './listen.ts';

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  embedded: boolean;
  /**
   * Listens for `pg_notify` on a channel (live updates, issue 5 §3): a dedicated connection with PostgreSQL, the
   * engine's own callbacks with PGlite. Every listener still open is stopped by `close()`.
   */
  listen: ListenSource;
  close(): Promise<void>;
}

// node-postgres returns bigint and numeric as strings by default; our ids and counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
const parseBigintArray = pg.types.getTypeParser(1016 as never) as (v: string) => string[];
pg.types.setTypeParser(1016 as never, (v: string) => parseBigintArray(v).map(Number));
// Dates (without time) stay as ISO strings: turning them into instants would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface ConnectOptions {
  /** PostgreSQL connection string; unset means embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Embedded database folder, or `memory://` for a throw-away one. */
  embeddedDir?: string;
  poolSize?: number;
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client's lost connection is replaced on next checkout
    const databaseUrl = options.databaseUrl;
    return wrap(pool, false, async () => undefined, (channel, onPayload) => listenOnPostgres(databaseUrl, channel, onPayload));
  }
  const dir = options.embeddedDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(path.resolve(dir), { recursive: true });
  const pglite = await PGlite.create(dir.startsWith('memory://') ? undefined : path.resolve(dir), { extensions: { unaccent, pg_trgm } });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  return wrap(pool, true, () => pglite.close(), (channel, onPayload) => listenOnPglite(pglite, channel, onPayload));
}

function wrap(pool: pg.Pool, embedded: boolean, closeEngine: () => Promise<void>, listenOn: ListenSource): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    pool,
    embedded,
    async listen(channel, onPayload) {
      const stop = await listenOn(channel, onPayload);
      const once = async () => {
        if (!listeners.delete(once)) return;
        await stop();
      };
      listeners.add(once);
      return once;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await db.destroy();
      await closeEngine();
    },
  };
}

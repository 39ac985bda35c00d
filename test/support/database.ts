import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedDemoProvince } from '../../src/seed-demo.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Where it lives, for tests that start a second process on it. */
  url: string | undefined;
}

/**
 * A fresh, migrated database for one test file: a throw-away embedded PGlite by default, or — when
 * DATABASE_URL is set (CI's PostgreSQL pass) — a new database on that server, dropped afterwards.
 */
export async function createTestDatabase(options: { seed?: boolean; now?: Date } = {}): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  let handle: DatabaseHandle;
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `opendvc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    handle = await connectDatabase({ databaseUrl: url, poolSize: 5 });
    drop = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    handle = await connectDatabase({ embeddedDir: 'memory://' });
  }
  await migrateToLatest(handle.db);
  if (options.seed !== false) await seedDemoProvince(handle.db, options.now ?? new Date('2026-11-02T08:00:00+07:00'));
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await drop?.();
    },
  };
}

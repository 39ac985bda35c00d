import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.tsx';
import { loadConfig, type Config } from '../../src/config.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real app on a real port over a fresh seeded database; nothing mocked. `now` replaces the wall clock for
 * tests about time (session expiry, deadlines): the app reads it wherever it needs "now".
 */
export async function startTestServer(env: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  // Each server keeps its uploaded files in its own folder, removed with it.
  const dataDir = await mkdtemp(join(tmpdir(), 'opendvc-test-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', CATALOG_CACHE_SECONDS: '0', RATE_LIMIT_ALLOWLIST: '127.0.0.1', DATA_DIR: dataDir, ...env });
  const app = await buildApp({ config, db: database.db, logger: false, listen: database.listen, ...(options.now ? { now: options.now } : {}) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address, app, database, config,
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

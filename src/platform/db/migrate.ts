import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

export const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** SQL-first migrations: each `NNNN_verb-object.sql` file is one forward-only step, run in its own transaction. */
class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => /^\d{4}_[a-z0-9-]+\.sql$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(path.join(this.dir, file), 'utf8');
      migrations[file.replace(/\.sql$/, '')] = { up: async (db: Kysely<any>) => { await sql.raw(text).execute(db); } };
    }
    return migrations;
  }
}

export class MigrationError extends Error {}

// Kysely<any>: migrations run before (and regardless of) the typed schema they create.
export async function migrateToLatest(db: Kysely<any>, dir = migrationsDir): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(dir), migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(`Migration ${failed?.migrationName ?? '?'} failed: ${String((result.error as Error).message ?? result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

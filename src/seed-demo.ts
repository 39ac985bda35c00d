import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from './platform/db/tables.ts';
import { importCatalog, type ImportSummary } from './modules/catalog/import-catalog.ts';
import { seedDemoAccounts } from './modules/identity/seed-demo-accounts.ts';
import { seedDemoDossiers } from './modules/dossiers/seed-demo-dossiers.ts';
import { seedDemoProcesses } from './modules/workflow/process/seed-demo-processes.ts';
import { seedDemoCertificates } from './modules/results/certificates/seed-demo-certificates.ts';
import { bumpCatalogRevision, readPortalSettings, writePortalSetting } from './modules/catalog/repository.ts';

const seedDir = new URL('../seed/', import.meta.url);

/**
 * Seeds the fictional "Tỉnh Hòa Bình Xanh" (the demo province and the tests' fixture): catalogue, portal
 * identity, demo accounts, the procedures' internal processes and dossiers in every status. Runs once per database:
 * a `demoSeed` marker makes later starts skip it, and the catalogue import itself is idempotent.
 */
export async function seedDemoProvince(db: Kysely<Database>, now: Date): Promise<{ seeded: boolean; summary?: ImportSummary }> {
  if ((await readPortalSettings(db))['demoSeed']) return { seeded: false };
  const catalog: unknown = JSON.parse(await readFile(new URL('catalog.json', seedDir), 'utf8'));
  const result = await importCatalog(db, catalog, { source: 'seed:demo-province', now, lang: 'en' });
  if (!result.ok) throw new Error(`The demo catalogue is invalid:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  const site: unknown = JSON.parse(await readFile(new URL('site.json', seedDir), 'utf8'));
  await seedDemoAccounts(db, now);
  // Processes first: the demo dossiers pin the process in force when they are filed (issue 4 §2).
  await seedDemoProcesses(db, now);
  await seedDemoDossiers(db, now);
  await seedDemoCertificates(db, now);
  await db.transaction().execute(async (trx) => {
    await writePortalSetting(trx, 'site', site);
    await writePortalSetting(trx, 'demoSeed', { at: now.toISOString() });
    await bumpCatalogRevision(trx, now);
  });
  return { seeded: true, summary: result.summary };
}

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { demoCatalog } from '../../../test/support/fixtures.ts';
import { importCatalog } from './import-catalog.ts';
import { exportCatalog } from './export-catalog.ts';
import { catalogSchemaDocument } from './catalog-schema-document.ts';

let database: TestDatabase;
const now = new Date('2026-11-02T08:00:00+07:00');
const options = { source: 'test', now, lang: 'vi' as const };

before(async () => { database = await createTestDatabase({ seed: false }); });
after(async () => { await database?.close(); });

async function count(table: 'procedure' | 'procedure_version' | 'agency'): Promise<number> {
  const row = await database.db.selectFrom(table).select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('importCatalog (S-a, IDX-1.3)', () => {
  it('rejects a file with several errors, reporting each with its JSON path, and writes nothing', async () => {
    const file = demoCatalog();
    file.procedures[0]!.sequence = [];
    file.procedures[1]!.fieldCode = 'X99-NOPE';
    (file.procedures[2]!.cases[0]!.timeLimit as { unit: string }).unit = 'weeks';
    file.agencies[1]!.parentCode = '999.99.99.Z99';
    const result = await importCatalog(database.db, file, options);
    assert.equal(result.ok, false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    assert.ok(paths.includes('/procedures/2/cases/0/timeLimit/unit'), paths.join(', '));
    assert.equal(await count('procedure'), 0);
    assert.equal(await count('agency'), 0);
  });

  it('reports reference and completeness errors in Vietnamese with their paths', async () => {
    const file = demoCatalog();
    file.procedures[0]!.sequence = [];
    file.procedures[1]!.fieldCode = 'X99-NOPE';
    file.agencies[1]!.parentCode = '999.99.99.Z99';
    const procedure = file.procedures[3]!;
    procedure.onlineLevel = 'partial';
    delete procedure.partialReason;
    const result = await importCatalog(database.db, file, options);
    assert.equal(result.ok, false);
    const errors = result.ok ? [] : result.errors;
    const byPath = new Map(errors.map((e) => [e.path, e.message]));
    assert.match(byPath.get('/procedures/0/sequence') ?? '', /trình tự thực hiện/);
    assert.match(byPath.get('/procedures/1/fieldCode') ?? '', /lĩnh vực mã X99-NOPE/);
    assert.match(byPath.get('/agencies/1/parentCode') ?? '', /999\.99\.99\.Z99/);
    assert.match(byPath.get('/procedures/3/partialReason') ?? '', /lý do/);
    assert.equal(await count('procedure'), 0);
  });

  it('imports the demo province in one go, then changes nothing when the same file comes again', async () => {
    const file = demoCatalog();
    const first = await importCatalog(database.db, file, options);
    assert.ok(first.ok);
    assert.equal(first.summary.procedures.created, file.procedures.length);
    assert.equal(await count('procedure_version'), file.procedures.length);
    const second = await importCatalog(database.db, demoCatalog(), options);
    assert.ok(second.ok);
    assert.equal(second.summary.changed, false);
    assert.equal(second.summary.procedures.unchanged, file.procedures.length);
    assert.equal(await count('procedure_version'), file.procedures.length);
  });

  it('publishes a changed procedure as a new version and keeps the old one, superseded', async () => {
    const file = demoCatalog();
    const target = file.procedures[5]!;
    target.cases[0]!.timeLimit = { value: target.cases[0]!.timeLimit.value + 1, unit: target.cases[0]!.timeLimit.unit };
    const result = await importCatalog(database.db, file, options);
    assert.ok(result.ok);
    assert.equal(result.summary.procedures.newVersions, 1);
    const versions = await database.db.selectFrom('procedure_version as v').innerJoin('procedure as p', 'p.id', 'v.procedure_id')
      .select(['v.version', 'v.status', 'v.id', 'p.published_version_id']).where('p.code', '=', target.code).orderBy('v.version').execute();
    assert.deepEqual(versions.map((v) => [v.version, v.status]), [[1, 'superseded'], [2, 'published']]);
    assert.equal(versions[1]!.published_version_id, versions[1]!.id);
  });

  it('keeps a draft beside the published version without publishing it', async () => {
    const file = demoCatalog();
    const target = file.procedures[6]!;
    target.sequence = [];
    target.draft = true;
    const result = await importCatalog(database.db, { ...file, procedures: [target] }, options);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.equal(result.summary.procedures.drafts, 1);
    const published = await database.db.selectFrom('procedure as p').innerJoin('procedure_version as v', 'v.id', 'p.published_version_id')
      .select('v.definition').where('p.code', '=', target.code).executeTakeFirstOrThrow();
    assert.ok(published.definition.sequence.length > 0);
  });

  it('exports a catalogue that imports back without any change', async () => {
    const exported = await exportCatalog(database.db);
    const result = await importCatalog(database.db, JSON.parse(JSON.stringify(exported)), options);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors.slice(0, 3)));
    assert.equal(result.summary.changed, false);
  });

  it('ships docs/catalog.schema.json equal to the schema the importer uses', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/catalog.schema.json', import.meta.url), 'utf8'));
    assert.deepEqual(committed, catalogSchemaDocument());
  });
});

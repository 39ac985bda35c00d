import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { RevisionCache } from '../../platform/cache/revision-cache.ts';
import { createCatalogCache } from './catalog-cache.ts';
import { searchProcedures } from './search-procedures.ts';
import { upsertSynonym, bumpCatalogRevision } from './repository.ts';

let database: TestDatabase;
let cache: RevisionCache;
let ctx: UseCaseContext;

before(async () => {
  database = await createTestDatabase();
  cache = createCatalogCache(database.db, 0);
  ctx = { db: database.db, actor: { kind: 'anonymous' }, now: new Date('2026-11-02T08:00:00+07:00') };
});
after(async () => { await database?.close(); });

const names = async (q: string, extra: object = {}) => (await searchProcedures(ctx, cache, { q, lang: 'vi', ...extra })).items.map((i) => i.name);

describe('searchProcedures (P-10)', () => {
  it('ignores diacritics and case: "dang ky thuong tru" and "ĐĂNG KÝ THƯỜNG TRÚ" both rank "Đăng ký thường trú" first', async () => {
    assert.equal((await names('dang ky thuong tru'))[0], 'Đăng ký thường trú');
    assert.equal((await names('ĐĂNG KÝ THƯỜNG TRÚ'))[0], 'Đăng ký thường trú');
  });

  it('tolerates typos', async () => {
    assert.equal((await names('dang ki thuong truu'))[0], 'Đăng ký thường trú');
    assert.ok((await names('chung thuc ban sao')).some((n) => /chứng thực bản sao/i.test(n)));
  });

  it('ranks the residence procedures first for "ho khau" through the editable synonyms', async () => {
    const result = await searchProcedures(ctx, cache, { q: 'ho khau', lang: 'vi' });
    assert.equal(result.items[0]!.name, 'Đăng ký thường trú');
    const top = result.items.slice(0, 4);
    assert.ok(top.every((i) => i.field.name === 'Đăng ký, quản lý cư trú'), top.map((i) => i.name).join(' | '));
  });

  it('follows a synonym an administrator adds, after the catalogue revision moves', async () => {
    assert.equal((await names('zzkhau')).length, 0);
    await upsertSynonym(database.db, { term: 'zzkhẩu', expansions: ['đăng ký thường trú'] });
    await bumpCatalogRevision(database.db, new Date());
    assert.equal((await names('zzkhau'))[0], 'Đăng ký thường trú');
  });

  it('returns nothing for words that match no procedure, nor for punctuation or LIKE wildcards alone', async () => {
    assert.deepEqual(await names('qwxz zzyq'), []);
    assert.deepEqual(await names('%%'), []);
    assert.deepEqual(await names('_'), []);
  });

  it('finds single-word typos', async () => {
    assert.equal((await names('khai sihn'))[0], 'Đăng ký khai sinh');
    assert.equal((await names('dang ki ket hon'))[0], 'Đăng ký kết hôn');
  });

  it('filters by facets and counts each facet under the other filters', async () => {
    const all = await searchProcedures(ctx, cache, { lang: 'vi' });
    const partial = await searchProcedures(ctx, cache, { lang: 'vi', onlineLevel: 'partial' });
    assert.ok(partial.total > 0 && partial.total < all.total);
    assert.ok(partial.items.every((i) => i.onlineLevel === 'partial'));
    // The online-level facet still shows both values (it ignores its own filter) and they add up.
    const levels = partial.facets.onlineLevel;
    assert.equal(levels.reduce((s, f) => s + f.count, 0), all.total);
    const field = partial.facets.field[0]!;
    const both = await searchProcedures(ctx, cache, { lang: 'vi', onlineLevel: 'partial', field: field.value });
    assert.equal(both.total, field.count);
    const business = await searchProcedures(ctx, cache, { lang: 'vi', applicant: 'business' });
    assert.ok(business.total > 0 && business.items.every((i) => i.applicantTypes.includes('business')));
  });

  it('filters by executing agency', async () => {
    const all = await searchProcedures(ctx, cache, { lang: 'vi' });
    const agency = all.facets.agency.find((a) => a.count < all.total)!;
    const filtered = await searchProcedures(ctx, cache, { lang: 'vi', agency: agency.value });
    assert.equal(filtered.total, agency.count);
  });

  it('pages through results, sorted by Vietnamese name when there is no query', async () => {
    const page1 = await searchProcedures(ctx, cache, { lang: 'vi', pageSize: 10 });
    const page2 = await searchProcedures(ctx, cache, { lang: 'vi', pageSize: 10, page: 2 });
    assert.equal(page1.items.length, 10);
    assert.notEqual(page1.items[0]!.code, page2.items[0]!.code);
    const ordered = [...page1.items.map((i) => i.name)].sort(new Intl.Collator('vi').compare);
    assert.deepEqual(page1.items.map((i) => i.name), ordered);
  });

  it('answers in English when asked', async () => {
    const result = await searchProcedures(ctx, cache, { q: 'dang ky thuong tru', lang: 'en' });
    assert.match(result.items[0]!.name, /[Pp]ermanent residence/);
    assert.equal(result.facets.onlineLevel.find((f) => f.value === 'full')?.label, 'Fully online');
  });
});

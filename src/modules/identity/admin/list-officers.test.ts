import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { grantOfficerRole, insertAccount, listOfficerGrants } from '../repository.ts';
import { getOfficer } from './get-officer.ts';
import { grantRole } from './grant-role.ts';
import { listOfficers } from './list-officers.ts';

// The scoping rules of S-f against the real database: which officers an administrator sees and may change.
let database: TestDatabase;
const now = new Date('2026-11-02T08:00:00+07:00');
let agencyAdmin: Actor;
let provinceAdmin: Actor;
let shared = '';
let roleless = '';

async function actorOf(email: string): Promise<Actor> {
  const { id, display_name } = await database.db.selectFrom('account').select(['id', 'display_name']).where('email', '=', email).executeTakeFirstOrThrow();
  const grants = (await listOfficerGrants(database.db, id)).map((g) => ({ permission: g.permission, agencyIds: new Set(g.agency_ids) }));
  return { kind: 'officer', accountId: id, name: display_name, mfaVerified: true, grants };
}

before(async () => {
  database = await createTestDatabase();
  // Trần Quang Đức works at the Department of Justice and at the service centre's desk.
  shared = await insertAccount(database.db, { kind: 'officer', displayName: 'Trần Quang Đức', email: 'duc.tv@example.vn' });
  await grantOfficerRole(database.db, shared, '000.00.02.H99', 'specialist');
  await grantOfficerRole(database.db, shared, '000.00.30.H99', 'reception');
  roleless = await insertAccount(database.db, { kind: 'officer', displayName: 'Đinh Thị Nga', email: 'nga.dt@example.vn' });
  agencyAdmin = await actorOf('mai.ht@demo.hoabinhxanh.vn');
  provinceAdmin = await actorOf('minh.nq@demo.hoabinhxanh.vn');
});
after(async () => { await database?.close(); });

const names = async (actor: Actor, query: Parameters<typeof listOfficers>[1] = { page: 1 }) =>
  (await listOfficers({ db: database.db, actor, now }, query)).rows.map((r) => r.display_name).sort();
const refusal = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('officer administration against the database (S-f)', () => {
  it('lists for an agency admin only the officers whose every role lies in its subtree', async () => {
    assert.deepEqual(await names(agencyAdmin), ['Bùi Văn Nam', 'Hoàng Thị Mai', 'Vũ Thị Lan', 'Đỗ Văn Hùng'].sort());
    const all = await names(provinceAdmin);
    assert.ok(all.includes('Trần Quang Đức') && all.includes('Đinh Thị Nga'), 'the province sees shared and role-less officers');
  });

  it('refuses an agency admin the record of an officer who also works elsewhere, and of one without roles', async () => {
    await assert.rejects(getOfficer({ db: database.db, actor: agencyAdmin, now }, shared), refusal('forbidden'));
    await assert.rejects(getOfficer({ db: database.db, actor: agencyAdmin, now }, roleless), refusal('forbidden'));
    assert.equal((await getOfficer({ db: database.db, actor: provinceAdmin, now }, roleless)).account.displayName, 'Đinh Thị Nga');
    await assert.rejects(getOfficer({ db: database.db, actor: provinceAdmin, now }, '00000000-0000-4000-8000-000000000000'), refusal('notFound'));
  });

  it('searches names without accents and e-mail addresses, with LIKE wildcards taken literally', async () => {
    assert.deepEqual(await names(provinceAdmin, { q: 'tran quang duc', page: 1 }), ['Trần Quang Đức']);
    assert.deepEqual(await names(provinceAdmin, { q: 'NGA.DT@', page: 1 }), ['Đinh Thị Nga']);
    assert.deepEqual(await names(provinceAdmin, { q: '%', page: 1 }), []);
  });

  it('offers an agency admin nothing it may not grant, and refuses a forged grant', async () => {
    const { id: hung } = await database.db.selectFrom('account').select('id').where('email', '=', 'hung.dv@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
    const detail = await getOfficer({ db: database.db, actor: agencyAdmin, now }, hung);
    assert.ok(!detail.grantableRoles.some((r) => r.code === 'provinceAdmin'));
    assert.deepEqual(detail.grantableUnits.map((u) => u.code), ['000.00.02.H99']);
    const ctx = { db: database.db, actor: agencyAdmin, now, origin: { ip: null, userAgent: null } };
    await assert.rejects(grantRole(ctx, { accountId: hung, agencyCode: '000.00.02.H99', roleCode: 'provinceAdmin' }), refusal('forbidden'));
    assert.deepEqual(await grantRole(ctx, { accountId: hung, agencyCode: '000.00.02.H99', roleCode: 'specialist' }),
      { ok: false, problems: [{ field: 'role', key: 'admin.error.alreadyHeld' }] });
    const mai = agencyAdmin.kind === 'officer' ? agencyAdmin.accountId : '';
    await assert.rejects(grantRole(ctx, { accountId: mai, agencyCode: '000.00.02.H99', roleCode: 'leader' }), refusal('forbidden'), 'no self-granted roles');
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import type { Actor } from '../../../platform/context.ts';
import { insertAccount } from '../repository.ts';
import { createApiClient } from './create-api-client.ts';
import { revokeApiClient } from './revoke-api-client.ts';

let database: TestDatabase;
const now = new Date('2026-11-02T08:00:00+07:00');
const origin = { ip: null, userAgent: null };
const agencyId = async (code: string) => (await database.db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
let adminId = '';
const officerWith = (agencyIds: number[]): Actor => ({
  kind: 'officer', accountId: adminId, name: 'Quản trị', mfaVerified: true,
  grants: [{ permission: 'apiClient.manage', agencyIds: new Set(agencyIds) }],
});

before(async () => {
  database = await createTestDatabase();
  adminId = await insertAccount(database.db, { kind: 'officer', displayName: 'Quản trị', email: 'quantri.ungdung@example.vn' });
});
after(async () => { await database?.close(); });

// S-f: apiClient.manage held for one agency's subtree reaches no further, not even through a client owned by nobody.
describe('API clients are managed within the administrator\'s units (issue 3 §3, S-f)', () => {
  it('refuses a province-wide client to an administrator of one agency, and lets the province create and revoke it', async () => {
    const agencyAdmin = officerWith([await agencyId('000.00.30.H99')]);
    const province = officerWith((await database.db.selectFrom('agency').select('id').execute()).map((a) => a.id));
    const input = { name: 'Hệ thống một cửa', kind: 'apiKey' as const, scopes: ['catalog.import'] };
    await assert.rejects(createApiClient(database.db, agencyAdmin, now, input, origin), { code: 'forbidden' });
    const created = await createApiClient(database.db, province, now, input, origin);
    assert.ok(created.ok);
    await assert.rejects(revokeApiClient(database.db, agencyAdmin, now, created.clientId, origin), { code: 'forbidden' });
    await revokeApiClient(database.db, province, now, created.clientId, origin);
  });

  it('lets the agency administrator create a client of its own agency', async () => {
    const agencyAdmin = officerWith([await agencyId('000.00.30.H99')]);
    const created = await createApiClient(database.db, agencyAdmin, now, { name: 'Máy kiosk', kind: 'apiKey', scopes: ['catalog.import'], agencyCode: '000.00.30.H99' }, origin);
    assert.ok(created.ok);
  });
});

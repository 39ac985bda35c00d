import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { insertApiClient } from './api-clients/repository.ts';
import { expiredCredentialGraceMs, purgeExpiredCredentials } from './purge-expired-credentials.ts';

describe('nightly purge of expired credentials (SEC-02)', () => {
  let database: TestDatabase;
  const now = new Date('2026-11-24T20:10:00Z');
  const longExpired = new Date(now.getTime() - expiredCredentialGraceMs - 60_000);
  const recentlyExpired = new Date(now.getTime() - 60_000);
  const live = new Date(now.getTime() + 3_600_000);

  before(async () => { database = await createTestDatabase(); });
  after(async () => { await database.close(); });

  it('deletes tokens, codes and logins expired more than a week ago and keeps the others', async () => {
    const { db } = database;
    const account = await db.selectFrom('account').select('id').where('email', '=', 'an.nguyen@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
    const clientId = await insertApiClient(db, { publicId: 'purge-test', name: 'Purge test', agencyId: null, kind: 'oauthClient', scopes: ['catalog.import'], secretHash: 'x', createdBy: null, now });
    const expiries = { old: longExpired, recent: recentlyExpired, live };
    for (const [name, expiresAt] of Object.entries(expiries)) {
      await db.insertInto('api_access_token').values({ token_hash: `api-${name}`, client_id: clientId, scopes: ['catalog.import'], issued_at: now, expires_at: expiresAt }).execute();
      await db.insertInto('account_token').values({ token_hash: `acc-${name}`, account_id: account.id, purpose: 'verifyContact', expires_at: expiresAt, used_at: null, created_at: now }).execute();
      await db.insertInto('oidc_login').values({
        key_hash: `oidc-${name}`, provider: 'citizen', state: name, nonce: name, code_verifier: name, redirect_uri: 'http://localhost/cb', return_to: null,
        link_account_id: null, created_at: now, expires_at: expiresAt, used_at: null,
      }).execute();
    }
    await db.insertInto('phone_verification_code').values({ account_id: account.id, code_hash: 'old', expires_at: longExpired, created_at: now }).execute();

    const purged = await purgeExpiredCredentials(db, now);

    assert.deepEqual(purged, { apiAccessTokens: 1, oidcLogins: 1, accountTokens: 1, phoneCodes: 1 });
    const left = async (table: 'api_access_token' | 'account_token') => (await db.selectFrom(table).select('token_hash').where('token_hash', 'like', '%-%').orderBy('token_hash').execute()).map((r) => r.token_hash);
    assert.deepEqual(await left('api_access_token'), ['api-live', 'api-recent']);
    assert.deepEqual(await left('account_token'), ['acc-live', 'acc-recent']);
    assert.deepEqual((await db.selectFrom('oidc_login').select('key_hash').orderBy('key_hash').execute()).map((r) => r.key_hash), ['oidc-live', 'oidc-recent']);
    assert.equal((await db.selectFrom('phone_verification_code').select('code_hash').where('account_id', '=', account.id).execute()).length, 0);
  });
});

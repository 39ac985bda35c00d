import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { formatApiKey, hashSecret, newPublicId, newSecret } from './credentials.ts';
import { issueAccessToken } from './issue-access-token.ts';
import { insertApiClient, revokeClient } from './repository.ts';
import { resolveClientCredential } from './resolve-client-credential.ts';

let database: TestDatabase;
const t0 = new Date('2026-11-02T08:00:00+07:00');
const origin = { ip: null, userAgent: null };

before(async () => { database = await createTestDatabase({ seed: false }); });
after(async () => { await database?.close(); });

async function client(kind: 'apiKey' | 'oauthClient', scopes = ['catalog.import']) {
  const publicId = newPublicId();
  const secret = newSecret();
  const id = await insertApiClient(database.db, { publicId, name: `Hệ thống ${publicId}`, agencyId: null, kind, scopes, secretHash: hashSecret(secret), createdBy: null, now: t0 });
  return { id, publicId, secret };
}
const lastUsed = async (id: string) =>
  (await sql<{ last_used_at: Date | null }>`SELECT last_used_at FROM api_client WHERE id = ${id}`.execute(database.db)).rows[0]!.last_used_at;

describe('resolveClientCredential (issue 3 §3)', () => {
  it('turns a live API key into a client actor holding its scopes, and records use at most once a minute', async () => {
    const c = await client('apiKey');
    const key = formatApiKey(c.publicId, c.secret);
    assert.deepEqual(await resolveClientCredential(database.db, key, t0), { kind: 'client', clientId: c.id, name: `Hệ thống ${c.publicId}`, scopes: ['catalog.import'] });
    assert.equal((await lastUsed(c.id))?.getTime(), t0.getTime());
    await resolveClientCredential(database.db, key, new Date(t0.getTime() + 30_000));
    assert.equal((await lastUsed(c.id))?.getTime(), t0.getTime(), 'not rewritten within the minute');
    const later = new Date(t0.getTime() + 61_000);
    await resolveClientCredential(database.db, key, later);
    assert.equal((await lastUsed(c.id))?.getTime(), later.getTime());
  });

  it('refuses a wrong secret, an OAuth client\'s secret used as a key, and a revoked client', async () => {
    const c = await client('apiKey');
    assert.equal(await resolveClientCredential(database.db, formatApiKey(c.publicId, newSecret()), t0), null);
    const o = await client('oauthClient');
    assert.equal(await resolveClientCredential(database.db, formatApiKey(o.publicId, o.secret), t0), null);
    await revokeClient(database.db, c.id, null, t0);
    assert.equal(await resolveClientCredential(database.db, formatApiKey(c.publicId, c.secret), t0), null);
  });

  it('honours an access token for one hour with the scopes it was issued for, and not after revocation', async () => {
    const o = await client('oauthClient', ['catalog.import', 'report.read']);
    const issued = await issueAccessToken(database.db, t0, { grantType: 'client_credentials', clientId: o.publicId, clientSecret: o.secret, scope: 'report.read', ...origin });
    assert.ok(issued.ok);
    assert.equal(issued.scope, 'report.read');
    const actor = await resolveClientCredential(database.db, issued.accessToken, new Date(t0.getTime() + 3_599_000));
    assert.deepEqual(actor?.kind === 'client' ? actor.scopes : null, ['report.read']);
    assert.equal(await resolveClientCredential(database.db, issued.accessToken, new Date(t0.getTime() + 3_600_000)), null);
    await revokeClient(database.db, o.id, null, t0);
    assert.equal(await resolveClientCredential(database.db, issued.accessToken, t0), null);
  });
});

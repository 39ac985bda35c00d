import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { commonName, describeName } from '../signing/certificates.ts';
import { writePkcs12 } from '../signing/pkcs12.ts';
import { createCertificateAuthority, issueSigningIdentity } from '../signing/test-ca.ts';
import { importAgencyCertificate } from './import-agency-certificate.ts';
import { loadAgencySigningKey } from './load-signing-key.ts';
import { findCurrentCertificate, listTokenKeys, listTrustAnchors } from './repository.ts';
import { SealError } from './seal.ts';

// Issue 5 §1: per-agency PKCS#12 with a sealed passphrase; the demo seed's test CA and agency certificates.
const now = new Date('2026-11-02T08:00:00+07:00');
let database: TestDatabase;
before(async () => { database = await createTestDatabase({ now }); });
after(async () => { await database.close(); });

const agencyId = async (code: string) => (await database.db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const demoKeys = { appSecret: null, production: false };

test('the demo seed gives the signing agencies a certificate under the demo CA, with their Vietnamese names', async () => {
  for (const code of ['000.00.41.H99', '000.00.02.H99']) {
    const key = await loadAgencySigningKey(database.db, demoKeys, await agencyId(code));
    assert.ok(key, `${code} has a certificate`);
    const agency = await database.db.selectFrom('agency').select('name').where('code', '=', code).executeTakeFirstOrThrow();
    assert.equal(commonName(key.identity.certificate.subject), agency.name);
    assert.equal(describeName(key.identity.certificate.subject), `CN=${agency.name}, O=Tỉnh Hòa Bình Xanh, C=VN`);
    assert.equal(commonName(key.identity.chain[0]!.subject), 'CA thử nghiệm OpenDVC — Hòa Bình Xanh');
    assert.equal(key.row.sealed_with, 'demo');
  }
  // An agency without a leader in the demo has none until one is imported.
  assert.equal(await loadAgencySigningKey(database.db, demoKeys, await agencyId('000.00.55.H99')), undefined);
  const anchors = await listTrustAnchors(database.db);
  assert.deepEqual(anchors.map((a) => a.subject), ['CA thử nghiệm OpenDVC — Hòa Bình Xanh']);
  // Production never opens demo-sealed secrets.
  await assert.rejects(loadAgencySigningKey(database.db, { appSecret: 'x'.repeat(32), production: true }, await agencyId('000.00.41.H99')), SealError);
});

test('an imported PKCS#12 replaces the previous certificate; its passphrase opens only with the same app secret', async () => {
  const keys = { appSecret: 'a-long-app-secret-for-the-test-0123456789', production: false };
  const ca = await createCertificateAuthority({ commonName: 'CA chuyên dùng thử', country: 'VN' }, now);
  const identity = await issueSigningIdentity(ca, { commonName: 'Ủy ban nhân dân xã Mường Khoa', organization: 'Tỉnh Hòa Bình Xanh', country: 'VN' }, now);
  const id = await agencyId('000.00.55.H99');
  const p12 = await writePkcs12(identity, 'mật khẩu');
  await assert.rejects(importAgencyCertificate(database.db, keys, { agencyCode: '000.00.55.H99', pkcs12: p12, passphrase: 'sai', now }), /passphrase/);
  await assert.rejects(importAgencyCertificate(database.db, keys, { agencyCode: '000.00.55.H99', pkcs12: p12, passphrase: 'mật khẩu', now: new Date('2031-01-01') }), /expired/);
  const first = await importAgencyCertificate(database.db, keys, { agencyCode: '000.00.55.H99', pkcs12: p12, passphrase: 'mật khẩu', now });
  const second = await importAgencyCertificate(database.db, keys, { agencyCode: '000.00.55.H99', pkcs12: p12, passphrase: 'mật khẩu', now });
  assert.equal((await findCurrentCertificate(database.db, id))?.id, second.id);
  const row = await database.db.selectFrom('agency_certificate').select(['passphrase_sealed', 'retired_at']).where('id', '=', first.id).executeTakeFirstOrThrow();
  assert.ok(row.retired_at, 'the first one is retired');
  assert.ok(!row.passphrase_sealed.includes('mật'), 'the passphrase is not stored in clear');
  const loaded = await loadAgencySigningKey(database.db, keys, id);
  assert.equal(commonName(loaded!.identity.certificate.subject), 'Ủy ban nhân dân xã Mường Khoa');
  await assert.rejects(loadAgencySigningKey(database.db, { ...keys, appSecret: 'another-secret-of-enough-length-000000' }, id), SealError);
  // Both token keys stay published: tokens of the retired certificate still verify.
  const kids = (await listTokenKeys(database.db)).map((k) => k.token_kid);
  assert.ok(kids.includes(first.kid) && kids.includes(second.kid));
});

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { writePkcs12 } from '../signing/pkcs12.ts';
import { createCertificateAuthority, issueSigningIdentity } from '../signing/test-ca.ts';
import { importAgencyCertificate } from './import-agency-certificate.ts';

// The demo province's test PKI (issue 5 §1): a root "CA thử nghiệm OpenDVC — Hòa Bình Xanh" and, under it, a
// signing certificate for every agency where a demo officer holds dossier.approve (those who sign results: the ward
// 000.00.41.H99 and Sở Tư pháp 000.00.02.H99), subject CN = the agency's Vietnamese name, O = the province, C = VN.
// The CA's private key is thrown away after seeding: other agencies get their certificates with
// `opendvc certificates import`. Passphrases are random and sealed under the public demo key.

export const demoCaName = { commonName: 'CA thử nghiệm OpenDVC — Hòa Bình Xanh', organization: 'Tỉnh Hòa Bình Xanh', country: 'VN' } as const;

export async function seedDemoCertificates(db: Kysely<Database>, now: Date): Promise<{ agencies: string[] }> {
  const signers = await db.selectFrom('officer_role as r').innerJoin('role_permission as p', 'p.role_code', 'r.role_code')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .select(['a.code', 'a.name']).where('p.permission', '=', 'dossier.approve').distinct().orderBy('a.code').execute();
  if (signers.length === 0) return { agencies: [] };
  const ca = await createCertificateAuthority(demoCaName, now);
  for (const agency of signers) {
    const identity = await issueSigningIdentity(ca, { commonName: agency.name, organization: demoCaName.organization, country: 'VN' }, now);
    const passphrase = randomBytes(18).toString('base64url');
    await importAgencyCertificate(db, { appSecret: null, production: false }, {
      agencyCode: agency.code, pkcs12: await writePkcs12(identity, passphrase, agency.name), passphrase, now, sealedWith: 'demo',
    });
  }
  return { agencies: signers.map((s) => s.code) };
}

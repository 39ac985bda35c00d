import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { certificateDer, commonName, describeName, serialHex } from '../signing/certificates.ts';
import { readPkcs12 } from '../signing/pkcs12.ts';
import type { SealedWith } from '../tables.ts';
import { addTrustAnchor, insertCertificate } from './repository.ts';
import { seal, type SealingKeys } from './seal.ts';
import { generateTokenKey } from './token-keys.ts';

export class CertificateImportError extends Error {}

export interface ImportedCertificate { id: number; agencyCode: string; subject: string; issuer: string; serial: string; notAfter: Date; kid: string }

/**
 * Installs a PKCS#12 as the agency's signing certificate (issue 5 §1): opens it with the passphrase (so a wrong
 * one fails now, not at the first signing), checks it is valid today, seals the passphrase, makes the agency's
 * token key, retires the previous certificate and publishes the chain's root as a trust anchor.
 */
export async function importAgencyCertificate(db: Kysely<Database>, keys: SealingKeys, input: {
  agencyCode: string; pkcs12: Uint8Array; passphrase: string; now: Date; sealedWith?: SealedWith;
}): Promise<ImportedCertificate> {
  const sealedWith = input.sealedWith ?? 'appSecret';
  const agency = await db.selectFrom('agency').select(['id', 'code']).where('code', '=', input.agencyCode).executeTakeFirst();
  if (!agency) throw new CertificateImportError(`No agency has the code ${input.agencyCode}.`);
  const identity = await readPkcs12(input.pkcs12, input.passphrase);
  const { notBefore, notAfter } = identity.certificate;
  if (notAfter.value <= input.now) throw new CertificateImportError(`The certificate expired on ${notAfter.value.toISOString()}.`);
  if (notBefore.value > input.now) throw new CertificateImportError(`The certificate is valid only from ${notBefore.value.toISOString()}.`);
  const token = generateTokenKey(agency.code, input.now);
  const subject = describeName(identity.certificate.subject);
  const issuer = describeName(identity.certificate.issuer);
  return db.transaction().execute(async (trx) => {
    const id = await insertCertificate(trx, {
      agency_id: agency.id, pkcs12: input.pkcs12, passphrase_sealed: seal(keys, sealedWith, input.passphrase.normalize('NFC')), sealed_with: sealedWith,
      subject, issuer, serial: serialHex(identity.certificate), not_before: notBefore.value, not_after: notAfter.value,
      token_kid: token.kid, token_public_jwk: JSON.stringify(token.publicJwk), token_private_sealed: seal(keys, sealedWith, JSON.stringify(token.privateJwk)),
      added_at: input.now,
    });
    const root = identity.chain.at(-1);
    if (root) {
      const der = certificateDer(root);
      await addTrustAnchor(trx, { subject: commonName(root.subject), certificate: der, sha256: createHash('sha256').update(der).digest('hex'), now: input.now });
    }
    return { id, agencyCode: agency.code, subject, issuer, serial: serialHex(identity.certificate), notAfter: notAfter.value, kid: token.kid };
  });
}

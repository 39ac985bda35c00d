import type { KeyObject } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { createCertificate, generateKeyPair, type KeyKind, type NameParts } from './certificates.ts';
import type { SigningIdentity } from './pkcs12.ts';

// A self-made CA for the demo province and the tests — never for production, where each agency's certificate
// comes from a licensed CA (public or the Government's specialised one) and is imported as a PKCS#12.

export interface CertificateAuthority { certificate: pkijs.Certificate; privateKey: KeyObject }

const years = (date: Date, n: number) => new Date(Date.UTC(date.getUTCFullYear() + n, date.getUTCMonth(), date.getUTCDate()));
const daysBefore = (date: Date, n: number) => new Date(date.getTime() - n * 86_400_000);

export async function createCertificateAuthority(subject: NameParts, now: Date, kind: KeyKind = 'ecdsa-p256'): Promise<CertificateAuthority> {
  const { privateKey, publicKey } = generateKeyPair(kind);
  const certificate = await createCertificate({ subject, publicKey, privateKey, isCA: true, notBefore: daysBefore(now, 1), notAfter: years(now, 10) });
  return { certificate, privateKey };
}

/** A document-signing certificate under `ca`, valid from yesterday for three years. */
export async function issueSigningIdentity(ca: CertificateAuthority, subject: NameParts, now: Date, kind: KeyKind = 'ecdsa-p256'): Promise<SigningIdentity> {
  const { privateKey, publicKey } = generateKeyPair(kind);
  const certificate = await createCertificate({ subject, publicKey, issuer: ca, isCA: false, notBefore: daysBefore(now, 1), notAfter: years(now, 3) });
  return { privateKey, certificate, chain: [ca.certificate] };
}

/** A timestamping certificate under `ca` (extended key usage timeStamping, critical), for the local TSA simulator. */
export async function issueTimestampingIdentity(ca: CertificateAuthority, subject: NameParts, now: Date): Promise<SigningIdentity> {
  const { privateKey, publicKey } = generateKeyPair('ecdsa-p256');
  const certificate = await createCertificate({ subject, publicKey, issuer: ca, isCA: false, extendedKeyUsage: ['1.3.6.1.5.5.7.3.8'], notBefore: daysBefore(now, 1), notAfter: years(now, 3) });
  return { privateKey, certificate, chain: [ca.certificate] };
}

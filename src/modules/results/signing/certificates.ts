import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// Test CA and agency certificates, made with pkijs over WebCrypto (issue 5 §1). Names are UTF8String, so an
// agency's Vietnamese name ("Ủy ban nhân dân phường Hòa Lâm") stays exactly as written in the subject.

export interface NameParts {
  commonName: string;
  organization?: string | undefined;
  /** ISO 3166 two-letter code. */
  country?: string | undefined;
}

export type KeyKind = 'ecdsa-p256' | 'rsa-2048';

/** A key pair usable by node:crypto (signing) and WebCrypto (pkijs). */
export function generateKeyPair(kind: KeyKind = 'ecdsa-p256'): { privateKey: KeyObject; publicKey: KeyObject } {
  return kind === 'rsa-2048' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export function buildName(parts: NameParts): pkijs.RelativeDistinguishedNames {
  const name = new pkijs.RelativeDistinguishedNames();
  const add = (type: string, value: asn1js.BaseStringBlock) => name.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type, value }));
  if (parts.country) add('2.5.4.6', new asn1js.PrintableString({ value: parts.country }));
  if (parts.organization) add('2.5.4.10', new asn1js.Utf8String({ value: parts.organization.normalize('NFC') }));
  add('2.5.4.3', new asn1js.Utf8String({ value: parts.commonName.normalize('NFC') }));
  return name;
}

/** "CN=…, O=…, C=VN" with the values as written (any string type), most specific first. */
export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  const labels: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.5': 'SERIALNUMBER' };
  return [...name.typesAndValues].reverse()
    .map((tv) => `${labels[tv.type] ?? tv.type}=${String((tv.value as asn1js.BaseStringBlock).valueBlock.value ?? '')}`)
    .join(', ');
}

/** The common name of a certificate's subject (or issuer), or the whole name when it has none. */
export function commonName(name: pkijs.RelativeDistinguishedNames): string {
  const cn = name.typesAndValues.find((tv) => tv.type === '2.5.4.3');
  return cn ? String((cn.value as asn1js.BaseStringBlock).valueBlock.value) : describeName(name);
}

/** A copy of the bytes as a plain ArrayBuffer (what WebCrypto and asn1js take). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export const serialHex = (certificate: pkijs.Certificate): string => Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase();

async function toCryptoKey(key: KeyObject, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  const algorithm = key.asymmetricKeyType === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' };
  return usage === 'sign'
    ? crypto.subtle.importKey('pkcs8', arrayBuffer(key.export({ format: 'der', type: 'pkcs8' })), algorithm, false, [usage])
    : crypto.subtle.importKey('spki', arrayBuffer(key.export({ format: 'der', type: 'spki' })), algorithm, true, [usage]);
}

export interface CertificateRequest {
  subject: NameParts;
  publicKey: KeyObject;
  /** The issuer's certificate and key; absent for a self-signed root. */
  issuer?: { certificate: pkijs.Certificate; privateKey: KeyObject } | undefined;
  /** The signing key when self-signed. */
  privateKey?: KeyObject | undefined;
  isCA: boolean;
  /** Extended key usages (OIDs), marked critical: a TSA's certificate carries timeStamping alone (RFC 3161 §2.3). */
  extendedKeyUsage?: string[] | undefined;
  notBefore: Date;
  notAfter: Date;
}

function keyIdentifier(certificate: pkijs.Certificate): ArrayBuffer {
  const digest = createHash('sha1').update(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
}

/** An X.509 v3 certificate: a CA (keyCertSign, cRLSign) or a document signer (digitalSignature, nonRepudiation). */
export async function createCertificate(request: CertificateRequest): Promise<pkijs.Certificate> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  // A positive 16-byte serial (the top bit cleared).
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f | 0x01;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  certificate.subject = buildName(request.subject);
  certificate.issuer = request.issuer ? request.issuer.certificate.subject : buildName(request.subject);
  certificate.notBefore.value = request.notBefore;
  certificate.notAfter.value = request.notAfter;
  await certificate.subjectPublicKeyInfo.importKey(await toCryptoKey(request.publicKey, 'verify'));

  const basicConstraints = new pkijs.BasicConstraints({ cA: request.isCA, ...(request.isCA ? { pathLenConstraint: 0 } : {}) });
  // KeyUsage bits: digitalSignature(0) nonRepudiation(1) for a signer; keyCertSign(5) cRLSign(6) for a CA.
  const usage = request.isCA ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 }) : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
  const extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: basicConstraints.toSchema().toBER(false), parsedValue: basicConstraints }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: usage.toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.14', critical: false, extnValue: new asn1js.OctetString({ valueHex: keyIdentifier(certificate) }).toBER(false) }),
  ];
  if (request.extendedKeyUsage?.length) {
    const eku = new pkijs.ExtKeyUsage({ keyPurposes: request.extendedKeyUsage });
    extensions.push(new pkijs.Extension({ extnID: '2.5.29.37', critical: true, extnValue: eku.toSchema().toBER(false), parsedValue: eku }));
  }
  if (request.issuer) {
    const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(request.issuer.certificate) }) });
    extensions.push(new pkijs.Extension({ extnID: '2.5.29.35', critical: false, extnValue: aki.toSchema().toBER(false) }));
  }
  certificate.extensions = extensions;

  const signingKey = request.issuer?.privateKey ?? request.privateKey;
  if (!signingKey) throw new Error('A self-signed certificate needs its private key.');
  await certificate.sign(await toCryptoKey(signingKey, 'sign'), 'SHA-256');
  return certificate;
}

export const certificateDer = (certificate: pkijs.Certificate): Buffer => Buffer.from(certificate.toSchema().toBER(false));

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBuffer(der));
}

export function certificatePem(certificate: pkijs.Certificate): string {
  const b64 = certificateDer(certificate).toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}

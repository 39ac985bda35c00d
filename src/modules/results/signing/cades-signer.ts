import { createHash, sign as signBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Signer } from '@signpdf/signpdf';
import { arrayBuffer } from './certificates.ts';
import type { SigningIdentity } from './pkcs12.ts';

// A CMS SignedData for PDF signatures (PAdES baseline B-B, ETSI EN 319 142-1): detached, SHA-256, signed attributes
// content-type, message-digest and signing-certificate-v2 (ESS, RFC 5035) — and no signing-time, which PAdES puts in
// the signature dictionary's /M instead. The chain travels in `certificates`. Built with pkijs and signed with
// node:crypto, so subject names in UTF8String (Vietnamese) are carried byte for byte.

const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** Obtains an RFC 3161 timestamp token (a CMS ContentInfo, DER) over the signature value; see `tsa-client.ts`. */
export type TimestampSource = (signatureValue: Buffer) => Promise<Buffer>;

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

function signingCertificateV2(certificate: pkijs.Certificate): asn1js.Sequence {
  const certHash = createHash('sha256').update(Buffer.from(certificate.toSchema().toBER(false))).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256, omitted) and IssuerSerial.
  const issuerSerial = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: certificate.issuer }).toSchema()] }), certificate.serialNumber],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: arrayBuffer(certHash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** The detached CMS signature of `content` (the PDF's signed byte ranges), DER-encoded. */
export async function createCadesSignature(content: Buffer, identity: SigningIdentity, timestamp?: TimestampSource): Promise<Buffer> {
  const { certificate, chain, privateKey } = identity;
  const digest = createHash('sha256').update(content).digest();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      attribute(oid.contentType, new asn1js.ObjectIdentifier({ value: oid.data })),
      attribute(oid.messageDigest, new asn1js.OctetString({ valueHex: arrayBuffer(digest) })),
      attribute(oid.signingCertificateV2, signingCertificateV2(certificate)),
    ],
  });
  // The signature covers the DER of the attributes as a SET OF (tag 0x31), not as the [0] IMPLICIT field.
  const toSign = Buffer.from(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;

  const rsa = privateKey.asymmetricKeyType === 'rsa';
  if (!rsa && privateKey.asymmetricKeyType !== 'ec') throw new Error(`Unsupported signing key type: ${privateKey.asymmetricKeyType}`);
  // node:crypto gives RSA PKCS#1 v1.5 and, for ECDSA, the DER (r, s) that CMS expects.
  const signatureValue = signBytes('sha256', toSign, privateKey);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 }),
    signedAttrs,
    signatureAlgorithm: rsa
      ? new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256WithRsa, algorithmParams: new asn1js.Null() })
      : new pkijs.AlgorithmIdentifier({ algorithmId: oid.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: arrayBuffer(signatureValue) }),
  });
  if (timestamp) {
    // PAdES B-T: the timestamp token over the signature value, as an unsigned attribute.
    const token = await timestamp(signatureValue);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1, attributes: [attribute(oid.signatureTimeStampToken, asn1js.fromBER(arrayBuffer(token)).result)],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data }),
    certificates: [certificate, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** The `Signer` that `@signpdf/signpdf` calls with the bytes of the PDF outside the /Contents placeholder. */
export class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity, private readonly timestamp?: TimestampSource) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return createCadesSignature(pdfBuffer, this.identity, this.timestamp);
  }
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes, sign as signBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBuffer, certificateDer } from '../modules/results/signing/certificates.ts';
import type { SigningIdentity } from '../modules/results/signing/pkcs12.ts';
import { createCertificateAuthority, issueTimestampingIdentity, type CertificateAuthority } from '../modules/results/signing/test-ca.ts';

/**
 * A local RFC 3161 Time-Stamping Authority for demos and tests only (issue 5 §1; never production). A real HTTP server:
 * POST a DER TimeStampReq as application/timestamp-query, get a TimeStampResp whose token is a CMS SignedData over a
 * TSTInfo, signed by a timestamping certificate (extended key usage timeStamping) from the test CA. Failure modes
 * reproduce what a client must refuse: an HTTP error, a rejection (PKIStatus 2), a token with another nonce or
 * another imprint. `npm run tsasim` starts it alone; tests start it on port 0.
 */
export type TsaMode = 'normal' | 'httpError' | 'rejection' | 'wrongNonce' | 'wrongImprint';

export interface TsaSimulator {
  url: string;
  /** The TSA's certificate and the CA above it. */
  identity: SigningIdentity;
  ca: CertificateAuthority;
  mode: TsaMode;
  /** Requests answered so far, and the Authorization header of the last one. */
  requests: number;
  lastAuthorization: string | undefined;
  close(): Promise<void>;
}

const oid = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  // A policy arc of the simulator; a real TSA states its own.
  policy: '1.3.6.1.4.1.58254.1.1',
} as const;

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

function statusOnly(status: number, text: string): Buffer {
  const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status, statusStrings: [new asn1js.Utf8String({ value: text })] }) });
  return Buffer.from(response.toSchema().toBER(false));
}

/** A granted TimeStampResp for `request`, its TSTInfo signed by `identity` (ECDSA P-256, SHA-256). */
export function grantTimestamp(request: pkijs.TimeStampReq, identity: SigningIdentity, now: Date, mode: TsaMode = 'normal'): Buffer {
  const imprint = mode === 'wrongImprint'
    ? new pkijs.MessageImprint({ hashAlgorithm: request.messageImprint.hashAlgorithm, hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(randomBytes(32)) }) })
    : request.messageImprint;
  const nonce = mode === 'wrongNonce' ? new asn1js.Integer({ valueHex: arrayBuffer(Buffer.from([0x01, ...randomBytes(7)])) }) : request.nonce;
  const serial = randomBytes(12);
  serial[0] = serial[0]! & 0x7f | 0x01;
  const tstInfo = new pkijs.TSTInfo({
    version: 1, policy: oid.policy, messageImprint: imprint, serialNumber: new asn1js.Integer({ valueHex: arrayBuffer(serial) }),
    genTime: now, accuracy: new pkijs.Accuracy({ seconds: 1 }), ...(nonce ? { nonce } : {}),
  });
  const content = Buffer.from(tstInfo.toSchema().toBER(false));
  const certificate = identity.certificate;
  const essCertIdV2 = new asn1js.Sequence({ value: [
    new asn1js.OctetString({ valueHex: arrayBuffer(createHash('sha256').update(certificateDer(certificate)).digest()) }),
    new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: certificate.issuer }).toSchema()] }), certificate.serialNumber] }),
  ] });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: [
    attribute(oid.contentType, new asn1js.ObjectIdentifier({ value: oid.tstInfo })),
    attribute(oid.messageDigest, new asn1js.OctetString({ valueHex: arrayBuffer(createHash('sha256').update(content).digest()) })),
    attribute(oid.signingCertificateV2, new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })),
  ] });
  const toSign = Buffer.from(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: arrayBuffer(signBytes('sha256', toSign, identity.privateKey)) }),
  });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.tstInfo, eContent: new asn1js.OctetString({ valueHex: arrayBuffer(content) }) }),
    ...(request.certReq ? { certificates: [certificate] } : {}),
    signerInfos: [signerInfo],
  });
  const token = new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema(true) });
  const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token });
  return Buffer.from(response.toSchema().toBER(false));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTsaSimulator(options: { port?: number; now?: () => Date } = {}): Promise<TsaSimulator> {
  const now = options.now ?? (() => new Date());
  const ca = await createCertificateAuthority({ commonName: 'CA thử nghiệm dấu thời gian OpenDVC', organization: 'OpenDVC (mô phỏng)', country: 'VN' }, now());
  const identity = await issueTimestampingIdentity(ca, { commonName: 'Máy chủ cấp dấu thời gian mô phỏng', organization: 'OpenDVC (mô phỏng)', country: 'VN' }, now());

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
      response.writeHead(415, { 'content-type': 'text/plain; charset=utf-8' }).end('POST an RFC 3161 TimeStampReq as application/timestamp-query.');
      return;
    }
    sim.requests += 1;
    sim.lastAuthorization = request.headers.authorization;
    const body = await readBody(request);
    if (sim.mode === 'httpError') {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('TSA unavailable (simulated).');
      return;
    }
    let reply: Buffer;
    try {
      const parsed = pkijs.TimeStampReq.fromBER(arrayBuffer(body));
      reply = sim.mode === 'rejection' ? statusOnly(2, 'simulated rejection') : grantTimestamp(parsed, identity, now(), sim.mode);
    } catch {
      reply = statusOnly(2, 'badDataFormat');
    }
    response.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': reply.length }).end(reply);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => { if (!response.headersSent) response.writeHead(500).end(); });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const sim: TsaSimulator = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`,
    identity, ca, mode: 'normal', requests: 0, lastAuthorization: undefined,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
  return sim;
}

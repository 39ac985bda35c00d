import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBuffer } from './certificates.ts';
import type { TimestampSource } from './cades-signer.ts';

// RFC 3161 client (issue 5 §1, PAdES B-T): asks a Time-Stamping Authority for a token over the SHA-256 of the
// signature value and checks what comes back — status granted, our nonce, our imprint, a valid CMS signature by the
// certificate the TSA sent (certReq) — before the token goes into the signature. Trust in the TSA's chain is the
// PDF reader's business, as for the agency's own certificate.

const sha256Oid = '2.16.840.1.101.3.4.2.1';
const tstInfoOid = '1.2.840.113549.1.9.16.1.4';

export class TimestampError extends Error {}

export interface TsaSettings {
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  /** Milliseconds before the request is given up. */
  timeoutMs?: number | undefined;
}

/** A DER TimeStampReq for `digest` (SHA-256) with a nonce, asking for the TSA's certificate. */
export function timestampRequest(digest: Buffer, nonce: Buffer): Buffer {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: sha256Oid }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: arrayBuffer(nonce) }),
    certReq: true,
  });
  return Buffer.from(request.toSchema().toBER(false));
}

/** The TSTInfo inside a timestamp token (a CMS ContentInfo with SignedData over id-ct-TSTInfo). */
export function readTstInfo(token: pkijs.ContentInfo): { signedData: pkijs.SignedData; tstInfo: pkijs.TSTInfo } {
  const signedData = new pkijs.SignedData({ schema: token.content });
  if (signedData.encapContentInfo.eContentType !== tstInfoOid || !signedData.encapContentInfo.eContent) throw new TimestampError('the token does not carry a TSTInfo');
  return { signedData, tstInfo: pkijs.TSTInfo.fromBER(signedData.encapContentInfo.eContent.getValue()) };
}

/** Checks a DER TimeStampResp against what was timestamped and the request's nonce; returns the token (DER ContentInfo). */
export async function checkTimestampResponse(der: Buffer, stamped: Buffer, nonce: Buffer): Promise<Buffer> {
  const digest = createHash('sha256').update(stamped).digest();
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(arrayBuffer(der));
  } catch {
    throw new TimestampError('the answer is not a TimeStampResp');
  }
  const status = response.status.status;
  // 0 granted, 1 grantedWithMods (RFC 3161 §2.4.2).
  if (status !== 0 && status !== 1) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new TimestampError(`the TSA refused the request (PKIStatus ${status}${text ? `: ${text}` : ''})`);
  }
  if (!response.timeStampToken) throw new TimestampError('the answer holds no timestamp token');
  const { signedData, tstInfo } = readTstInfo(response.timeStampToken);
  const imprint = tstInfo.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== sha256Oid || !Buffer.from(imprint.hashedMessage.valueBlock.valueHexView).equals(digest)) {
    throw new TimestampError('the token\'s message imprint is not the signature\'s');
  }
  const sentNonce = BigInt(`0x${nonce.toString('hex')}`);
  if (!tstInfo.nonce || tstInfo.nonce.toBigInt() !== sentNonce) throw new TimestampError('the token\'s nonce is not the request\'s');
  // For a TSTInfo, pkijs checks the imprint against `data` as well as the CMS signature.
  const verified = await signedData.verify({ signer: 0, checkChain: false, data: arrayBuffer(stamped) }).catch(() => false);
  if (!verified) throw new TimestampError('the token\'s signature does not verify');
  return Buffer.from(response.timeStampToken.toSchema().toBER(false));
}

/** A `TimestampSource` that asks the TSA at `settings.url` (HTTP POST, application/timestamp-query, RFC 3161 §3.4). */
export function tsaTimestampSource(settings: TsaSettings): TimestampSource {
  return async (signatureValue) => {
    const digest = createHash('sha256').update(signatureValue).digest();
    // A positive 64-bit nonce (top bit cleared, so its INTEGER encoding has no sign byte to disagree about).
    const nonce = randomBytes(8);
    nonce[0] = nonce[0]! & 0x7f | 0x01;
    const headers: Record<string, string> = { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' };
    if (settings.username !== undefined) {
      headers['authorization'] = `Basic ${Buffer.from(`${settings.username}:${settings.password ?? ''}`).toString('base64')}`;
    }
    let answer: Response;
    try {
      answer = await fetch(settings.url, { method: 'POST', headers, body: new Uint8Array(timestampRequest(digest, nonce)), signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000) });
    } catch (error) {
      throw new TimestampError(`the TSA could not be reached (${(error as Error).message})`);
    }
    if (!answer.ok) throw new TimestampError(`the TSA answered HTTP ${answer.status}`);
    return checkTimestampResponse(Buffer.from(await answer.arrayBuffer()), signatureValue, nonce);
  };
}

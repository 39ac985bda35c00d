import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { startTsaSimulator, type TsaSimulator } from '../../../dev/tsa-simulator.ts';
import { createPdf } from '../../../platform/pdf/pdf-document.ts';
import { drawParagraph } from '../../../platform/pdf/body-text.ts';
import { signPdf } from './sign-pdf.ts';
import { createCertificateAuthority, issueSigningIdentity } from './test-ca.ts';
import { TimestampError, tsaTimestampSource } from './tsa-client.ts';

// Issue 5 §1: with a TSA configured a result carries an RFC 3161 signature timestamp (PAdES B-T). The checks below
// read the signed PDF with pkijs alone — the byte ranges, the CMS, the unsigned attribute, the TSTInfo — and share
// nothing with the signing code; pdfsig still verifies the signature. A TSA that fails or answers wrongly fails the
// signing.

const now = new Date('2026-11-10T03:00:00Z');
const pdfsigAvailable = spawnSync('pdfsig', ['-v']).status === 0;
let sim: TsaSimulator;

before(async () => { sim = await startTsaSimulator({ now: () => now }); });
after(async () => { await sim?.close(); });

async function samplePdf(): Promise<Buffer> {
  const pdf = createPdf('A4', { title: 'Giấy xác nhận', author: 'Ủy ban nhân dân phường Hòa Lâm', subject: 'Kết quả', lang: 'vi' });
  drawParagraph(pdf, pdf.frame.top, 'Xác nhận cư trú cho ông Nguyễn Văn An tại phường Hòa Lâm.');
  return pdf.finish('Kết quả mẫu');
}

const identity = async () => issueSigningIdentity(await createCertificateAuthority({ commonName: 'CA thử nghiệm', country: 'VN' }, now), { commonName: 'Ủy ban nhân dân phường Hòa Lâm', country: 'VN' }, now);

/** The signer info of the PDF's (only) signature, read from /ByteRange and /Contents. */
function signerInfoOf(signed: Buffer): pkijs.SignerInfo {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(signed.toString('latin1'));
  assert.ok(match);
  const contents = signed.subarray(Number(match[2]), Number(match[3])).toString('latin1');
  const der = Buffer.from(contents.slice(1, -1), 'hex');
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(der).buffer).content });
  return signedData.signerInfos[0]!;
}

test('a PDF signed with the TSA simulator carries a timestamp token over its signature value (PAdES B-T); pkijs and pdfsig agree', async (t) => {
  const signed = await signPdf(await samplePdf(), await identity(), { reason: 'Ký ban hành', location: 'Hòa Lâm', signingTime: now, timestamp: tsaTimestampSource({ url: sim.url }) });
  const signerInfo = signerInfoOf(signed);
  const attribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14');
  assert.ok(attribute, 'id-aa-signatureTimeStampToken is present');
  const token = new pkijs.ContentInfo({ schema: attribute.values[0] });
  const tokenData = new pkijs.SignedData({ schema: token.content });
  assert.equal(tokenData.encapContentInfo.eContentType, '1.2.840.113549.1.9.16.1.4', 'the token encapsulates a TSTInfo');
  const tstInfo = pkijs.TSTInfo.fromBER((tokenData.encapContentInfo.eContent as asn1js.OctetString).getValue());
  const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  assert.equal(tstInfo.messageImprint.hashAlgorithm.algorithmId, '2.16.840.1.101.3.4.2.1');
  assert.equal(Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex'), createHash('sha256').update(signatureValue).digest('hex'),
    'the imprint is the SHA-256 of the signature value');
  assert.equal(tstInfo.genTime.getTime(), now.getTime());
  assert.ok(tstInfo.nonce, 'the nonce is echoed');
  assert.equal(await tokenData.verify({ signer: 0, checkChain: false, data: new Uint8Array(signatureValue).buffer }), true, 'the token is signed by the TSA certificate it carries');
  const tsaCertificate = tokenData.certificates![0] as pkijs.Certificate;
  const eku = tsaCertificate.extensions?.find((e) => e.extnID === '2.5.29.37');
  assert.ok(eku?.critical, 'extended key usage is critical');
  assert.deepEqual((eku.parsedValue as pkijs.ExtKeyUsage).keyPurposes, ['1.3.6.1.5.5.7.3.8'], 'timeStamping only');

  if (!pdfsigAvailable) {
    t.diagnostic('pdfsig (poppler-utils) is not installed: the pdfsig half of this check was skipped.');
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'opendvc-tsa-'));
  try {
    await writeFile(path.join(dir, 'signed.pdf'), signed);
    const run = spawnSync('pdfsig', [path.join(dir, 'signed.pdf')], { encoding: 'utf8' });
    assert.match(run.stdout, /Signature Validation: Signature is Valid\./, run.stdout + run.stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('basic authentication reaches the TSA when configured', async () => {
  const before = sim.requests;
  await signPdf(await samplePdf(), await identity(), { reason: 'Ký', location: 'Hòa Lâm', signingTime: now, timestamp: tsaTimestampSource({ url: sim.url, username: 'opendvc', password: 'bí mật' }) });
  assert.equal(sim.requests, before + 1);
  assert.equal(sim.lastAuthorization, `Basic ${Buffer.from('opendvc:bí mật').toString('base64')}`);
});

for (const [mode, message] of [
  ['httpError', /HTTP 503/], ['rejection', /refused the request \(PKIStatus 2/], ['wrongNonce', /nonce/], ['wrongImprint', /message imprint/],
] as const) {
  test(`a TSA answering with ${mode} fails the signing: nothing is signed without the timestamp`, async () => {
    sim.mode = mode;
    try {
      await assert.rejects(signPdf(await samplePdf(), await identity(), { reason: 'Ký', location: 'Hòa Lâm', signingTime: now, timestamp: tsaTimestampSource({ url: sim.url }) }),
        (error: unknown) => error instanceof TimestampError && message.test(error.message));
    } finally {
      sim.mode = 'normal';
    }
  });
}

test('an unreachable TSA fails the signing', async () => {
  await assert.rejects(signPdf(await samplePdf(), await identity(), { reason: 'Ký', location: 'Hòa Lâm', signingTime: now, timestamp: tsaTimestampSource({ url: 'http://127.0.0.1:1/tsa' }) }),
    (error: unknown) => error instanceof TimestampError && /could not be reached/.test(error.message));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { createPdf } from '../../../platform/pdf/pdf-document.ts';
import { drawNationalHeader, drawTitle } from '../../../platform/pdf/national-header.ts';
import { drawParagraph } from '../../../platform/pdf/body-text.ts';
import { certificatePem, commonName, describeName } from './certificates.ts';
import { readPkcs12, writePkcs12 } from './pkcs12.ts';
import { signPdf } from './sign-pdf.ts';
import { createCertificateAuthority, issueSigningIdentity } from './test-ca.ts';

// Issue 5 §1: a signed result verifies with an independent verifier — poppler's pdfsig (NSS) and, below, pkijs'
// own CMS verification — and subject names with Vietnamese diacritics survive signing.

const now = new Date('2026-11-10T03:00:00Z');
const caName = { commonName: 'CA thử nghiệm OpenDVC — Hòa Bình Xanh', organization: 'Tỉnh Hòa Bình Xanh', country: 'VN' };
const agencyName = { commonName: 'Ủy ban nhân dân phường Hòa Lâm', organization: 'Tỉnh Hòa Bình Xanh', country: 'VN' };
const pdfsigAvailable = spawnSync('pdfsig', ['-v']).status === 0;

async function samplePdf(): Promise<Buffer> {
  const pdf = createPdf('A4', { title: 'Quyết định', author: 'Ủy ban nhân dân phường Hòa Lâm', subject: 'Kết quả', lang: 'vi' });
  let y = drawNationalHeader(pdf, { agencyLines: ['Ủy ban nhân dân thành phố Hòa Bình Xanh', 'Ủy ban nhân dân phường Hòa Lâm'], numberLine: 'Số: 12/QĐ-UBND' });
  y = drawTitle(pdf, 'Quyết định', y);
  drawParagraph(pdf, y, 'Xác nhận đăng ký thường trú cho ông Nguyễn Văn An tại phường Hòa Lâm.');
  return pdf.finish('Kết quả mẫu');
}

/** pkijs-based check that shares nothing with the signer: the byte ranges, the digest, the CMS signature. */
async function verifyIndependently(signed: Buffer) {
  const text = signed.toString('latin1');
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  assert.ok(match, 'the PDF has a /ByteRange');
  const [a, b, c, d] = match.slice(1).map(Number) as [number, number, number, number];
  assert.equal(a, 0);
  assert.equal(c + d, signed.length, 'the byte ranges cover the file to its end');
  const contents = signed.subarray(b, c).toString('latin1');
  assert.match(contents, /^<[0-9a-fA-F]+>$/);
  const der = Buffer.from(contents.slice(1, -1), 'hex');
  const signedContent = Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]);
  const info = pkijs.ContentInfo.fromBER(new Uint8Array(der).buffer.slice(0, der.length));
  const signedData = new pkijs.SignedData({ schema: info.content });
  // pkijs throws on a digest mismatch; either way the answer is "not verified".
  const result = await signedData.verify({ signer: 0, data: new Uint8Array(signedContent).buffer, checkChain: false, extendedMode: true })
    .catch((error: { signerCertificate?: pkijs.Certificate }) => ({ signatureVerified: false, signerCertificate: error.signerCertificate }));
  const attributes = signedData.signerInfos[0]!.signedAttrs!.attributes.map((attr) => attr.type);
  return { verified: result.signatureVerified, signer: result.signerCertificate, attributes, certificates: signedData.certificates ?? [], subFilter: /\/SubFilter\s*\/([\w.]+)/.exec(text)?.[1] };
}

function pdfsig(file: string): { status: number | null; output: string } {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

for (const kind of ['ecdsa-p256', 'rsa-2048'] as const) {
  test(`a PDF signed with a ${kind} key and a Vietnamese subject verifies with pkijs and pdfsig (issue 5 §1, PAdES B-B)`, async (t) => {
    const ca = await createCertificateAuthority(caName, now, kind);
    const identity = await issueSigningIdentity(ca, agencyName, now, kind);
    const signed = await signPdf(await samplePdf(), identity, { reason: 'Ký ban hành kết quả', location: 'Hòa Lâm', signingTime: now });

    const check = await verifyIndependently(signed);
    assert.equal(check.verified, true);
    assert.equal(check.subFilter, 'ETSI.CAdES.detached');
    assert.equal(commonName((check.signer as pkijs.Certificate).subject), 'Ủy ban nhân dân phường Hòa Lâm');
    assert.equal(describeName((check.signer as pkijs.Certificate).issuer), 'CN=CA thử nghiệm OpenDVC — Hòa Bình Xanh, O=Tỉnh Hòa Bình Xanh, C=VN');
    assert.ok(check.attributes.includes('1.2.840.113549.1.9.16.2.47'), 'signing-certificate-v2');
    assert.ok(check.attributes.includes('1.2.840.113549.1.9.4'), 'message-digest');
    assert.ok(!check.attributes.includes('1.2.840.113549.1.9.5'), 'no signing-time inside the CMS (PAdES)');
    assert.equal(check.certificates.length, 2, 'the chain travels with the signature');
    assert.match(signed.toString('latin1'), /\/M \(D:20261110/);

    if (!pdfsigAvailable) {
      t.diagnostic('pdfsig (poppler-utils) is not installed: the pdfsig half of this check was skipped.');
      return;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'opendvc-sign-'));
    try {
      await writeFile(path.join(dir, 'signed.pdf'), signed);
      const ok = pdfsig(path.join(dir, 'signed.pdf'));
      assert.match(ok.output, /Signature Validation: Signature is Valid\./, ok.output);
      assert.match(ok.output, /Signer Certificate Common Name: Ủy ban nhân dân phường Hòa Lâm/, ok.output);
      assert.match(ok.output, /Signature Type: ETSI\.CAdES\.detached/, ok.output);

      // One changed byte inside the signed range breaks it, for both verifiers.
      const tampered = Buffer.from(signed);
      const at = 200;
      tampered[at] = tampered[at]! ^ 0x01;
      await writeFile(path.join(dir, 'tampered.pdf'), tampered);
      assert.doesNotMatch(pdfsig(path.join(dir, 'tampered.pdf')).output, /Signature is Valid/);
      assert.equal((await verifyIndependently(tampered)).verified, false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

test('PKCS#12 written here opens again, and a wrong passphrase is refused', async () => {
  const ca = await createCertificateAuthority(caName, now);
  const identity = await issueSigningIdentity(ca, agencyName, now);
  const p12 = await writePkcs12(identity, 'mật khẩu thử', 'Phường Hòa Lâm');
  const back = await readPkcs12(p12, 'mật khẩu thử');
  assert.equal(commonName(back.certificate.subject), 'Ủy ban nhân dân phường Hòa Lâm');
  assert.equal(back.chain.length, 1);
  assert.equal(commonName(back.chain[0]!.subject), caName.commonName);
  await assert.rejects(readPkcs12(p12, 'sai'), /passphrase/);
});

const opensslAvailable = spawnSync('openssl', ['version']).status === 0;

test('a PKCS#12 exported by OpenSSL opens and signs; OpenSSL reads ours (interoperability)', { skip: opensslAvailable ? false : 'openssl is not installed' }, async () => {
  const ca = await createCertificateAuthority(caName, now);
  const identity = await issueSigningIdentity(ca, agencyName, now);
  const dir = await mkdtemp(path.join(tmpdir(), 'opendvc-p12-'));
  try {
    await writeFile(path.join(dir, 'key.pem'), identity.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    await writeFile(path.join(dir, 'cert.pem'), certificatePem(identity.certificate));
    await writeFile(path.join(dir, 'ca.pem'), certificatePem(ca.certificate));
    const exported = spawnSync('openssl', ['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-certfile', 'ca.pem', '-passout', 'pass:bí mật', '-out', 'agency.p12'], { cwd: dir, encoding: 'utf8' });
    assert.equal(exported.status, 0, exported.stderr);
    const opened = await readPkcs12(await readFile(path.join(dir, 'agency.p12')), 'bí mật');
    assert.equal(commonName(opened.certificate.subject), 'Ủy ban nhân dân phường Hòa Lâm');
    assert.equal((await verifyIndependently(await signPdf(await samplePdf(), opened, { reason: 'Thử', location: 'Hòa Lâm', signingTime: now }))).verified, true);

    await writeFile(path.join(dir, 'ours.p12'), await writePkcs12(identity, 'bí mật'));
    const read = spawnSync('openssl', ['pkcs12', '-in', 'ours.p12', '-passin', 'pass:bí mật', '-nokeys'], { cwd: dir, encoding: 'utf8' });
    assert.equal(read.status, 0, read.stderr);
    assert.match(read.stdout, /BEGIN CERTIFICATE/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});


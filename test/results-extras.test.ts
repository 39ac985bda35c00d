import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Browser } from 'playwright-core';
import { startTsaSimulator, type TsaSimulator } from '../src/dev/tsa-simulator.ts';
import { createPdf } from '../src/platform/pdf/pdf-document.ts';
import { drawParagraph } from '../src/platform/pdf/body-text.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { signInOfficer, type HttpClient } from './support/http-client.ts';
import { collapsedText, dossierOf as dossierOfServer, pdfsigAvailable, resultsOf as resultsOfServer } from './support/results.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Issue 5 §1 (P-16, P-17), the parts added to signed results: an RFC 3161 timestamp from the configured TSA (a TSA
// failure fails the signing), results uploaded as PDF files and signed as they are, the result on the officer
// dossier pages, and result numbers that two simultaneous signings cannot share.

let server: TestServer;
let tsa: TsaSimulator;
let leader: HttpClient;
let dir: string;

const dossierOf = (procedureCode: string) => dossierOfServer(server, procedureCode);
const resultsOf = (dossierId: string) => resultsOfServer(server, dossierId);
const text = collapsedText;
const decision = 'Xác nhận thông tin cư trú của ông Nguyễn Văn An.';

async function download(dossierId: string, resultId: string): Promise<Buffer> {
  return Buffer.from(await (await leader.get(`/ket-qua/ho-so/${dossierId}/ban-ky?r=${resultId}`)).arrayBuffer());
}

async function pdfsig(pdf: Buffer, name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, pdf);
  return spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
}

/** The signer info of a signed PDF, read with pkijs from its /ByteRange and /Contents (nothing of the signing code). */
function signerInfoOf(signed: Buffer): pkijs.SignerInfo {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(signed.toString('latin1'));
  assert.ok(match, 'signed');
  const der = Buffer.from(signed.subarray(Number(match[2]) + 1, Number(match[3]) - 1).toString('latin1'), 'hex');
  return new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(der).buffer).content }).signerInfos[0]!;
}

before(async () => {
  tsa = await startTsaSimulator();
  server = await startTestServer({ TSA_URL: tsa.url });
  leader = await signInOfficer(server, 'ngoc.pt@demo.hoabinhxanh.vn');
  dir = await mkdtemp(path.join(tmpdir(), 'opendvc-results-extras-'));
});
after(async () => {
  await server?.close();
  await tsa?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('RFC 3161 timestamps on signed results (issue 5 §1)', () => {
  it('with TSA_URL set, a signed result carries the TSA\'s token over its signature value, and pdfsig verifies it', async (t) => {
    const { id } = await dossierOf('1.001193');
    const before = tsa.requests;
    const signed = await leader.post(`/ket-qua/ho-so/${id}`, { title: 'Giấy xác nhận', decision }, `/ket-qua/ho-so/${id}`);
    assert.equal(signed.status, 303, await signed.text());
    assert.equal(tsa.requests, before + 1, 'the TSA was asked once');
    const [result] = await resultsOf(id);
    const pdf = await download(id, result!.id);
    const signerInfo = signerInfoOf(pdf);
    const attribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14');
    assert.ok(attribute, 'a signature timestamp token');
    const token = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: attribute.values[0] }).content });
    const tstInfo = pkijs.TSTInfo.fromBER((token.encapContentInfo.eContent as asn1js.OctetString).getValue());
    const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    assert.equal(Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex'), createHash('sha256').update(signatureValue).digest('hex'));
    assert.equal(Buffer.from((token.certificates![0] as pkijs.Certificate).serialNumber.valueBlock.valueHexView).toString('hex'),
      Buffer.from(tsa.identity.certificate.serialNumber.valueBlock.valueHexView).toString('hex'), 'signed by the simulator\'s TSA certificate');
    if (!pdfsigAvailable) {
      t.diagnostic('pdfsig (poppler-utils) is not installed: the pdfsig check was skipped.');
      return;
    }
    assert.match(await pdfsig(pdf, 'timestamped.pdf'), /Signature Validation: Signature is Valid\./);
  });

  it('a TSA failure fails the signing with a clear message: no result, no action, no file', async () => {
    const { id } = await dossierOf('1.004222');
    const actionsBefore = await server.database.db.selectFrom('dossier_action').select((eb) => eb.fn.countAll<string>().as('n')).where('dossier_id', '=', id).executeTakeFirstOrThrow();
    const filesBefore = await server.database.db.selectFrom('stored_file').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    tsa.mode = 'httpError';
    try {
      const refused = await leader.post(`/ket-qua/ho-so/${id}`, { title: 'Giấy xác nhận thường trú', decision }, `/ket-qua/ho-so/${id}`);
      assert.equal(refused.status, 502);
      const page = await text(refused);
      assert.match(page, /Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian \(TSA\)/);
      assert.match(page, /kết quả CHƯA được ký/);
      assert.match(page, /HTTP 503/);
    } finally {
      tsa.mode = 'normal';
    }
    assert.equal((await resultsOf(id)).length, 0);
    const actionsAfter = await server.database.db.selectFrom('dossier_action').select((eb) => eb.fn.countAll<string>().as('n')).where('dossier_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(Number(actionsAfter.n), Number(actionsBefore.n));
    const filesAfter = await server.database.db.selectFrom('stored_file').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(filesAfter.n), Number(filesBefore.n));
  });
});

describe('result numbers (issue 5 §1)', () => {
  it('two signings of one agency at the same instant both succeed, with different numbers', async () => {
    const { id } = await dossierOf('1.004222');
    const sign = () => leader.post(`/ket-qua/ho-so/${id}`, { title: 'Giấy xác nhận thường trú', decision }, `/ket-qua/ho-so/${id}`);
    const [a, b] = await Promise.all([sign(), sign()]);
    assert.equal(a.status, 303, await a.text());
    assert.equal(b.status, 303, await b.text());
    const numbers = (await resultsOf(id)).map((r) => r.number);
    assert.equal(numbers.length, 2);
    assert.notEqual(numbers[0], numbers[1]);
    const all = await server.database.db.selectFrom('result_document').select('number').execute();
    assert.equal(new Set(all.map((r) => r.number)).size, all.length, 'every number of the agency is unique');
  });
});

describe('uploaded-file results (issue 5 §1, P-16)', () => {
  let original: Buffer;
  let dossierId: string;

  before(async () => {
    const pdf = createPdf('A4', { title: 'Thông báo', author: 'Công an phường Hòa Lâm', subject: 'Kết quả', lang: 'vi' });
    drawParagraph(pdf, pdf.frame.top, 'Thông báo về kết quả giải quyết thủ tục tách hộ cho ông Nguyễn Văn An.');
    original = await pdf.finish('Thông báo kết quả');
    dossierId = (await dossierOf('1.003197')).id;
  });

  const form = (file: Buffer, name: string, title = 'Thông báo kết quả tách hộ') => {
    const data = new FormData();
    data.append('title', title);
    data.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), name);
    return data;
  };

  it('the leader\'s page offers an upload for a procedure whose result is an uploaded file; a non-PDF is refused', async () => {
    const page = await text(await leader.get(`/ket-qua/ho-so/${dossierId}`));
    assert.match(page, /action="\/ket-qua\/ho-so\/[0-9a-f-]+\/tai-len\?_csrf=/);
    assert.match(page, /enctype="multipart\/form-data"/);
    assert.doesNotMatch(page, /name="decision"/, 'no template form: the procedure declares an uploaded result only');
    const refused = await leader.postMultipart(`/ket-qua/ho-so/${dossierId}/tai-len`, form(Buffer.from('PK\x03\x04 not a pdf at all, a zip'), 'ket-qua.pdf'), `/ket-qua/ho-so/${dossierId}`);
    assert.equal(refused.status, 400);
    assert.match(await text(refused), /PDF/);
    assert.equal((await resultsOf(dossierId)).length, 0);
    // A file that starts like a PDF but that the signer cannot extend: refused with how to fix it, nothing recorded.
    const broken = await leader.postMultipart(`/ket-qua/ho-so/${dossierId}/tai-len`, form(Buffer.from('%PDF-1.5\n1 0 obj << >> endobj\n'), 'hong.pdf'), `/ket-qua/ho-so/${dossierId}`);
    assert.equal(broken.status, 422);
    assert.match(await text(broken), /Không ký được tệp PDF này.*PDF\/A-1b/);
    assert.equal((await resultsOf(dossierId)).length, 0);
  });

  it('an uploaded PDF is signed as it is (PAdES, timestamped), recorded and verifiable, with number and QR code on the verification page', async (t) => {
    const response = await leader.postMultipart(`/ket-qua/ho-so/${dossierId}/tai-len`, form(original, 'thong-bao.pdf'), `/ket-qua/ho-so/${dossierId}`);
    assert.equal(response.status, 303, await response.text());
    const [result] = await resultsOf(dossierId);
    assert.ok(result);
    assert.equal(result.source, 'upload');
    assert.equal(result.title, 'Thông báo kết quả tách hộ');
    const signed = await download(dossierId, result.id);
    assert.ok(signed.subarray(0, original.length).equals(original), 'the uploaded bytes are kept; the signature is an incremental update');
    assert.ok(signed.length > original.length);
    assert.equal(createHash('sha256').update(signed).digest('hex'), result.sha256);
    assert.ok(signerInfoOf(signed).unsignedAttrs?.attributes.some((a) => a.type === '1.2.840.113549.1.9.16.2.14'), 'timestamped as well');
    const action = await server.database.db.selectFrom('dossier_action').select(['kind', 'payload']).where('dossier_id', '=', dossierId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(action.kind, 'resultSigned');
    assert.equal((action.payload as { source?: string }).source, 'upload');

    const verification = await text(await fetch(`${server.url}/xac-minh/${result.id}`));
    assert.ok(verification.includes(result.number));
    assert.match(verification, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Mã QR xác minh — [^"]+"/);
    assert.match(verification, /mã QR không được in trong tệp/);

    if (!pdfsigAvailable) {
      t.diagnostic('pdfsig (poppler-utils) is not installed: the pdfsig check was skipped.');
      return;
    }
    const out = await pdfsig(signed, 'uploaded.pdf');
    assert.match(out, /Signature Validation: Signature is Valid\./, out);
    assert.match(out, /Total document signed/);
  });

  it('a template result shows no QR image on its page (its QR is printed in the file)', async () => {
    const [result] = await resultsOf((await dossierOf('1.001193')).id);
    assert.doesNotMatch(await text(await fetch(`${server.url}/xac-minh/${result!.id}`)), /data:image\/png/);
  });
});

describe('the result on the officer dossier pages (issue 5 §1)', () => {
  it('the processing page shows the results and links the leader to the result page', async () => {
    const { id } = await dossierOf('1.004222');
    const page = await text(await leader.get(`/xu-ly/ho-so/${id}`));
    assert.ok(page.includes(`href="/ket-qua/ho-so/${id}"`), 'the leader\'s way to the result page');
    for (const r of await resultsOf(id)) {
      assert.ok(page.includes(r.number));
      assert.ok(page.includes(`href="/xac-minh/${r.id}"`));
    }
  });

  it('the desk sees the issued result with its status and verification link, without the leader\'s link', async () => {
    const { id } = await dossierOf('1.001193');
    const [result] = await resultsOf(id);
    const desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
    const page = await text(await desk.get(`/mot-cua/ho-so/${id}`));
    assert.ok(page.includes(result!.number));
    assert.match(page, /Còn hiệu lực/);
    assert.ok(page.includes(`href="/xac-minh/${result!.id}"`));
    assert.ok(!page.includes(`href="/ket-qua/ho-so/${id}"`), 'the desk does not sign');
  });
});

describe('accessibility of the new result views (WCAG 2.1 AA)', () => {
  let browser: Browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  it('the leader\'s page with the upload form and the verification page with its QR code have no axe violations', async () => {
    const dossierId = (await dossierOf('1.003197')).id;
    const [result] = await resultsOf(dossierId);
    assert.deepEqual(await axeViolations(browser, `${server.url}/xac-minh/${result!.id}`), []);
    const cookies = leader.cookie().split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    });
    assert.deepEqual(await axeViolations(browser, `${server.url}/ket-qua/ho-so/${dossierId}`, { storageState: { cookies, origins: [] } }), []);
  });
});

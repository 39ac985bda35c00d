import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { parse as parseDisposition } from 'content-disposition';
import { insertAccount } from '../../modules/identity/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { exeBytes, pdfBytes, pngBytes } from '../../../test/support/sample-files.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { createLocalFileStore } from './local-file-store.ts';
import type { FileStore } from './file-store.ts';
import { registerMultipart, storeMultipartFile } from './multipart.ts';
import { openStoredFile } from './open-stored-file.ts';
import { documentUploadPolicy } from './upload-policy.ts';

// A tiny app standing in for the upload pages another part builds on this API: it only wires HTTP to the use cases.
let database: TestDatabase;
let root: string;
let store: FileStore;
let app: FastifyInstance;
let url: string;
const maxFileBytes = 1024 * 1024;

before(async () => {
  database = await createTestDatabase({ seed: false });
  root = await mkdtemp(path.join(tmpdir(), 'opendvc-multipart-'));
  store = createLocalFileStore(root);
  const accountId = await insertAccount(database.db, { kind: 'citizen', displayName: 'Nguyễn Văn An' });
  const actor: Actor = { kind: 'person', accountId, accountKind: 'citizen', name: 'Nguyễn Văn An' };
  app = Fastify();
  await registerMultipart(app, { maxFileBytes, maxFiles: 2 });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send({ code: error.code, errors: error.fieldErrors });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.status(status).send({ code: (error as { code?: string }).code ?? 'internal' });
  });
  app.post('/upload', async (request) => {
    const part = await request.file();
    if (!part) throw new AppError('validationFailed');
    const policy = request.query && (request.query as Record<string, string>)['small'] ? { ...documentUploadPolicy, maxBytes: 1000 } : documentUploadPolicy;
    const file = await storeMultipartFile({ db: database.db, actor, now: new Date(), store, lang: 'vi' }, part, { policy, field: `/${part.fieldname}` });
    return { id: file.id, mediaType: file.mediaType, displayName: file.displayName };
  });
  app.get<{ Params: { id: string } }>('/files/:id', async (request, reply) => {
    const opened = await openStoredFile({ db: database.db, store }, request.params.id);
    return reply.headers(opened.headers).send(opened.stream);
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await app?.close();
  await database?.close();
  await rm(root, { recursive: true, force: true });
});

function form(bytes: Buffer, fileName: string, declaredType = 'application/pdf'): FormData {
  const body = new FormData();
  body.append('giayKhaiSinh', new Blob([new Uint8Array(bytes)], { type: declaredType }), fileName);
  return body;
}

async function objectCount(): Promise<number> {
  let n = 0;
  for await (const _ of store.list()) n += 1;
  return n;
}

describe('multipart uploads over HTTP', () => {
  it('stores a file and serves it back with its sniffed type and a Vietnamese download name', async () => {
    const bytes = pdfBytes('qua HTTP');
    const response = await fetch(`${url}/upload`, { method: 'POST', body: form(bytes, 'Giấy khai sinh của bé.pdf') });
    assert.equal(response.status, 200);
    const stored = await response.json() as { id: string; mediaType: string; displayName: string };
    assert.equal(stored.displayName, 'Giấy khai sinh của bé.pdf');
    const download = await fetch(`${url}/files/${stored.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(parseDisposition(download.headers.get('content-disposition')!).parameters['filename'], 'Giấy khai sinh của bé.pdf');
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes);
  });

  it('ignores the declared type: an executable sent as application/pdf is refused with a field error', async () => {
    const response = await fetch(`${url}/upload`, { method: 'POST', body: form(exeBytes, 'hoa-don.pdf') });
    assert.equal(response.status, 415);
    assert.deepEqual(await response.json(), { code: 'fileTypeNotAllowed', errors: [{ path: '/giayKhaiSinh', message: 'Nội dung tệp không thuộc định dạng được chấp nhận. Chỉ nhận: PDF, JPG, PNG.' }] });
    const png = await fetch(`${url}/upload`, { method: 'POST', body: form(pngBytes, 'anh.pdf', 'application/pdf') });
    assert.equal((await png.json() as { mediaType: string }).mediaType, 'image/png');
  });

  for (const [label, query, size] of [['its field\'s limit', '?small=1', 5000], ['the request-wide limit', '', maxFileBytes * 3]] as const) {
    it(`answers 413 for a file over ${label} and keeps nothing of it`, async () => {
      const before = await objectCount();
      const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(size, 0x20)]);
      const response = await fetch(`${url}/upload${query}`, { method: 'POST', body: form(bytes, 'ban-quet.pdf') });
      assert.equal(response.status, 413);
      assert.equal((await response.json() as { code: string }).code, 'fileTooLarge');
      assert.equal(await objectCount(), before);
      assert.deepEqual(await readdir(path.join(root, '.incoming')), []);
    });
  }

  it('answers 404 for an unknown file', async () => {
    const response = await fetch(`${url}/files/3b2f6a8e-1c1d-4c1e-9a51-0d6a2b7c9e10`);
    assert.equal(response.status, 404);
  });
});

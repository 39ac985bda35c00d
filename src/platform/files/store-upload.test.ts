import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { parse as parseDisposition } from 'content-disposition';
import { insertAccount } from '../../modules/identity/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { docxBytes, endlessPdf, exeBytes, jpegBytes, pdfBytes, pngBytes, streamOf } from '../../../test/support/sample-files.ts';
import { startTestS3Server, type TestS3Server } from '../../../test/support/s3-server.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { createFileStore } from './create-file-store.ts';
import { discardStoredFile } from './discard-stored-file.ts';
import { newStorageKey, type FileStore } from './file-store.ts';
import { createLocalFileStore } from './local-file-store.ts';
import { openStoredFile } from './open-stored-file.ts';
import { reuseStoredFile } from './reuse-stored-file.ts';
import { storeUpload, type StoreUploadInput } from './store-upload.ts';
import { sweepOrphanFiles } from './sweep-orphan-files.ts';
import { documentUploadPolicy, officeUploadPolicy } from './upload-policy.ts';

let database: TestDatabase;
let root: string;
let store: FileStore;
let an: Actor;
let binh: Actor;
const now = new Date('2026-11-02T08:00:00+07:00');

before(async () => {
  database = await createTestDatabase({ seed: false });
  root = await mkdtemp(path.join(tmpdir(), 'opendvc-upload-'));
  store = createLocalFileStore(root);
  const anId = await insertAccount(database.db, { kind: 'citizen', displayName: 'Nguyễn Văn An' });
  const binhId = await insertAccount(database.db, { kind: 'citizen', displayName: 'Trần Thị Bình' });
  an = { kind: 'person', accountId: anId, accountKind: 'citizen', name: 'Nguyễn Văn An' };
  binh = { kind: 'person', accountId: binhId, accountKind: 'citizen', name: 'Trần Thị Bình' };
});
after(async () => {
  await database?.close();
  await rm(root, { recursive: true, force: true });
});

const upload = (actor: Actor, input: Partial<StoreUploadInput> & { bytes?: Buffer }, target: FileStore = store) => storeUpload(
  { db: database.db, actor, now, store: target, lang: 'vi' },
  { policy: documentUploadPolicy, fileName: 'giay-to.pdf', stream: streamOf(input.bytes ?? pdfBytes()), ...input },
);

async function objectKeys(target: FileStore = store): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of target.list()) keys.push(object.key);
  return keys;
}

async function rowCount(): Promise<number> {
  const { count } = await database.db.selectFrom('stored_file').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  assert.fail('the upload was accepted');
}

describe('storeUpload (P-04, S-d)', () => {
  it('stores a PDF with its hash, size, sniffed type and the uploader, and reads it back whole', async () => {
    const bytes = pdfBytes('Giấy khai sinh');
    const file = await upload(an, { bytes, fileName: 'Giấy khai sinh.pdf', digitised: true });
    assert.equal(file.mediaType, 'application/pdf');
    assert.equal(file.sizeBytes, bytes.length);
    assert.equal(file.sha256, (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
    assert.equal(file.displayName, 'Giấy khai sinh.pdf');
    assert.equal(file.uploadedBy, an.kind === 'person' ? an.accountId : '');
    assert.equal(file.digitised, true);
    assert.equal(file.fromNationalStore, false);
    const opened = await openStoredFile({ db: database.db, store }, file.id);
    assert.deepEqual(await buffer(opened.stream), bytes);
    assert.equal(opened.headers['content-type'], 'application/pdf');
    assert.equal(opened.headers['content-length'], String(bytes.length));
  });

  it('offers Vietnamese names in Content-Disposition (RFC 6266 filename*) with an ASCII fallback', async () => {
    const file = await upload(an, { bytes: pngBytes, fileName: 'Ảnh CCCD mặt trước "bản gốc".png', policy: documentUploadPolicy });
    const { headers, stream } = await openStoredFile({ db: database.db, store }, file.id, { disposition: 'inline' });
    stream.destroy();
    const header = headers['content-disposition']!;
    assert.match(header, /^inline; filename="Anh CCCD mat truoc _ban goc_.png"; filename\*=UTF-8''/);
    assert.equal(parseDisposition(header).parameters['filename'], 'Ảnh CCCD mặt trước _bản gốc_.png');
    assert.equal(headers['x-content-type-options'], 'nosniff');
  });

  it('trusts the content, not the name: a ".pdf" that is a PNG is stored as PNG, or refused where PNG is not allowed', async () => {
    const file = await upload(an, { bytes: pngBytes, fileName: 'to-khai.pdf' });
    assert.equal(file.mediaType, 'image/png');
    assert.equal(file.displayName, 'to-khai.png');
    const pdfOnly = { kinds: ['pdf'] as const, maxBytes: 1024 * 1024 };
    const before = (await objectKeys()).length;
    const error = await refusal(upload(an, { bytes: Buffer.concat([pngBytes, Buffer.from('x')]), fileName: 'to-khai.pdf', policy: pdfOnly }));
    assert.equal(error.code, 'fileTypeNotAllowed');
    assert.deepEqual(error.fieldErrors, [{ path: '/file', message: 'Nội dung tệp không thuộc định dạng được chấp nhận. Chỉ nhận: PDF.' }]);
    assert.equal((await objectKeys()).length, before, 'the refused object was deleted');
  });

  it('refuses an executable renamed .pdf, and text, whatever the client claims', async () => {
    const rows = await rowCount();
    const objects = (await objectKeys()).length;
    for (const [bytes, fileName] of [[exeBytes, 'hoa-don.pdf'], [Buffer.from('<script>alert(1)</script>'), 'anh.jpg']] as const) {
      const error = await refusal(upload(an, { bytes, fileName }));
      assert.equal(error.code, 'fileTypeNotAllowed', fileName);
      assert.equal(error.status, 415);
    }
    assert.equal(await rowCount(), rows);
    assert.equal((await objectKeys()).length, objects);
  });

  it('accepts DOCX only where the policy allows office files', async () => {
    const file = await upload(an, { bytes: docxBytes(), fileName: 'danh-sach.docx', policy: officeUploadPolicy });
    assert.equal(file.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal((await refusal(upload(an, { bytes: docxBytes(), fileName: 'danh-sach.docx' }))).code, 'fileTypeNotAllowed');
  });

  it('refuses an empty file', async () => {
    const error = await refusal(upload(an, { bytes: Buffer.alloc(0), field: '/components/0/file' }));
    assert.equal(error.code, 'fileEmpty');
    assert.equal(error.fieldErrors[0]?.path, '/components/0/file');
  });

  it('cuts an oversize upload off while it streams and keeps nothing of it', async () => {
    const rows = await rowCount();
    const objects = (await objectKeys()).length;
    const { stream, pulled } = endlessPdf();
    const error = await refusal(upload(an, { stream, fileName: 'ban-quet.pdf', policy: { kinds: ['pdf'], maxBytes: 1024 * 1024 } }));
    assert.equal(error.code, 'fileTooLarge');
    assert.equal(error.status, 413);
    assert.equal(error.fieldErrors[0]?.message, 'Tệp vượt quá dung lượng tối đa 1 MB. Vui lòng chọn tệp nhỏ hơn (ví dụ quét với độ phân giải thấp hơn).');
    assert.ok(pulled() < 2 * 1024 * 1024, `stopped reading at ${pulled()} bytes`);
    assert.equal(await rowCount(), rows);
    assert.equal((await objectKeys()).length, objects);
    assert.deepEqual(await readdir(path.join(root, '.incoming')), []);
  });

  it('makes path tricks, NUL bytes and RTL overrides in names harmless display text', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd.pdf'],
      ['C:\\Users\\An\\..\\Giấy tờ\\hộ chiếu.PDF', 'hộ chiếu.pdf'],
      ['bao-cao\0.exe.pdf', 'bao-cao.exe.pdf'],
      ['hoa-don\u202Efdp.exe', 'hoa-donfdp.pdf'],
      ['...', 'tep-dinh-kem.pdf'],
      ['.htaccess', 'htaccess.pdf'],
    ];
    for (const [fileName, expected] of cases) {
      const file = await upload(an, { fileName, bytes: pdfBytes(fileName) });
      assert.equal(file.displayName, expected, JSON.stringify(fileName));
    }
    for (const key of await objectKeys()) assert.match(key, /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
  });

  it('keeps decomposed Vietnamese names readable as NFC', async () => {
    const file = await upload(an, { fileName: 'Đơn đề nghị cấp lại.pdf'.normalize('NFD'), bytes: pdfBytes('nfd') });
    assert.equal(file.displayName, 'Đơn đề nghị cấp lại.pdf');
  });

  it('maps the same content from the same person to one object; another person gets their own', async () => {
    const bytes = pdfBytes('so ho khau');
    const first = await upload(an, { bytes, fileName: 'so-ho-khau.pdf' });
    const objects = (await objectKeys()).length;
    const again = await upload(an, { bytes, fileName: 'ban-sao.pdf' });
    assert.notEqual(again.id, first.id);
    assert.equal(again.displayName, 'ban-sao.pdf');
    assert.equal((await objectKeys()).length, objects, 'the duplicate object was dropped');
    const keys = await database.db.selectFrom('stored_file').select(['id', 'storage_key']).where('id', 'in', [first.id, again.id]).execute();
    assert.equal(new Set(keys.map((k) => k.storage_key)).size, 1);
    const other = await upload(binh, { bytes, fileName: 'so-ho-khau.pdf' });
    const otherKey = await database.db.selectFrom('stored_file').select('storage_key').where('id', '=', other.id).executeTakeFirstOrThrow();
    assert.notEqual(otherKey.storage_key, keys[0]!.storage_key);
  });

  it('records reuse linked to its source on the same object (DuocTaiSuDung)', async () => {
    const source = await upload(an, { bytes: pdfBytes('ket qua'), fileName: 'giay-phep.pdf' });
    const reused = await reuseStoredFile({ db: database.db, actor: an, now }, source.id, 'result');
    assert.equal(reused.reuseSource, 'result');
    assert.equal(reused.reusedFromFileId, source.id);
    assert.equal(reused.sha256, source.sha256);
    assert.deepEqual(await buffer((await openStoredFile({ db: database.db, store }, reused.id)).stream), pdfBytes('ket qua'));
  });

  it('needs a signed-in uploader', async () => {
    assert.equal((await refusal(upload({ kind: 'anonymous' }, {}))).code, 'unauthenticated');
    assert.equal((await refusal(reuseStoredFile({ db: database.db, actor: { kind: 'anonymous' }, now }, '00000000-0000-0000-0000-000000000000', 'dossier'))).code, 'unauthenticated');
  });

  it('answers fileNotFound for an unknown or malformed id', async () => {
    assert.equal((await refusal(openStoredFile({ db: database.db, store }, '00000000-0000-0000-0000-000000000000'))).code, 'fileNotFound');
    assert.equal((await refusal(openStoredFile({ db: database.db, store }, '../../etc/passwd'))).code, 'fileNotFound');
  });
});

describe('crash safety', () => {
  it('never leaves a row without its object: a failed write stores nothing, and rows only follow whole objects', async () => {
    const rows = await rowCount();
    const broken: FileStore = { ...store, put: async () => { throw new Error('disk full'); } };
    await assert.rejects(upload(an, { bytes: pdfBytes('x') }, broken), /disk full/);
    assert.equal(await rowCount(), rows);
    for (const row of await database.db.selectFrom('stored_file').select('storage_key').execute()) {
      assert.equal(await store.exists(row.storage_key), true, row.storage_key);
    }
  });

  it('sweeps objects without rows once they are a day old, and keeps referenced and recent ones', async () => {
    // A process killed after writing its object but before its row: here, a caller's transaction rolled back.
    let orphanId = '';
    await assert.rejects(database.db.transaction().execute(async (trx) => {
      orphanId = (await storeUpload({ db: trx, actor: an, now, store, lang: 'vi' }, { policy: documentUploadPolicy, fileName: 'a.pdf', stream: streamOf(pdfBytes('orphan')) })).id;
      throw new Error('killed');
    }), /killed/);
    assert.ok(orphanId);
    assert.equal(await database.db.selectFrom('stored_file').select('id').where('id', '=', orphanId).executeTakeFirst(), undefined);
    const referenced = await upload(an, { bytes: pdfBytes('kept') });
    const referencedKey = (await database.db.selectFrom('stored_file').select('storage_key').where('id', '=', referenced.id).executeTakeFirstOrThrow()).storage_key;
    const rowKeys = new Set((await database.db.selectFrom('stored_file').select('storage_key').execute()).map((r) => r.storage_key));
    const orphans = (await objectKeys()).filter((key) => !rowKeys.has(key));
    assert.equal(orphans.length, 1, 'the rolled-back upload left exactly one object');
    const fresh = newStorageKey();
    await store.put(fresh, streamOf(pdfBytes('just written')));
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    for (const key of [...orphans, referencedKey]) await utimes(path.join(root, ...key.split('/')), twoDaysAgo, twoDaysAgo);

    const result = await sweepOrphanFiles({ db: database.db, store, now: new Date() });
    assert.equal(result.removed, 1);
    assert.equal(await store.exists(orphans[0]!), false);
    assert.equal(await store.exists(referencedKey), true);
    assert.equal(await store.exists(fresh), true, 'a recent object may be an upload about to be recorded');
  });

  it('removes a discarded file\'s object only when no other row shares it', async () => {
    const bytes = pdfBytes('shared');
    const first = await upload(an, { bytes });
    const second = await upload(an, { bytes });
    const key = (await database.db.selectFrom('stored_file').select('storage_key').where('id', '=', first.id).executeTakeFirstOrThrow()).storage_key;
    const later = new Date(Date.now() + 48 * 3600_000);
    assert.equal(await discardStoredFile(database.db, first.id), true);
    await sweepOrphanFiles({ db: database.db, store, now: later });
    assert.equal(await store.exists(key), true, 'still used by the second upload');
    await discardStoredFile(database.db, second.id);
    await sweepOrphanFiles({ db: database.db, store, now: later });
    assert.equal(await store.exists(key), false);
  });
});

describe('on S3-compatible storage', () => {
  let s3: TestS3Server;
  let s3Store: FileStore;
  before(async () => {
    s3 = await startTestS3Server();
    s3Store = createFileStore({ FILES_URL: s3.filesUrl, DATA_DIR: root });
  });
  after(async () => s3?.close());

  it('stores, dedups, cuts off oversize uploads, reads back and sweeps the same way', async () => {
    const bytes = pdfBytes('s3');
    const first = await upload(an, { bytes, fileName: 'Quyết định.pdf' }, s3Store);
    await upload(an, { bytes, fileName: 'Quyết định (2).pdf' }, s3Store);
    assert.equal((await objectKeys(s3Store)).length, 1);
    const error = await refusal(upload(an, { stream: endlessPdf().stream, policy: { kinds: ['pdf'], maxBytes: 6 * 1024 * 1024 } }, s3Store));
    assert.equal(error.code, 'fileTooLarge');
    assert.equal((await objectKeys(s3Store)).length, 1, 'nothing of the oversize upload is left');
    const opened = await openStoredFile({ db: database.db, store: s3Store }, first.id);
    assert.deepEqual(await buffer(opened.stream), bytes);
    await s3Store.put(newStorageKey(), streamOf(pdfBytes('orphan')));
    const result = await sweepOrphanFiles({ db: database.db, store: s3Store, now: new Date(Date.now() + 48 * 3600_000) });
    assert.equal(result.removed, 1);
    assert.equal((await objectKeys(s3Store)).length, 1);
  });
});

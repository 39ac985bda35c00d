import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { startTestS3Server, type TestS3Server } from '../../../test/support/s3-server.ts';
import { assertStorageKey, FileMissingError, newStorageKey, type FileStore } from './file-store.ts';
import { createFileStore } from './create-file-store.ts';
import { createLocalFileStore } from './local-file-store.ts';
import { parseFilesUrl } from './s3-file-store.ts';

async function collect(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of store.list()) keys.push(object.key);
  return keys.sort();
}

/** A body that fails after its first bytes, as a dropped connection does. */
function failingBody(): Readable {
  return Readable.from((async function* () {
    yield Buffer.from('the first half of a file');
    throw new Error('connection reset');
  })());
}

// The same behaviour is asked of both stores (ARCHITECTURE principle 8: local disk on one machine, S3 in production).
function storeContract(name: string, open: () => FileStore) {
  describe(`${name} file store`, () => {
    it('puts, reads back as a stream, tells existence, lists and deletes', async () => {
      const store = open();
      const key = newStorageKey();
      assert.equal(await store.exists(key), false);
      await store.put(key, Readable.from([Buffer.from('Giấy khai sinh '), Buffer.from('bản sao')]));
      assert.equal(await store.exists(key), true);
      assert.equal(await text(await store.get(key)), 'Giấy khai sinh bản sao');
      const listed = [];
      for await (const object of store.list()) listed.push(object);
      const entry = listed.find((o) => o.key === key);
      assert.ok(entry, 'the new object is listed');
      assert.ok(Math.abs(entry.modifiedAt.getTime() - Date.now()) < 10 * 60_000, 'with its write time');
      await store.delete(key);
      assert.equal(await store.exists(key), false);
      await assert.rejects(store.get(key), FileMissingError);
      await store.delete(key); // deleting twice is harmless (the sweep may race a discard)
    });

    it('leaves nothing behind when the body fails half-way', async () => {
      const store = open();
      const before = await collect(store);
      const key = newStorageKey();
      await assert.rejects(store.put(key, failingBody()), /connection reset/);
      assert.equal(await store.exists(key), false);
      assert.deepEqual(await collect(store), before);
    });

    it('refuses keys it did not make: no path can climb out of the store', async () => {
      const store = open();
      for (const key of ['../../etc/passwd', '/etc/passwd', 'ab/cd/../../../x', 'ab/cd/ef', `ab/cd/${'0'.repeat(36)}\0`]) {
        await assert.rejects(store.put(key, Readable.from([Buffer.from('x')])), /Not a storage key/, key);
        await assert.rejects(store.get(key), /Not a storage key/, key);
      }
    });
  });
}

describe('storage keys', () => {
  it('are random, fanned out over two folder levels and match their own check', () => {
    const a = newStorageKey();
    const b = newStorageKey();
    assert.notEqual(a, b);
    assert.match(a, /^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f-]{32}$/);
    assert.doesNotThrow(() => assertStorageKey(a));
  });
});

let localRoot: string;
let s3: TestS3Server;
before(async () => {
  localRoot = await mkdtemp(path.join(tmpdir(), 'opendvc-files-'));
  s3 = await startTestS3Server();
});
after(async () => {
  await rm(localRoot, { recursive: true, force: true });
  await s3?.close();
});

storeContract('local', () => createLocalFileStore(localRoot));
storeContract('S3-compatible', () => createFileStore({ FILES_URL: s3.filesUrl, DATA_DIR: localRoot }));

describe('local file store', () => {
  it('writes through a temporary file and renames it, so a killed write leaves only a stray temp file', async () => {
    const store = createLocalFileStore(localRoot);
    await assert.rejects(store.put(newStorageKey(), failingBody()));
    assert.deepEqual(await readdir(path.join(localRoot, '.incoming')), [], 'a failed write removes its temp file');
    // A process killed mid-write cannot clean up: simulate its leftover and let the sweep's purge find it.
    const { writeFile, utimes } = await import('node:fs/promises');
    const stray = path.join(localRoot, '.incoming', 'killed.part');
    await writeFile(stray, 'half');
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    await utimes(stray, dayAgo, dayAgo);
    const fresh = path.join(localRoot, '.incoming', 'writing-now.part');
    await writeFile(fresh, 'in progress');
    assert.equal(await store.purgeIncomplete(new Date(Date.now() - 24 * 3600_000)), 1);
    assert.deepEqual(await readdir(path.join(localRoot, '.incoming')), ['writing-now.part']);
    await rm(fresh);
  });

  it('is the default: DATA_DIR/files', async () => {
    const store = createFileStore({ DATA_DIR: localRoot });
    const key = newStorageKey();
    await store.put(key, Readable.from([Buffer.from('x')]));
    assert.deepEqual(await readdir(path.join(localRoot, 'files', ...key.split('/').slice(0, 2))), [key.split('/')[2]]);
  });
});

describe('FILES_URL', () => {
  it('names the bucket, a prefix, the endpoint and the region; path style for custom endpoints', () => {
    assert.deepEqual(parseFilesUrl('s3://ho-so/tep/dinh-kem/?endpoint=http://127.0.0.1:9000&region=hn'),
      { bucket: 'ho-so', prefix: 'tep/dinh-kem/', endpoint: 'http://127.0.0.1:9000', region: 'hn', forcePathStyle: true });
    assert.deepEqual(parseFilesUrl('s3://ho-so?region=ap-southeast-1'),
      { bucket: 'ho-so', prefix: '', region: 'ap-southeast-1', forcePathStyle: false });
    assert.throws(() => parseFilesUrl('https://ho-so/x'), /s3:\/\/bucket/);
  });
});

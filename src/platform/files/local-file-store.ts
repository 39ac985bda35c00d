import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, FileMissingError, isStorageKey, type FileStore } from './file-store.ts';

const incomingDir = '.incoming';

/** Files on local disk under `root` (default DATA_DIR/files): for one machine, or a shared mount. */
export function createLocalFileStore(root: string): FileStore {
  const base = path.resolve(root);
  const incoming = path.join(base, incomingDir);
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(base, ...key.split('/'));
  };

  return {
    async put(key, body) {
      const target = fileOf(key);
      await mkdir(incoming, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside the final name, flushed, then renamed: a crash leaves at most a stray file in .incoming.
      const temp = path.join(incoming, `${randomUUID()}.part`);
      try {
        const out = createWriteStream(temp, { flags: 'wx' });
        await pipeline(body, out);
        const handle = await open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key) {
      const file = fileOf(key);
      const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new FileMissingError(key) : error;
      });
      return handle.createReadStream();
    },

    async delete(key) {
      await unlink(fileOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },

    async exists(key) {
      return stat(fileOf(key)).then((s) => s.isFile(), () => false);
    },

    async *list() {
      const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const key = path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
        if (!isStorageKey(key)) continue;
        const info = await stat(path.join(base, key)).catch(() => undefined);
        if (info) yield { key, modifiedAt: info.mtime };
      }
    },

    async purgeIncomplete(before) {
      const names = await readdir(incoming).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        const file = path.join(incoming, name);
        const info = await stat(file).catch(() => undefined);
        if (info && info.mtime < before) {
          await rm(file, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}

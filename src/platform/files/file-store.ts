import type { Readable } from 'node:stream';

/** Where the bytes of attachments live: local disk or S3-compatible object storage (ARCHITECTURE principle 8). */
export interface FileStore {
  /** Writes a whole object: readers never see a partial one, and a failed or aborted write leaves nothing. */
  put(key: string, body: Readable): Promise<void>;
  /** Streams an object; rejects with `FileMissingError` when there is none. */
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every finished object with its last write time, for the orphan sweep. */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
  /** Removes unfinished writes a killed process left behind before `before`; returns how many. */
  purgeIncomplete(before: Date): Promise<number>;
}

export class FileMissingError extends Error {
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
  }
}

// Keys are made by newStorageKey() only; the stores refuse anything else, so no key can climb out of its root.
const keyPattern = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function assertStorageKey(key: string): void {
  if (!keyPattern.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}

export function isStorageKey(key: string): boolean {
  return keyPattern.test(key);
}

/** A fresh random key, fanned out over two directory levels so no folder grows huge on disk. */
export function newStorageKey(): string {
  const id = crypto.randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

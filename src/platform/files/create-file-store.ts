import path from 'node:path';
import type { Config } from '../../config.ts';
import type { FileStore } from './file-store.ts';
import { createLocalFileStore } from './local-file-store.ts';
import { createS3FileStore, parseFilesUrl } from './s3-file-store.ts';

/** The store the configuration names: S3-compatible storage when FILES_URL is set, else DATA_DIR/files. */
export function createFileStore(config: Pick<Config, 'FILES_URL' | 'DATA_DIR'>): FileStore {
  if (config.FILES_URL) return createS3FileStore(parseFilesUrl(config.FILES_URL));
  return createLocalFileStore(path.join(config.DATA_DIR, 'files'));
}

import type { FastifyInstance } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import { storeUpload, type StoreUploadContext, type StoreUploadInput } from './store-upload.ts';
import { UploadTooLargeError } from './upload-meter.ts';
import type { StoredFile } from './stored-file.ts';

export interface MultipartLimits {
  /** The largest file any field accepts (UPLOAD_MAX_MB); each field's policy may be lower. */
  maxFileBytes: number;
  /** Files in one request. */
  maxFiles?: number;
}

/**
 * Lets routes read multipart/form-data as streams (`request.file()`, `request.parts()`), with every limit set:
 * a request can neither send an endless file nor thousands of parts or huge fields.
 */
export async function registerMultipart(app: FastifyInstance, limits: MultipartLimits): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles ?? 10,
      fields: 200,
      fieldSize: 100 * 1024,
      fieldNameSize: 200,
      parts: 220,
      headerPairs: 100,
    },
  });
  // An upload refused mid-stream leaves the rest of its body unread on the socket: answer, then close the
  // connection rather than let the client reuse one the server is no longer reading.
  app.addHook('onSend', async (request, reply) => {
    if (request.isMultipart() && !request.raw.readableEnded) reply.header('connection', 'close');
  });
}

/**
 * Stores one file part of a multipart request under `policy`. The client's file name is display metadata only and
 * its declared MIME type is ignored. If the part hits the request-wide limit (busboy then cuts it short and only
 * flags it), it fails as too large like any other oversize file.
 */
export function storeMultipartFile(context: StoreUploadContext, part: MultipartFile,
  input: Omit<StoreUploadInput, 'stream' | 'fileName'>): Promise<StoredFile> {
  part.file.once('limit', () => part.file.destroy(new UploadTooLargeError()));
  return storeUpload(context, { ...input, stream: part.file, fileName: part.filename });
}

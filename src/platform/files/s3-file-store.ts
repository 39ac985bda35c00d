import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertStorageKey, FileMissingError, isStorageKey, type FileStore } from './file-store.ts';

export interface S3Location {
  bucket: string;
  /** Folder inside the bucket, '' or ending in '/'. */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

/**
 * Reads FILES_URL: `s3://bucket/optional/prefix?endpoint=https://s3.example.vn&region=…&forcePathStyle=true`.
 * Without `endpoint` it is AWS itself; any other S3-compatible store (MinIO, Ceph, a provincial cloud) sets it,
 * and path-style addressing is then the default since such stores rarely have per-bucket host names.
 */
export function parseFilesUrl(url: string): S3Location {
  const parsed = new URL(url);
  if (parsed.protocol !== 's3:' || !parsed.hostname) throw new Error('FILES_URL must look like s3://bucket/prefix?endpoint=…&region=…');
  const endpoint = parsed.searchParams.get('endpoint') ?? undefined;
  const prefix = decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, '');
  const style = parsed.searchParams.get('forcePathStyle');
  return {
    bucket: parsed.hostname,
    prefix: prefix ? `${prefix}/` : '',
    ...(endpoint ? { endpoint } : {}),
    region: parsed.searchParams.get('region') ?? process.env['AWS_REGION'] ?? 'us-east-1',
    forcePathStyle: style === null ? endpoint !== undefined : style === 'true',
  };
}

/**
 * S3-compatible object storage. Credentials come from the SDK's standard chain (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, a profile, or the instance role), never from FILES_URL, so they stay out of logs.
 */
export function createS3FileStore(location: S3Location, client = new S3Client({
  region: location.region,
  forcePathStyle: location.forcePathStyle,
  ...(location.endpoint ? { endpoint: location.endpoint } : {}),
})): FileStore & { client: S3Client } {
  const { bucket, prefix } = location;
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return `${prefix}${key}`;
  };

  return {
    client,

    async put(key, body) {
      // lib-storage streams in parts and aborts the multipart upload if the body fails: S3 never shows a partial
      // object. A killed process leaves an invisible unfinished upload for the bucket's lifecycle rule.
      // When the body itself fails (too large, connection lost) that is the error to report, not a failure to
      // abort the multipart upload afterwards.
      let bodyError: unknown;
      body.once('error', (error) => { bodyError = error; });
      try {
        await new Upload({ client, params: { Bucket: bucket, Key: objectKey(key), Body: body } }).done();
      } catch (error) {
        throw bodyError ?? error;
      }
    },

    async get(key) {
      try {
        const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        if (!(result.Body instanceof Readable)) throw new Error('S3 returned no stream body');
        return result.Body;
      } catch (error) {
        if (isMissing(error)) throw new FileMissingError(key);
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          const key = (object.Key ?? '').slice(prefix.length);
          if (isStorageKey(key) && object.LastModified) yield { key, modifiedAt: object.LastModified };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    // Unfinished multipart uploads are not objects: the bucket's AbortIncompleteMultipartUpload lifecycle rule
    // removes them (README), which every S3-compatible store supports and needs no listing permission.
    async purgeIncomplete() {
      return 0;
    },
  };
}

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface TestS3Server {
  /** FILES_URL for the bucket. */
  filesUrl: string;
  endpoint: string;
  bucket: string;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on a loopback port, over a throw-away folder. It accepts any signature
 * from the keys it is started with, which the tests set as the standard AWS environment variables.
 */
export async function startTestS3Server(bucket = 'opendvc-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'opendvc-s3-'));
  process.env['AWS_ACCESS_KEY_ID'] = 'S3RVER';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'S3RVER';
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    filesUrl: `s3://${bucket}/attachments?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1`,
    endpoint,
    bucket,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

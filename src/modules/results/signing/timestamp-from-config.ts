import type { Config } from '../../../config.ts';
import type { TimestampSource } from './cades-signer.ts';
import { tsaTimestampSource } from './tsa-client.ts';

/** The configured TSA (TSA_URL, optional basic auth) as a timestamp source, or none: results are then signed B-B. */
export function timestampSourceFrom(config: Pick<Config, 'TSA_URL' | 'TSA_USERNAME' | 'TSA_PASSWORD'>): TimestampSource | undefined {
  if (!config.TSA_URL) return undefined;
  return tsaTimestampSource({ url: config.TSA_URL, username: config.TSA_USERNAME, password: config.TSA_PASSWORD });
}

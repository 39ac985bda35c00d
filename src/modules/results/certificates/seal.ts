import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SealedWith } from '../tables.ts';

// Secrets of agency certificates (the PKCS#12 passphrase, the token key) are stored sealed with AES-256-GCM under
// a key derived (HKDF-SHA-256) from the app's secret, COOKIE_SECRET, which lives in the environment and never in the
// repository. Demo certificates are sealed under a fixed, public demo key: they protect nothing real, and
// production refuses to open them.

const demoSecret = 'OpenDVC demo province: not a secret';

/** Which secrets this process can open. */
export interface SealingKeys {
  /** COOKIE_SECRET when configured; without it nothing sealed with the app's secret survives a restart. */
  appSecret: string | null;
  /** Demo sealing is refused in production. */
  production: boolean;
}

export class SealError extends Error {}

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'opendvc', 'agency-certificate-secrets', 32));
}

function secretFor(keys: SealingKeys, sealedWith: SealedWith): string {
  if (sealedWith === 'demo') {
    if (keys.production) throw new SealError('Demo certificates are never used in production.');
    return demoSecret;
  }
  if (!keys.appSecret) throw new SealError('COOKIE_SECRET is not set: certificates sealed with the app\'s secret cannot be opened.');
  return keys.appSecret;
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function seal(keys: SealingKeys, sealedWith: SealedWith, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secretFor(keys, sealedWith)), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function unseal(keys: SealingKeys, sealedWith: SealedWith, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new SealError('Unknown sealed format.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secretFor(keys, sealedWith)), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('The sealed secret cannot be opened with this app\'s secret (was COOKIE_SECRET changed?).');
  }
}

/** The sealing keys of this process, from its configuration. */
export function sealingKeysFrom(config: { COOKIE_SECRET?: string | undefined; NODE_ENV: string }): SealingKeys {
  return { appSecret: config.COOKIE_SECRET ?? null, production: config.NODE_ENV === 'production' };
}

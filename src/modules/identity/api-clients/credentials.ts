import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Credential formats of API clients (issue 3 §3). A key says what it is (`odvc_` prefix, so secret scanners and
 * people recognise it) and carries the client's public id, so the row is found by index, never by scanning
 * and comparing every hash. Secrets are 256-bit random: a plain SHA-256 at rest is enough (no dictionary to try).
 */
const keyPattern = /^odvc_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const accessTokenPattern = /^odvcat_[A-Za-z0-9_-]{43}$/;

export function newPublicId(): string {
  return randomBytes(8).toString('hex');
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function formatApiKey(publicId: string, secret: string): string {
  return `odvc_${publicId}_${secret}`;
}

export function parseApiKey(key: string): { publicId: string; secret: string } | null {
  const match = keyPattern.exec(key);
  return match ? { publicId: match[1]!, secret: match[2]! } : null;
}

export function newAccessToken(): { token: string; tokenHash: string } {
  const token = `odvcat_${newSecret()}`;
  return { token, tokenHash: hashSecret(token) };
}

export function isAccessToken(value: string): boolean {
  return accessTokenPattern.test(value);
}

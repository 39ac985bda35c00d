import { createHash, randomBytes } from 'node:crypto';

/** Idle and absolute lifetimes, shorter for officers (configurable; issue 3 §3). */
export interface SessionPolicy {
  idleMinutes: { person: number; officer: number };
  absoluteHours: { person: number; officer: number };
}

export const sessionCookieName = 'sid';

/** A new unguessable session token (256 bits) and the hash under which the database keeps it. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

// The database never holds a usable token: a leaked table or backup cannot be replayed as a cookie.
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

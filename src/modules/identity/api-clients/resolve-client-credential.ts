import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { hashSecret, isAccessToken, parseApiKey, secretMatches } from './credentials.ts';
import { findAccessToken, findClientByPublicId, touchClient } from './repository.ts';

export type ClientActor = Extract<Actor, { kind: 'client' }>;

// Recording every call would turn each API request into a write; "last used" to the minute is what admins need.
const touchEveryMs = 60_000;

/**
 * The API client behind an API key or an access token (issue 3 §3), or null. Read fresh on every request, so
 * revoking a client (or a token expiring) takes effect at once. An OAuth client cannot use its secret as a key:
 * it must go through POST /oauth/token.
 */
export async function resolveClientCredential(db: Kysely<Database>, credential: string, now: Date): Promise<ClientActor | null> {
  if (isAccessToken(credential)) {
    const token = await findAccessToken(db, hashSecret(credential));
    if (!token || token.revoked_at !== null || now >= new Date(token.expires_at)) return null;
    await touchIfStale(db, token.client_id, token.last_used_at, now);
    return { kind: 'client', clientId: token.client_id, name: token.name, scopes: token.scopes };
  }
  const key = parseApiKey(credential);
  if (!key) return null;
  const client = await findClientByPublicId(db, key.publicId);
  if (!client || client.kind !== 'apiKey' || client.revoked_at !== null || !secretMatches(key.secret, client.secret_hash)) return null;
  await touchIfStale(db, client.id, client.last_used_at, now);
  return { kind: 'client', clientId: client.id, name: client.name, scopes: client.scopes };
}

async function touchIfStale(db: Kysely<Database>, clientId: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  if (lastUsedAt === null || now.getTime() - new Date(lastUsedAt).getTime() >= touchEveryMs) await touchClient(db, clientId, now);
}

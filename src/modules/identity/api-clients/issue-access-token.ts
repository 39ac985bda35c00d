import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry, recordAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { newAccessToken, secretMatches } from './credentials.ts';
import { deleteExpiredAccessTokens, findClientByPublicId, insertAccessToken } from './repository.ts';

export const accessTokenSeconds = 3600;

export interface TokenRequest {
  grantType: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Space-delimited scopes to narrow the token to (RFC 6749 §3.3); absent = every scope of the client. */
  scope: string | undefined;
  ip: string | null;
  userAgent: string | null;
}

/** RFC 6749 §5.2 error codes this endpoint can answer. */
export type TokenError = 'invalid_request' | 'invalid_client' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

export type TokenResult =
  | { ok: true; accessToken: string; expiresIn: number; scope: string }
  | { ok: false; error: TokenError; description: string };

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4; issue 3 §3): an OAuth client proves itself with its id and
 * secret and receives an opaque one-hour bearer token holding its scopes, or fewer if it asks. Only the token's
 * hash is stored. API-key clients cannot use this grant: each client has exactly one way in.
 */
export async function issueAccessToken(db: Kysely<Database>, now: Date, request: TokenRequest): Promise<TokenResult> {
  if (!request.clientId || !request.clientSecret) return { ok: false, error: 'invalid_client', description: 'client_id and client_secret are required.' };
  const client = await findClientByPublicId(db, request.clientId);
  if (!client || client.revoked_at !== null || !secretMatches(request.clientSecret, client.secret_hash)) {
    await recordAuditEntry(db, now, {
      actorLabel: `client:${request.clientId.slice(0, 64)}`, ip: request.ip, userAgent: request.userAgent,
      action: 'identity.apiClient.authFailed', targetType: 'apiClient', targetId: client?.id ?? null,
    });
    return { ok: false, error: 'invalid_client', description: 'Client authentication failed.' };
  }
  if (!request.grantType) return { ok: false, error: 'invalid_request', description: 'grant_type is required.' };
  if (request.grantType !== 'client_credentials') return { ok: false, error: 'unsupported_grant_type', description: 'Only client_credentials is supported.' };
  if (client.kind !== 'oauthClient') return { ok: false, error: 'unauthorized_client', description: 'This client authenticates with its API key.' };
  const asked = request.scope?.split(' ').filter((s) => s !== '') ?? [];
  if (asked.some((s) => !client.scopes.includes(s))) return { ok: false, error: 'invalid_scope', description: 'A requested scope was not granted to this client.' };
  const scopes = asked.length ? [...new Set(asked)] : client.scopes;

  const { token, tokenHash } = newAccessToken();
  await db.transaction().execute(async (trx) => {
    await deleteExpiredAccessTokens(trx, client.id, now);
    await insertAccessToken(trx, { tokenHash, clientId: client.id, scopes, now, expiresAt: new Date(now.getTime() + accessTokenSeconds * 1000) });
    await appendAuditEntry(trx, now, {
      actorId: client.id, actorLabel: client.name, ip: request.ip, userAgent: request.userAgent,
      action: 'identity.apiClient.tokenIssued', targetType: 'apiClient', targetId: client.id, after: { scopes },
    });
  });
  return { ok: true, accessToken: token, expiresIn: accessTokenSeconds, scope: scopes.join(' ') };
}

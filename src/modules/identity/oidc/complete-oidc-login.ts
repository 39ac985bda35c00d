import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { recordAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { consumeOidcLogin, type OidcLogin } from './repository-oidc.ts';
import { hashLoginKey } from './begin-oidc-login.ts';
import type { ProviderClient } from './provider-client.ts';
import type { OidcProviderKey } from './settings.ts';

export type CallbackFailure = 'loginNotFound' | 'providerError' | 'invalidResponse';

export type ProviderIdentity = { login: OidcLogin; subject: string; claims: Record<string, unknown>; idToken: string };

/**
 * The callback's first half: the login this browser started (single use, unexpired), then the code exchange,
 * which checks state, nonce, PKCE and the ID token. A callback opened in another browser, replayed or with a
 * tampered state ends here, audited, before any account is touched.
 */
export async function completeOidcLogin(db: Kysely<Database>, input: {
  cookieValue: string | undefined; callbackUrl: URL; clients: Partial<Record<OidcProviderKey, ProviderClient>>; ip: string | null; userAgent: string | null; now: Date;
}): Promise<{ ok: true; identity: ProviderIdentity; client: ProviderClient } | { ok: false; reason: CallbackFailure }> {
  const fail = async (reason: CallbackFailure, detail?: unknown) => {
    await recordAuditEntry(db, input.now, { actorLabel: 'oidc', ip: input.ip, userAgent: input.userAgent, action: 'identity.signIn.failed', after: { reason, detail: detail ?? null } });
    return { ok: false as const, reason };
  };
  const login = input.cookieValue ? await consumeOidcLogin(db, hashLoginKey(input.cookieValue), input.now) : undefined;
  const client = login ? input.clients[login.provider] : undefined;
  if (!login || !client) return fail('loginNotFound');
  // The provider said no (the person cancelled, or it refused the client): nothing to exchange.
  const providerError = input.callbackUrl.searchParams.get('error');
  if (providerError) return fail('providerError', { provider: login.provider, error: providerError.slice(0, 100) });
  const callbackUrl = new URL(login.redirect_uri);
  callbackUrl.search = input.callbackUrl.search;
  try {
    const result = await client.exchange(callbackUrl, { state: login.state, nonce: login.nonce, codeVerifier: login.code_verifier });
    return { ok: true, client, identity: { login, ...result } };
  } catch (error) {
    return fail('invalidResponse', { provider: login.provider, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
  }
}

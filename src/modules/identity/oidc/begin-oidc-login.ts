import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { insertOidcLogin } from './repository-oidc.ts';
import { randomLoginSecrets, type ProviderClient } from './provider-client.ts';

/** How long a person may spend at the identity provider before the login must start again. */
export const loginLifetimeMinutes = 10;

export const hashLoginKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Starts an authorization-code login with PKCE, state and nonce (issue 3 §1, G-10). Everything the callback
 * must check is kept in the database under the hash of a random key that only this browser's cookie holds.
 * With `link`, a signed-in person asks to attach the provider's identity to their own account; the provider
 * is then asked to authenticate them afresh, so nobody else's open provider session is linked by accident.
 */
export async function beginOidcLogin(db: Kysely<Database>, input: {
  client: ProviderClient; actor: Actor; link: boolean; returnTo: string | undefined; redirectUri: string; now: Date;
}): Promise<{ cookieValue: string; authorizationUrl: URL }> {
  let linkAccountId: string | null = null;
  if (input.link) {
    const accountId = input.actor.kind === 'person' ? input.actor.accountId : undefined;
    authorize(input.actor, 'profile.edit', { ownerAccountId: accountId });
    linkAccountId = accountId!;
  }
  const secrets = await randomLoginSecrets();
  const authorizationUrl = await input.client.authorizationUrl({
    redirectUri: input.redirectUri, state: secrets.state, nonce: secrets.nonce, codeChallenge: secrets.codeChallenge, forceLogin: input.link,
  });
  const cookieValue = randomBytes(32).toString('base64url');
  await insertOidcLogin(db, {
    key_hash: hashLoginKey(cookieValue), provider: input.client.settings.key, state: secrets.state, nonce: secrets.nonce,
    code_verifier: secrets.codeVerifier, redirect_uri: input.redirectUri, return_to: input.returnTo ?? null, link_account_id: linkAccountId,
    created_at: input.now, expires_at: new Date(input.now.getTime() + loginLifetimeMinutes * 60_000),
  });
  return { cookieValue, authorizationUrl };
}

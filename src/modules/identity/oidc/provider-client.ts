import * as client from 'openid-client';
import type { OidcProviderSettings } from './settings.ts';

/**
 * The relying-party side of one provider (openid-client v6). Discovery is fetched on first use and kept for
 * the process (it is the provider's public metadata, not user state); a failed discovery is retried next time.
 */
export interface ProviderClient {
  settings: OidcProviderSettings;
  authorizationUrl(params: { redirectUri: string; state: string; nonce: string; codeChallenge: string; forceLogin: boolean }): Promise<URL>;
  /** Code → tokens, checking state, nonce, PKCE, issuer and ID token signature; then the UserInfo claims. */
  exchange(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<{ subject: string; claims: Record<string, unknown>; idToken: string }>;
  /** RP-initiated logout, or undefined when the provider offers no end_session_endpoint. */
  endSessionUrl(idToken: string, postLogoutRedirectUri: string): Promise<URL | undefined>;
}

export function createProviderClient(settings: OidcProviderSettings): ProviderClient {
  let configuration: Promise<client.Configuration> | undefined;
  const configure = () => {
    configuration ??= client.discovery(settings.issuer, settings.clientId, settings.clientSecret, settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
      settings.allowInsecure ? { execute: [client.allowInsecureRequests] } : {}).catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };
  return {
    settings,
    async authorizationUrl(p) {
      return client.buildAuthorizationUrl(await configure(), {
        redirect_uri: p.redirectUri, scope: settings.scopes, state: p.state, nonce: p.nonce,
        code_challenge: p.codeChallenge, code_challenge_method: 'S256', ...(p.forceLogin ? { prompt: 'login' } : {}),
      });
    },
    async exchange(callbackUrl, checks) {
      const config = await configure();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new Error('The identity provider returned no ID token.');
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return { subject: idClaims.sub, claims: { ...idClaims, ...userInfo }, idToken: tokens.id_token };
    },
    async endSessionUrl(idToken, postLogoutRedirectUri) {
      const config = await configure();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri });
    },
  };
}

export const randomLoginSecrets = async () => {
  const codeVerifier = client.randomPKCECodeVerifier();
  return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier) };
};

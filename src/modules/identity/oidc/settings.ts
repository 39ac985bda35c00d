import { ConfigError, type Config } from '../../../config.ts';
import { defaultClaimMapping, profileAttributeNames, type ClaimMapping } from './map-claims.ts';

export type OidcProviderKey = 'citizen' | 'officer';

/** One identity provider this portal trusts, as configured (issue 3 §1-2, G-10). */
export interface OidcProviderSettings {
  key: OidcProviderKey;
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  claims: ClaimMapping;
  /** Shown on the button and kept as the source of verified profile data. */
  label: string;
  /** Plain http is tolerated only for a provider on this machine outside production (the bundled test IdP). */
  allowInsecure: boolean;
}

export type OidcProviders = Partial<Record<OidcProviderKey, OidcProviderSettings>>;

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

function issuerUrl(name: string, value: string, production: boolean): { issuer: URL; allowInsecure: boolean } {
  const issuer = new URL(value);
  if (issuer.protocol === 'https:') return { issuer, allowInsecure: false };
  if (issuer.protocol === 'http:' && !production && loopback.has(issuer.hostname)) return { issuer, allowInsecure: true };
  throw new ConfigError(`Invalid configuration:\n  ${name}: must be https (http only on 127.0.0.1/localhost outside production).`);
}

function claimMapping(raw: string | undefined): ClaimMapping {
  if (!raw) return defaultClaimMapping;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('Invalid configuration:\n  OIDC_CITIZEN_CLAIMS: not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError('Invalid configuration:\n  OIDC_CITIZEN_CLAIMS: must be a JSON object.');
  const entries = Object.entries(parsed);
  const bad = entries.find(([name, claim]) => !(profileAttributeNames as readonly string[]).includes(name) || typeof claim !== 'string' || !claim);
  if (bad) throw new ConfigError(`Invalid configuration:\n  OIDC_CITIZEN_CLAIMS: "${bad[0]}" must be one of ${profileAttributeNames.join(', ')} mapped to a claim name.`);
  return { ...defaultClaimMapping, ...Object.fromEntries(entries) };
}

/** The providers switched on by the environment; a half-configured one stops the start with its name. */
export function oidcProvidersFromConfig(config: Config): OidcProviders {
  const production = config.NODE_ENV === 'production';
  const providers: OidcProviders = {};
  if (config.OIDC_CITIZEN_ISSUER) {
    if (!config.OIDC_CITIZEN_CLIENT_ID) throw new ConfigError('Invalid configuration:\n  OIDC_CITIZEN_CLIENT_ID: required with OIDC_CITIZEN_ISSUER.');
    providers.citizen = {
      key: 'citizen', ...issuerUrl('OIDC_CITIZEN_ISSUER', config.OIDC_CITIZEN_ISSUER, production),
      clientId: config.OIDC_CITIZEN_CLIENT_ID, clientSecret: config.OIDC_CITIZEN_CLIENT_SECRET, scopes: config.OIDC_CITIZEN_SCOPES,
      claims: claimMapping(config.OIDC_CITIZEN_CLAIMS), label: config.OIDC_CITIZEN_NAME,
    };
  }
  if (config.OIDC_OFFICER_ISSUER) {
    if (!config.OIDC_OFFICER_CLIENT_ID) throw new ConfigError('Invalid configuration:\n  OIDC_OFFICER_CLIENT_ID: required with OIDC_OFFICER_ISSUER.');
    providers.officer = {
      key: 'officer', ...issuerUrl('OIDC_OFFICER_ISSUER', config.OIDC_OFFICER_ISSUER, production),
      clientId: config.OIDC_OFFICER_CLIENT_ID, clientSecret: config.OIDC_OFFICER_CLIENT_SECRET, scopes: 'openid profile email',
      claims: defaultClaimMapping, label: config.OIDC_OFFICER_NAME,
    };
  }
  return providers;
}

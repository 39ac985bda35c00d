import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../config.ts';
import { oidcProvidersFromConfig } from './settings.ts';

const providers = (env: Record<string, string>) => oidcProvidersFromConfig(loadConfig({ NODE_ENV: 'test', ...env }));
const citizen = { OIDC_CITIZEN_CLIENT_ID: 'portal' };

describe('OpenID Connect settings (issue 3 §1, G-10)', () => {
  it('is off without an issuer', () => {
    assert.deepEqual(providers({}), {});
  });

  it('allows plain http only for a provider on this machine, and never in production', () => {
    assert.equal(providers({ ...citizen, OIDC_CITIZEN_ISSUER: 'http://127.0.0.1:3001' }).citizen?.allowInsecure, true);
    assert.throws(() => providers({ ...citizen, OIDC_CITIZEN_ISSUER: 'http://idp.example.vn' }), ConfigError);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', PUBLIC_URL: 'https://dvc.example.vn', COOKIE_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://127.0.0.1:25' };
    assert.throws(() => oidcProvidersFromConfig(loadConfig({ ...production, ...citizen, OIDC_CITIZEN_ISSUER: 'http://127.0.0.1:3001' })), ConfigError);
    assert.equal(oidcProvidersFromConfig(loadConfig({ ...production, ...citizen, OIDC_CITIZEN_ISSUER: 'https://vneid.example.vn' })).citizen?.allowInsecure, false);
  });

  it('needs a client id, and a claim mapping that names only our attributes', () => {
    assert.throws(() => providers({ OIDC_CITIZEN_ISSUER: 'https://vneid.example.vn' }), /OIDC_CITIZEN_CLIENT_ID/);
    assert.throws(() => providers({ ...citizen, OIDC_CITIZEN_ISSUER: 'https://vneid.example.vn', OIDC_CITIZEN_CLAIMS: '{"nickname":"x"}' }), /OIDC_CITIZEN_CLAIMS/);
    const mapped = providers({ ...citizen, OIDC_CITIZEN_ISSUER: 'https://vneid.example.vn', OIDC_CITIZEN_CLAIMS: '{"personalId":"so_dinh_danh"}' });
    assert.equal(mapped.citizen?.claims.personalId, 'so_dinh_danh');
    assert.equal(mapped.citizen?.claims.fullName, 'name');
  });
});

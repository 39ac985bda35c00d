import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('starts with development defaults on an empty environment (embedded database, demo seed)', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.embedded, true);
    assert.equal(config.seedDemo, true);
    assert.equal(config.publicUrl, 'http://localhost:3000');
  });

  it('names the bad setting and the value it got', () => {
    assert.throws(() => loadConfig({ PORT: 'abc' }), (error: Error) => error instanceof ConfigError && /PORT/.test(error.message) && /"abc"/.test(error.message));
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
  });

  it('refuses demo data and the embedded database in production', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/opendvc', PUBLIC_URL: 'https://dichvucong.example.gov.vn', COOKIE_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://mail.example.gov.vn:587' };
    assert.equal(loadConfig(production).seedDemo, false);
    assert.throws(() => loadConfig({ ...production, SEED_DEMO: 'true' }), /SEED_DEMO/);
    assert.throws(() => loadConfig({ ...production, DATABASE_URL: '' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ ...production, COOKIE_SECRET: '' }), /COOKIE_SECRET/);
    assert.throws(() => loadConfig({ ...production, COOKIE_SECRET: 'short' }), /COOKIE_SECRET/);
    assert.throws(() => loadConfig({ ...production, SMTP_URL: '' }), /SMTP_URL/);
  });

  it('wants the SMS gateway\'s keys and brandname with its URL (issue 5 §3)', () => {
    const sms = { SMS_GATEWAY_URL: 'https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/', SMS_API_KEY: 'k', SMS_SECRET_KEY: 's', SMS_BRANDNAME: 'HOABINHXANH' };
    const config = loadConfig(sms);
    assert.deepEqual([config.SMS_UNICODE, config.SMS_MAX_SEGMENTS], [false, 3]);
    assert.throws(() => loadConfig({ ...sms, SMS_SECRET_KEY: '' }), /SMS_GATEWAY_URL needs/);
    assert.throws(() => loadConfig({ ...sms, SMS_MAX_SEGMENTS: '0' }), /SMS_MAX_SEGMENTS/);
  });
});

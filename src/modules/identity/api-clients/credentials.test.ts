import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatApiKey, hashSecret, isAccessToken, newAccessToken, newPublicId, newSecret, parseApiKey, secretMatches } from './credentials.ts';

describe('API-client credentials (issue 3 §3)', () => {
  it('formats a key that names itself and carries the public id, and parses it back', () => {
    const publicId = newPublicId();
    const secret = newSecret();
    const key = formatApiKey(publicId, secret);
    assert.match(key, /^odvc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(parseApiKey(key), { publicId, secret });
  });

  it('rejects anything that is not exactly a key', () => {
    const key = formatApiKey(newPublicId(), newSecret());
    for (const bad of ['', 'odvc_', key.slice(0, -1), `${key}x`, key.replace('odvc_', 'odvx_'), key.toUpperCase(), newAccessToken().token]) {
      assert.equal(parseApiKey(bad), null, bad);
    }
  });

  it('keeps only a hash, and matches the secret against it and nothing else', () => {
    const secret = newSecret();
    const stored = hashSecret(secret);
    assert.match(stored, /^[0-9a-f]{64}$/);
    assert.ok(!stored.includes(secret));
    assert.equal(secretMatches(secret, stored), true);
    assert.equal(secretMatches(newSecret(), stored), false);
    assert.equal(secretMatches(secret, 'abcd'), false);
  });

  it('issues distinct opaque access tokens, told apart from keys by their prefix', () => {
    const a = newAccessToken();
    const b = newAccessToken();
    assert.notEqual(a.token, b.token);
    assert.equal(a.tokenHash, hashSecret(a.token));
    assert.equal(isAccessToken(a.token), true);
    assert.equal(isAccessToken(formatApiKey(newPublicId(), newSecret())), false);
  });
});

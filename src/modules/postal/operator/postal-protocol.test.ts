import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { httpPostalOperator } from './postal-operator.ts';
import { parseCallback, signBody, verifyBody } from './postal-protocol.ts';

// Issue 5 §4: the postal operator's callbacks are trusted only with the HMAC of their exact body.
const secret = 'unit-test-webhook-secret-0123';
const body = JSON.stringify({ DATA: { EVENT_ID: 'e1', ORDER_NUMBER: 'SIM000000001VN', ORDER_REFERENCE: 'BC1', ORDER_STATUS: 501, STATUS_NAME: 'Phát thành công', STATUS_DATE: '2026-11-24T08:00:00Z', MONEY_COLLECTION: 20000 } });

describe('postal callback protocol (issue 5 §4)', () => {
  it('verifies the HMAC-SHA256 of the raw body and nothing else', () => {
    const signature = signBody(body, secret);
    assert.match(signature, /^[0-9a-f]{64}$/);
    assert.equal(verifyBody(body, signature, secret), true);
    assert.equal(verifyBody(body, signature, `${secret}x`), false);
    assert.equal(verifyBody(`${body} `, signature, secret), false, 'one byte more in the body breaks it');
    assert.equal(verifyBody(body, undefined, secret), false);
    assert.equal(verifyBody(body, 'zz', secret), false);
  });

  it('reads a well-formed callback and refuses unknown status codes or missing fields', () => {
    assert.equal(parseCallback(body)?.MONEY_COLLECTION, 20000);
    assert.equal(parseCallback(body.replace('501', '999')), undefined);
    assert.equal(parseCallback('{"DATA":{"EVENT_ID":"e"}}'), undefined);
    assert.equal(parseCallback('not json'), undefined);
  });

  it('the adapter accepts only a signed callback', () => {
    const operator = httpPostalOperator({ url: 'http://127.0.0.1:9', token: 'token-0123', webhookSecret: secret });
    assert.equal(operator.readCallback(body, signBody(body, secret))?.ORDER_NUMBER, 'SIM000000001VN');
    assert.equal(operator.readCallback(body, signBody(body, 'other-secret')), undefined);
  });
});

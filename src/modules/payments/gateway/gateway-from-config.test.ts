import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../config.ts';
import { gatewayFromConfig } from './gateway-from-config.ts';
import { createNationalPlatformGateway } from './national-platform-gateway.ts';
import { hmacHex } from './vnpay-protocol.ts';
import { canonicalText } from './national-platform-gateway.ts';

const settings = { PAYMENT_GATEWAY_URL: 'https://pay.example.vn/pay', PAYMENT_GATEWAY_API_URL: 'https://pay.example.vn/api', PAYMENT_MERCHANT_CODE: 'M1', PAYMENT_HASH_SECRET: 'secret-secret' };
const order = { reference: 'DVC261204ABCDEF0123', amount: 20_000, info: 'Thanh toan ho so', createdAt: new Date('2026-12-04T03:00:00Z') };

describe('payment gateway settings and the national platform model (issue 5 §2, OTHER-06)', () => {
  it('takes the four gateway settings together or not at all', () => {
    assert.throws(() => loadConfig({ PAYMENT_GATEWAY_URL: settings.PAYMENT_GATEWAY_URL }), ConfigError);
    assert.equal(gatewayFromConfig(loadConfig({})), undefined);
    assert.equal(gatewayFromConfig(loadConfig(settings))?.method, 'online-gateway');
    assert.equal(gatewayFromConfig(loadConfig({ ...settings, PAYMENT_GATEWAY: 'national-platform' }))?.method, 'national-platform');
  });

  it('the VNPAY-style redirect carries the amount × 100 and verifies as a callback only with the secret', () => {
    const gateway = gatewayFromConfig(loadConfig(settings))!;
    const url = new URL(gateway.redirectUrl(order, { returnUrl: 'https://dvc.example.vn/thanh-toan/ket-qua', ipAddr: '10.0.0.1', lang: 'vi' }));
    assert.equal(url.searchParams.get('vnp_Amount'), '2000000');
    assert.equal(url.searchParams.get('vnp_CreateDate'), '20261204100000');
    const params = Object.fromEntries(url.searchParams);
    assert.equal(gateway.readCallback(params)?.amount, 20_000);
    assert.equal(gateway.readCallback({ ...params, vnp_Amount: '2000100' }), undefined);
    assert.equal(gatewayFromConfig(loadConfig({ ...settings, PAYMENT_HASH_SECRET: 'another-secret' }))!.readCallback(params), undefined);
  });

  it('signs the national platform redirect and callbacks with HMAC-SHA256 over the canonical text', () => {
    const gateway = createNationalPlatformGateway({ paymentUrl: 'https://ttdvcqg.example.vn/pay', apiUrl: 'https://ttdvcqg.example.vn/api', merchantCode: 'M2', secret: 's3cret' });
    const url = new URL(gateway.redirectUrl(order, { returnUrl: 'https://dvc.example.vn/r', ipAddr: '10.0.0.1', lang: 'vi' }));
    const params = Object.fromEntries(url.searchParams);
    assert.equal(params['signature'], hmacHex('sha256', 's3cret', canonicalText(params)));
    assert.equal(canonicalText({ b: 2, a: 'x y', empty: '', signature: 'z' }), 'a=x y&b=2');
    const callback = { merchantCode: 'M2', orderId: order.reference, amount: '20000', status: 'SUCCESS', transactionId: 'T1', paidAt: '2026-12-04T03:05:00Z' };
    const signed = { ...callback, signature: hmacHex('sha256', 's3cret', canonicalText(callback)) };
    assert.deepEqual(gateway.readCallback(signed), { reference: order.reference, amount: 20_000, success: true, code: 'SUCCESS', transactionNo: 'T1', paidAt: new Date('2026-12-04T03:05:00Z') });
    assert.equal(gateway.readCallback({ ...signed, amount: '1' }), undefined);
    assert.equal(gateway.readCallback({ ...signed, merchantCode: 'M3' }), undefined);
  });
});

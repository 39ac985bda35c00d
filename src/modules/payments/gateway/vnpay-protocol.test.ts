import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseVnpDate, pipeHash, queryRequestFields, signedQuery, signingData, signParams, verifyParams, vnpDate, vnpEncode, isSuccess,
} from './vnpay-protocol.ts';

// The known vector (docs/payments.md): the signing data and its HMAC-SHA512 were checked independently with
// `printf '%s' "$DATA" | openssl dgst -sha512 -hmac SECRETDEMO0123456789`.
const secret = 'SECRETDEMO0123456789';
const payment = {
  vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: 'DEMO0001', vnp_Amount: '1500000', vnp_CurrCode: 'VND', vnp_TxnRef: 'OD260115ABC123',
  vnp_OrderInfo: 'Thanh toan ho so G22.41-260115-0001', vnp_OrderType: 'other', vnp_Locale: 'vn', vnp_ReturnUrl: 'http://localhost:3000/thanh-toan/ket-qua',
  vnp_IpAddr: '127.0.0.1', vnp_CreateDate: '20260115103000',
};
const data = 'vnp_Amount=1500000&vnp_Command=pay&vnp_CreateDate=20260115103000&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn'
  + '&vnp_OrderInfo=Thanh+toan+ho+so+G22.41-260115-0001&vnp_OrderType=other&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A3000%2Fthanh-toan%2Fket-qua'
  + '&vnp_TmnCode=DEMO0001&vnp_TxnRef=OD260115ABC123&vnp_Version=2.1.0';
const hash = 'b64555312134d2cc431f5fd6f4555b150905170bc64d52ac5f6a09b44c078a711c42a1a9a0ef61a904a1cb2005ea808fee13d5de75a0696a9c533c32096fa445';

describe('VNPAY-style signing (issue 5 §2)', () => {
  it('signs the sorted, URL-encoded parameters with HMAC-SHA512 (known vector)', () => {
    assert.equal(signingData(payment), data);
    assert.equal(signParams(payment, secret), hash);
    assert.equal(signedQuery(payment, secret), `${data}&vnp_SecureHash=${hash}`);
  });

  it('encodes values like PHP urlencode', () => {
    for (const [input, expected] of [
      ['a b', 'a+b'], ['Hồ sơ', 'H%E1%BB%93+s%C6%A1'], ["x!'()*~", 'x%21%27%28%29%2A%7E'], ['a&b=c', 'a%26b%3Dc'], ['-_.', '-_.'],
    ] as const) assert.equal(vnpEncode(input), expected, input);
  });

  it('leaves out empty values, non-vnp parameters and the hash itself', () => {
    assert.equal(signingData({ ...payment, vnp_BankCode: '', vnp_SecureHash: 'x', vnp_SecureHashType: 'SHA512', other: '1' }), data);
  });

  it('verifies callbacks: the exact parameters pass, any change or a wrong secret fails', () => {
    const params = { ...payment, vnp_SecureHash: hash };
    const cases: [string, Record<string, string>, string, boolean][] = [
      ['as signed', params, secret, true],
      ['upper-case hash', { ...params, vnp_SecureHash: hash.toUpperCase() }, secret, true],
      ['amount changed', { ...params, vnp_Amount: '1500100' }, secret, false],
      ['parameter added', { ...params, vnp_ResponseCode: '00' }, secret, false],
      ['wrong secret', params, 'another-secret', false],
      ['no hash', { ...payment }, secret, false],
      ['hash not hex', { ...params, vnp_SecureHash: 'z'.repeat(128) }, secret, false],
      ['truncated hash', { ...params, vnp_SecureHash: hash.slice(0, 64) }, secret, false],
    ];
    for (const [name, input, key, expected] of cases) assert.equal(verifyParams(input, key), expected, name);
  });

  it('signs the querydr fields joined with | in their documented order (known vector)', () => {
    const values = { vnp_RequestId: 'REQ1', vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: 'DEMO0001', vnp_TxnRef: 'OD260115ABC123',
      vnp_TransactionDate: '20260115103000', vnp_CreateDate: '20260115110000', vnp_IpAddr: '127.0.0.1', vnp_OrderInfo: 'Truy van' };
    assert.equal(pipeHash(queryRequestFields, values, secret),
      '34abe8290b491eb9c49ff0f524e20bfae5d1650aeaef619010afff681b308ed9655049fe7be3badd30c0151eebce3a7dcb3f332092164deab3a4d30f0578de89');
  });

  it('writes and reads dates in GMT+7', () => {
    assert.equal(vnpDate(new Date('2026-01-15T03:30:00Z')), '20260115103000');
    assert.equal(vnpDate(new Date('2026-12-31T17:00:00Z')), '20270101000000');
    assert.equal(parseVnpDate('20260115103000')?.toISOString(), '2026-01-15T03:30:00.000Z');
    assert.equal(parseVnpDate('2026-01-15'), undefined);
  });

  it('counts a payment as made only when response code and transaction status are 00', () => {
    assert.equal(isSuccess({ vnp_ResponseCode: '00', vnp_TransactionStatus: '00' }), true);
    assert.equal(isSuccess({ vnp_ResponseCode: '51', vnp_TransactionStatus: '02' }), false);
    assert.equal(isSuccess({ vnp_ResponseCode: '00', vnp_TransactionStatus: '02' }), false);
  });
});

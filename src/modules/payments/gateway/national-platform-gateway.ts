import { randomBytes } from 'node:crypto';
import type { PaymentGateway } from './payment-gateway.ts';
import { withoutSignatures } from './payment-gateway.ts';
import { hmacHex, sameDigest } from './vnpay-protocol.ts';

export interface NationalPlatformSettings {
  /** Where the payer is sent (the platform's payment page). */
  paymentUrl: string;
  /** Base URL of its merchant API (`/orders/query`, `/orders/refund`). */
  apiUrl: string;
  merchantCode: string;
  secret: string;
  timeoutMs?: number;
}

/** The canonical text signed by the platform model: `key=value` sorted by key, joined with `&`, signatures left out. */
export function canonicalText(values: Record<string, unknown>): string {
  return Object.keys(values).filter((k) => k !== 'signature' && values[k] !== undefined && values[k] !== null && values[k] !== '').sort()
    .map((k) => `${k}=${String(values[k])}`).join('&');
}

/**
 * The national payment platform (Nền tảng thanh toán trên Cổng DVCQG; OTHER-06) behind the same interface. Its
 * protocol is not public here, so this is a documented MODEL (docs/payments.md): a signed redirect and callbacks
 * with `signature` = HMAC-SHA256 (hex) of the canonical text, and a JSON API whose requests and responses carry
 * the same signature in the `x-signature` header. Replace the wire format when the platform's specification is
 * available; the use cases do not change.
 */
export function createNationalPlatformGateway(settings: NationalPlatformSettings): PaymentGateway {
  const sign = (values: Record<string, unknown>) => hmacHex('sha256', settings.secret, canonicalText(values));
  const call = async (path: string, body: Record<string, unknown>) => {
    const text = JSON.stringify(body);
    const response = await fetch(`${settings.apiUrl.replace(/\/$/, '')}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': sign(body) }, body: text, signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`national payment platform answered HTTP ${response.status}`);
    const data = await response.json() as Record<string, unknown>;
    if (!sameDigest(response.headers.get('x-signature') ?? undefined, sign(data))) throw new Error('national payment platform response has an invalid signature');
    return data;
  };
  return {
    method: 'national-platform',
    label: 'Nền tảng thanh toán Cổng DVCQG',
    redirectUrl(order, input) {
      const values = {
        merchantCode: settings.merchantCode, orderId: order.reference, amount: order.amount, currency: 'VND', description: order.info,
        returnUrl: input.returnUrl, clientIp: input.ipAddr, locale: input.lang, createdAt: order.createdAt.toISOString(),
      };
      const query = new URLSearchParams(Object.entries({ ...values, signature: sign(values) }).map(([k, v]) => [k, String(v)]));
      return `${settings.paymentUrl}?${query}`;
    },
    readCallback(params) {
      if (!sameDigest(params['signature'], sign(params)) || params['merchantCode'] !== settings.merchantCode || !params['orderId']) return undefined;
      const amount = /^\d+$/.test(params['amount'] ?? '') ? Number(params['amount']) : undefined;
      return {
        reference: params['orderId'], amount, success: params['status'] === 'SUCCESS', code: params['status'] ?? '',
        transactionNo: params['transactionId'] || undefined, paidAt: params['paidAt'] ? new Date(params['paidAt']) : undefined,
      };
    },
    async query(order, now) {
      const data = await call('/orders/query', { merchantCode: settings.merchantCode, orderId: order.reference, requestId: randomBytes(8).toString('hex'), timestamp: now.toISOString() });
      const status = String(data['status'] ?? '');
      const state = status === 'SUCCESS' ? 'paid' : status === 'PENDING' ? 'pending' : status === 'NOT_FOUND' ? 'unknown' : status === 'REFUNDED' ? 'refunded' : 'failed';
      return { state, code: status, amount: typeof data['amount'] === 'number' ? data['amount'] : undefined, transactionNo: data['transactionId'] ? String(data['transactionId']) : undefined, raw: withoutSignatures(data) };
    },
    async refund(order, input) {
      const data = await call('/orders/refund', {
        merchantCode: settings.merchantCode, orderId: order.reference, transactionId: order.transactionNo, amount: input.amount, requestedBy: input.by,
        requestId: randomBytes(8).toString('hex'), timestamp: input.now.toISOString(),
      });
      return { ok: data['status'] === 'REFUNDED', code: String(data['status'] ?? ''), raw: withoutSignatures(data) };
    },
  };
}

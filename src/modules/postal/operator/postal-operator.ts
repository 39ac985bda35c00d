import type { CallbackData, CreateOrderRequest, CreatedOrder, OperatorReply, TrackingEntry } from './postal-protocol.ts';
import { parseCallback, verifyBody } from './postal-protocol.ts';

export interface PostalOperatorSettings { url: string; token: string; webhookSecret: string }

/** A refusal by the operator (a business error, not worth retrying as such). */
export class OperatorRefusal extends Error {}

/**
 * The postal operator adapter (issue 5 §4): order creation, cancel and tracking over the operator's JSON API with
 * its token header, and the verification of its signed tracking callbacks. A network error or a 5xx throws (the
 * outbox retries); a refusal throws `OperatorRefusal`.
 */
export interface PostalOperator {
  label: string;
  createOrder(order: CreateOrderRequest): Promise<CreatedOrder>;
  cancelOrder(orderCode: string): Promise<void>;
  track(orderCode: string): Promise<TrackingEntry[]>;
  /** The callback when its signature verifies and its body is well formed; undefined for anything else. */
  readCallback(rawBody: string, signature: string | undefined): CallbackData | undefined;
}

export function httpPostalOperator(settings: PostalOperatorSettings, label = 'Bưu điện'): PostalOperator {
  const base = settings.url.replace(/\/$/, '');
  const call = async <T>(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method: init.method, headers: { Token: settings.token, 'content-type': 'application/json', accept: 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }), signal: AbortSignal.timeout(15_000),
    });
    if (response.status >= 500) throw new Error(`postal operator: HTTP ${response.status}`);
    const reply = await response.json() as OperatorReply<T>;
    if (reply.error || reply.status !== 200 || reply.data === undefined) throw new OperatorRefusal(`postal operator refused: ${reply.status} ${reply.message}`);
    return reply.data;
  };
  return {
    label,
    createOrder: (order) => call<CreatedOrder>('/v2/order/createOrder', { method: 'POST', body: order }),
    cancelOrder: async (orderCode) => { await call<unknown>('/v2/order/UpdateOrder', { method: 'POST', body: { TYPE: 4, ORDER_NUMBER: orderCode, NOTE: 'Hủy theo yêu cầu của cơ quan' } }); },
    track: (orderCode) => call<TrackingEntry[]>(`/v2/order/tracking?ORDER_NUMBER=${encodeURIComponent(orderCode)}`, { method: 'GET' }),
    readCallback: (rawBody, signature) => (verifyBody(rawBody, signature, settings.webhookSecret) ? parseCallback(rawBody) : undefined),
  };
}

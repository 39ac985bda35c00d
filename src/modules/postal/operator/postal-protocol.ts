import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PostalOrderStatus } from '../tables.ts';

/**
 * The wire format of the postal operator (issue 5 §4), modelled on the JSON APIs of Vietnamese operators
 * (ViettelPost / VNPost style): a `Token` header on every call, upper-case field names, the operator's ORDER_NUMBER
 * and numeric ORDER_STATUS codes. Tracking callbacks carry an EVENT_ID and are signed: `X-Signature` is the hex
 * HMAC-SHA256 of the raw request body with the shared webhook secret. Shared by the adapter and the simulator.
 */
export const operatorStatus = {
  accepted: 100, cancelled: 107, pickedUp: 200, inTransit: 300, delivered: 501, failed: 505,
} as const;
export type OperatorStatusCode = (typeof operatorStatus)[keyof typeof operatorStatus];

/** What each operator code means for our order. */
export const orderStatusOfCode: Record<number, PostalOrderStatus> = {
  100: 'created', 107: 'cancelled', 200: 'pickedUp', 300: 'inTransit', 501: 'delivered', 505: 'failed',
};

/** How far along an order is: a callback that would move it back (late, out of order) changes nothing. */
export const progressRank: Record<PostalOrderStatus, number> = {
  requested: 0, created: 1, cancelRequested: 1, pickedUp: 2, inTransit: 3, delivered: 4, failed: 4, cancelled: 4,
};

export interface CreateOrderRequest {
  ORDER_REFERENCE: string;
  /** 1 = pick up from the sender (paper components to the desk); 2 = deliver from the agency (the result). */
  ORDER_SERVICE_TYPE: 1 | 2;
  SENDER_FULLNAME: string; SENDER_ADDRESS: string; SENDER_PHONE: string;
  RECEIVER_FULLNAME: string; RECEIVER_ADDRESS: string; RECEIVER_PHONE: string;
  PRODUCT_NAME: string;
  /** Cash to collect from the receiver, VND. */
  MONEY_COLLECTION: number;
}

export interface OperatorReply<T> { status: number; error: boolean; message: string; data?: T }
export interface CreatedOrder { ORDER_NUMBER: string; MONEY_TOTAL: number }
export interface TrackingEntry { ORDER_STATUS: number; STATUS_NAME: string; STATUS_DATE: string }

/** The body of a tracking callback. */
export interface CallbackData {
  EVENT_ID: string; ORDER_NUMBER: string; ORDER_REFERENCE: string; ORDER_STATUS: number; STATUS_NAME: string; STATUS_DATE: string;
  /** Cash collected from the receiver with this event (on 501), VND. */
  MONEY_COLLECTION: number; NOTE?: string;
}

export function signBody(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

export function verifyBody(rawBody: string, signature: string | undefined, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(signBody(rawBody, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** The callback's body when it is well formed; undefined otherwise. */
export function parseCallback(rawBody: string): CallbackData | undefined {
  let parsed: unknown;
  try { parsed = JSON.parse(rawBody); } catch { return undefined; }
  const data = (parsed as { DATA?: Partial<CallbackData> } | null)?.DATA;
  if (!data || typeof data.EVENT_ID !== 'string' || typeof data.ORDER_NUMBER !== 'string' || typeof data.ORDER_STATUS !== 'number') return undefined;
  if (!(data.ORDER_STATUS in orderStatusOfCode)) return undefined;
  return {
    EVENT_ID: data.EVENT_ID, ORDER_NUMBER: data.ORDER_NUMBER, ORDER_REFERENCE: String(data.ORDER_REFERENCE ?? ''), ORDER_STATUS: data.ORDER_STATUS,
    STATUS_NAME: String(data.STATUS_NAME ?? ''), STATUS_DATE: String(data.STATUS_DATE ?? ''), MONEY_COLLECTION: Number(data.MONEY_COLLECTION ?? 0) || 0,
    ...(typeof data.NOTE === 'string' ? { NOTE: data.NOTE } : {}),
  };
}

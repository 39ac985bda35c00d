import type { PaymentMethod } from '../tables.ts';

/** An order as a gateway sees it. */
export interface GatewayOrder {
  reference: string;
  /** VND. */
  amount: number;
  /** Plain ASCII description (gateways refuse diacritics in order info). */
  info: string;
  createdAt: Date;
}

/** A return or IPN call, once its signature verified. */
export interface GatewayCallback {
  reference: string;
  /** VND, as the gateway states it (undefined when missing or malformed). */
  amount: number | undefined;
  success: boolean;
  /** The gateway's response code (00 success, 24 cancelled, 51 insufficient funds...). */
  code: string;
  transactionNo?: string | undefined;
  bankCode?: string | undefined;
  paidAt?: Date | undefined;
}

/** What the gateway's query API says about an order. */
export interface GatewayQueryResult {
  /** `unknown`: the gateway has no such order (never reached it). */
  state: 'paid' | 'failed' | 'pending' | 'unknown' | 'refunded';
  amount?: number | undefined;
  transactionNo?: string | undefined;
  bankCode?: string | undefined;
  code: string;
  /** The response, for the payment_event log (signatures removed). */
  raw: Record<string, unknown>;
}

export interface GatewayRefundResult { ok: boolean; code: string; raw: Record<string, unknown> }

/**
 * One payment gateway behind the payments module (issue 5 §2): the VNPAY-style gateway or the national payment
 * platform. `redirectUrl` and `readCallback` are pure (signing, verifying); `query` and `refund` call the gateway
 * and are used from jobs (reconciliation) and, once, from the return page, never elsewhere inside a request.
 */
export interface PaymentGateway {
  readonly method: Exclude<PaymentMethod, 'counter'>;
  /** Shown on receipts and the timeline, e.g. "VNPAY". */
  readonly label: string;
  redirectUrl(order: GatewayOrder, input: { returnUrl: string; ipAddr: string; lang: 'vi' | 'en' }): string;
  /** The verified content of a return or IPN call; undefined when the signature does not verify. */
  readCallback(params: Record<string, string>): GatewayCallback | undefined;
  query(order: GatewayOrder, now: Date): Promise<GatewayQueryResult>;
  refund(order: GatewayOrder & { transactionNo: string }, input: { amount: number; by: string; now: Date }): Promise<GatewayRefundResult>;
}

/** Parameters as logged: everything but signatures (never a secret: the hash secret is not in them). */
export function withoutSignatures(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => !/securehash|signature/i.test(key)));
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The widely used Vietnamese gateway protocol (VNPAY "pay" API 2.1.0), as pure functions (issue 5 §2):
 * - the payment redirect and the return/IPN callbacks carry `vnp_*` parameters and `vnp_SecureHash`, the
 *   HMAC-SHA512 (hex) of the parameters sorted by name, each `name=value` URL-encoded as PHP's `urlencode`
 *   does (space as `+`), joined with `&`; empty values are left out; `vnp_SecureHash(Type)` never signs itself;
 * - the `querydr` and `refund` JSON APIs sign a fixed list of fields joined with `|` (each has its own order,
 *   and so does each response).
 * Dates are `yyyyMMddHHmmss` in GMT+7; amounts are VND × 100.
 */
export type VnpParams = Record<string, string>;

export const vnpVersion = '2.1.0';

/** PHP `urlencode`: RFC 3986 unreserved except `~`, everything else percent-encoded, space as `+`. */
export function vnpEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

export function hmacHex(algorithm: 'sha512' | 'sha256', secret: string, data: string): string {
  return createHmac(algorithm, secret).update(Buffer.from(data, 'utf8')).digest('hex');
}

/** The text that is signed: the non-empty `vnp_` parameters but the hash, sorted by name, encoded, joined with `&`. */
export function signingData(params: VnpParams): string {
  return Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && key !== 'vnp_SecureHash' && key !== 'vnp_SecureHashType' && params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => `${vnpEncode(key)}=${vnpEncode(params[key]!)}`)
    .join('&');
}

export function signParams(params: VnpParams, secret: string): string {
  return hmacHex('sha512', secret, signingData(params));
}

/** The signed query string of a redirect: the signing data and `vnp_SecureHash`. */
export function signedQuery(params: VnpParams, secret: string): string {
  const data = signingData(params);
  return `${data}&vnp_SecureHash=${hmacHex('sha512', secret, data)}`;
}

/** Constant-time comparison of two hex digests (case-insensitive, as gateways send either case). */
export function sameDigest(a: string | undefined, b: string): boolean {
  if (!a || !/^[0-9a-fA-F]+$/.test(a) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a.toLowerCase(), 'utf8'), Buffer.from(b.toLowerCase(), 'utf8'));
}

/** Whether a return or IPN call carries a valid `vnp_SecureHash` over its other parameters. */
export function verifyParams(params: VnpParams, secret: string): boolean {
  return sameDigest(params['vnp_SecureHash'], signParams(params, secret));
}

/** The `|`-joined hash of the JSON APIs, over the given fields in the given order (absent = empty). */
export function pipeHash(fields: readonly string[], values: Record<string, unknown>, secret: string): string {
  return hmacHex('sha512', secret, fields.map((f) => (values[f] === undefined || values[f] === null ? '' : String(values[f]))).join('|'));
}

export const queryRequestFields = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'] as const;
export const queryResponseFields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'] as const;
export const refundRequestFields = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo',
  'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'] as const;
export const refundResponseFields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo'] as const;

/** `yyyyMMddHHmmss` in GMT+7 (Vietnam has no daylight saving time). */
export function vnpDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function parseVnpDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`) : undefined;
}

/** IPN answers (the merchant's reply to the gateway's server-to-server call). */
export const ipnReplies = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  other: { RspCode: '99', Message: 'Unknow error' },
} as const;
export type IpnReply = (typeof ipnReplies)[keyof typeof ipnReplies];

/** A payment succeeded only when both the response code and the transaction status say 00. */
export function isSuccess(params: VnpParams): boolean {
  return params['vnp_ResponseCode'] === '00' && (params['vnp_TransactionStatus'] ?? '00') === '00';
}

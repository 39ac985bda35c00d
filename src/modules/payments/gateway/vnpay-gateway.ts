import { randomBytes } from 'node:crypto';
import type { GatewayOrder, GatewayQueryResult, PaymentGateway } from './payment-gateway.ts';
import { withoutSignatures } from './payment-gateway.ts';
import {
  isSuccess, parseVnpDate, pipeHash, queryRequestFields, queryResponseFields, refundRequestFields, refundResponseFields, sameDigest, signedQuery,
  verifyParams, vnpDate, vnpVersion,
} from './vnpay-protocol.ts';

export interface VnpaySettings {
  /** The payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html */
  paymentUrl: string;
  /** The merchant web API for querydr and refund, e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction */
  apiUrl: string;
  tmnCode: string;
  hashSecret: string;
  /** The address the server calls the API from (vnp_IpAddr of querydr/refund). */
  serverIp?: string;
  timeoutMs?: number;
}

const requestId = () => randomBytes(8).toString('hex');
const amountOf = (text: unknown) => (typeof text === 'string' || typeof text === 'number') && /^\d+$/.test(String(text)) && Number(text) % 100 === 0 ? Number(text) / 100 : undefined;

/** The VNPAY-style gateway (protocol in vnpay-protocol.ts; settings from config.ts, never in the repository). */
export function createVnpayGateway(settings: VnpaySettings): PaymentGateway {
  const serverIp = settings.serverIp ?? '127.0.0.1';
  const call = async (body: Record<string, unknown>, responseFields: readonly string[]): Promise<Record<string, unknown>> => {
    const response = await fetch(settings.apiUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`payment gateway API answered HTTP ${response.status}`);
    const data = await response.json() as Record<string, unknown>;
    // A response that does not verify is not believed (it might not come from the gateway).
    if (typeof data['vnp_SecureHash'] === 'string' && !sameDigest(data['vnp_SecureHash'], pipeHash(responseFields, data, settings.hashSecret))) {
      throw new Error('payment gateway API response has an invalid signature');
    }
    return data;
  };
  return {
    method: 'online-gateway',
    label: 'VNPAY',
    redirectUrl(order, input) {
      const params = {
        vnp_Version: vnpVersion, vnp_Command: 'pay', vnp_TmnCode: settings.tmnCode, vnp_Amount: String(order.amount * 100), vnp_CurrCode: 'VND',
        vnp_TxnRef: order.reference, vnp_OrderInfo: order.info, vnp_OrderType: 'other', vnp_Locale: input.lang === 'en' ? 'en' : 'vn',
        vnp_ReturnUrl: input.returnUrl, vnp_IpAddr: input.ipAddr, vnp_CreateDate: vnpDate(order.createdAt),
        vnp_ExpireDate: vnpDate(new Date(order.createdAt.getTime() + 15 * 60_000)),
      };
      return `${settings.paymentUrl}?${signedQuery(params, settings.hashSecret)}`;
    },
    readCallback(params) {
      if (!verifyParams(params, settings.hashSecret) || params['vnp_TmnCode'] !== settings.tmnCode || !params['vnp_TxnRef']) return undefined;
      return {
        reference: params['vnp_TxnRef'], amount: amountOf(params['vnp_Amount']), success: isSuccess(params), code: params['vnp_ResponseCode'] ?? '',
        transactionNo: params['vnp_TransactionNo'] || undefined, bankCode: params['vnp_BankCode'] || undefined, paidAt: parseVnpDate(params['vnp_PayDate']),
      };
    },
    async query(order: GatewayOrder, now: Date): Promise<GatewayQueryResult> {
      const body: Record<string, string> = {
        vnp_RequestId: requestId(), vnp_Version: vnpVersion, vnp_Command: 'querydr', vnp_TmnCode: settings.tmnCode, vnp_TxnRef: order.reference,
        vnp_OrderInfo: `Truy van ${order.reference}`, vnp_TransactionDate: vnpDate(order.createdAt), vnp_CreateDate: vnpDate(now), vnp_IpAddr: serverIp,
      };
      body['vnp_SecureHash'] = pipeHash(queryRequestFields, body, settings.hashSecret);
      const data = await call(body, queryResponseFields);
      const code = String(data['vnp_ResponseCode'] ?? '');
      const status = String(data['vnp_TransactionStatus'] ?? '');
      const raw = withoutSignatures(data);
      if (code === '91') return { state: 'unknown', code, raw };
      if (code !== '00') throw new Error(`payment gateway query failed with code ${code}`);
      const state = status === '00' ? 'paid' : status === '01' ? 'pending' : status === '05' || status === '06' ? 'refunded' : 'failed';
      return {
        state, code: status, amount: amountOf(data['vnp_Amount']), raw,
        transactionNo: data['vnp_TransactionNo'] ? String(data['vnp_TransactionNo']) : undefined, bankCode: data['vnp_BankCode'] ? String(data['vnp_BankCode']) : undefined,
      };
    },
    async refund(order, input) {
      const body: Record<string, string> = {
        vnp_RequestId: requestId(), vnp_Version: vnpVersion, vnp_Command: 'refund', vnp_TmnCode: settings.tmnCode, vnp_TransactionType: '02',
        vnp_TxnRef: order.reference, vnp_Amount: String(input.amount * 100), vnp_TransactionNo: order.transactionNo, vnp_TransactionDate: vnpDate(order.createdAt),
        vnp_CreateBy: input.by, vnp_CreateDate: vnpDate(input.now), vnp_IpAddr: serverIp, vnp_OrderInfo: `Hoan tien ${order.reference}`,
      };
      body['vnp_SecureHash'] = pipeHash(refundRequestFields, body, settings.hashSecret);
      const data = await call(body, refundResponseFields);
      return { ok: data['vnp_ResponseCode'] === '00', code: String(data['vnp_ResponseCode'] ?? ''), raw: withoutSignatures(data) };
    },
  };
}

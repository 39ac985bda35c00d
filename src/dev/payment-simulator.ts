import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenSimulator } from './listen-simulator.ts';
import { randomInt } from 'node:crypto';
import {
  pipeHash, queryRequestFields, queryResponseFields, refundRequestFields, refundResponseFields, sameDigest, signedQuery, verifyParams,
  vnpDate, type VnpParams,
} from '../modules/payments/gateway/vnpay-protocol.ts';

/**
 * A stand-in for a VNPAY-style payment gateway, for demos and tests only (never production; issue 5 §2). A real HTTP
 * server speaking the same protocol as `src/modules/payments/gateway/vnpay-gateway.ts`: the signed payment page
 * (Vietnamese, accessible, no script) where the tester picks the outcome, the signed redirect to the return URL,
 * the server-to-server IPN, and the `querydr` and `refund` JSON APIs. IPN modes reproduce what real gateways do
 * to merchants: an IPN before the redirect, after it (late), twice, twice at once, a forged one, or none at all.
 * `npm run paysim` starts it alone; `npm start` in demo mode starts it in-process; tests start it on port 0.
 */
export type IpnMode = 'normal' | 'before' | 'late' | 'repeated' | 'concurrent' | 'forged' | 'none';
export type PayOutcome = 'success' | 'insufficientFunds' | 'cancelled';
export const ipnModes: IpnMode[] = ['normal', 'before', 'late', 'repeated', 'concurrent', 'forged', 'none'];

export interface SimulatorMerchant {
  tmnCode: string;
  hashSecret: string;
  /** Where IPNs go; by default the return URL's origin + `/api/v1/payments/vnpay/ipn` (OpenDVC's IPN route). */
  ipnUrl?: string;
}

export interface SimulatedTransaction {
  txnRef: string;
  tmnCode: string;
  amount: number;
  orderInfo: string;
  returnUrl: string;
  createDate: string;
  /** vnp_TransactionStatus: 01 not completed, 00 success, 02 failed, 05 refunded. */
  status: '00' | '01' | '02' | '05';
  responseCode: string;
  transactionNo?: string;
  payDate?: string;
  bankCode?: string;
}

export interface IpnRecord { txnRef: string; forged: boolean; httpStatus: number; reply: unknown }

export interface RunningPaymentSimulator {
  url: string;
  paymentUrl: string;
  apiUrl: string;
  merchant: SimulatorMerchant;
  transactions: Map<string, SimulatedTransaction>;
  /** Every IPN sent, with the merchant's answer. */
  ipnLog: IpnRecord[];
  setMode(mode: { ipnMode?: IpnMode; lateMs?: number }): void;
  /** Drives the payment page's choice directly (what the form does); resolves with the return URL to follow. */
  pay(txnRef: string, outcome: PayOutcome, ipnMode?: IpnMode): Promise<string>;
  /** Waits until late IPNs have been delivered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const vnd = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
const outcomes: Record<PayOutcome, { label: string; responseCode: string; status: '00' | '02' }> = {
  success: { label: 'Thanh toán thành công', responseCode: '00', status: '00' },
  insufficientFunds: { label: 'Tài khoản không đủ số dư (mã 51)', responseCode: '51', status: '02' },
  cancelled: { label: 'Khách hàng hủy giao dịch (mã 24)', responseCode: '24', status: '02' },
};
const modeLabels: Record<IpnMode, string> = {
  normal: 'Bình thường (gửi IPN cùng lúc chuyển về)', before: 'IPN đến trước khi chuyển về', late: 'IPN đến muộn (sau khi chuyển về)',
  repeated: 'IPN gửi hai lần', concurrent: 'Hai IPN đồng thời', forged: 'IPN giả mạo (sai chữ ký)', none: 'Không gửi IPN (mất thông báo)',
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
.banner{background:#fff4ce;border:1px solid #8a6d00;padding:.5rem;margin-bottom:1rem}fieldset{margin:1rem 0;border:1px solid #666}
label{display:block;margin:.25rem 0}button{font-size:1rem;padding:.5rem 1rem;background:#004a99;color:#fff;border:0}dt{font-weight:bold}</style></head>
<body><main><p class="banner" role="note">Cổng thanh toán MÔ PHỎNG dành cho trình diễn và kiểm thử — không có giao dịch thật.</p>${body}</main></body></html>`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPaymentSimulator(options: { port?: number; host?: string; merchant: SimulatorMerchant; ipnMode?: IpnMode; lateMs?: number }): Promise<RunningPaymentSimulator> {
  const merchant = options.merchant;
  let ipnMode: IpnMode = options.ipnMode ?? 'normal';
  let lateMs = options.lateMs ?? 2000;
  const transactions = new Map<string, SimulatedTransaction>();
  const ipnLog: IpnRecord[] = [];
  const inFlight = new Set<Promise<unknown>>();

  const callbackParams = (txn: SimulatedTransaction): VnpParams => ({
    vnp_TmnCode: txn.tmnCode, vnp_Amount: String(txn.amount * 100), vnp_BankCode: txn.bankCode ?? 'NCB', vnp_BankTranNo: txn.transactionNo ? `VNP${txn.transactionNo}` : '',
    vnp_CardType: 'ATM', vnp_OrderInfo: txn.orderInfo, vnp_PayDate: txn.payDate ?? '', vnp_ResponseCode: txn.responseCode, vnp_TransactionNo: txn.transactionNo ?? '0',
    vnp_TransactionStatus: txn.status, vnp_TxnRef: txn.txnRef,
  });
  const ipnUrl = (txn: SimulatedTransaction) => merchant.ipnUrl ?? `${new URL(txn.returnUrl).origin}/api/v1/payments/vnpay/ipn`;
  const sendIpn = async (txn: SimulatedTransaction, forged = false): Promise<void> => {
    const params = callbackParams(txn);
    // A forger knows the protocol but not the secret, and wants a larger sum recorded as paid.
    const query = forged ? signedQuery({ ...params, vnp_ResponseCode: '00', vnp_TransactionStatus: '00' }, 'not-the-merchant-secret') : signedQuery(params, merchant.hashSecret);
    try {
      const response = await fetch(`${ipnUrl(txn)}?${query}`, { signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      let reply: unknown = text;
      try { reply = JSON.parse(text); } catch { /* keep the text */ }
      ipnLog.push({ txnRef: txn.txnRef, forged, httpStatus: response.status, reply });
    } catch (error) {
      ipnLog.push({ txnRef: txn.txnRef, forged, httpStatus: 0, reply: String(error) });
    }
  };
  const track = (work: Promise<unknown>) => { inFlight.add(work); void work.finally(() => inFlight.delete(work)); return work; };

  /** Settles the transaction as chosen, sends the IPN(s) per mode and returns where to send the payer. */
  const pay = async (txnRef: string, outcome: PayOutcome, mode: IpnMode = ipnMode): Promise<string> => {
    const txn = transactions.get(txnRef);
    if (!txn) throw new Error(`unknown transaction ${txnRef}`);
    if (txn.status === '01') {
      const chosen = outcomes[outcome];
      Object.assign(txn, { status: chosen.status, responseCode: chosen.responseCode, payDate: vnpDate(new Date()), bankCode: 'NCB',
        transactionNo: String(14_000_000 + randomInt(1_000_000)) });
    }
    const returnTo = `${txn.returnUrl}${txn.returnUrl.includes('?') ? '&' : '?'}${signedQuery(callbackParams(txn), merchant.hashSecret)}`;
    if (mode === 'before') await sendIpn(txn);
    if (mode === 'repeated') { await sendIpn(txn); await sendIpn(txn); }
    if (mode === 'concurrent') await Promise.all([sendIpn(txn), sendIpn(txn)]);
    if (mode === 'forged') await sendIpn(txn, true);
    if (mode === 'normal') track(sendIpn(txn));
    if (mode === 'late') track(new Promise((resolve) => setTimeout(resolve, lateMs)).then(() => sendIpn(txn)));
    return returnTo;
  };

  const paymentPage = (txn: SimulatedTransaction) => page('Thanh toán trực tuyến (mô phỏng)', `
<h1>Thanh toán trực tuyến (mô phỏng)</h1>
<dl><dt>Mã đơn hàng</dt><dd>${esc(txn.txnRef)}</dd><dt>Nội dung</dt><dd>${esc(txn.orderInfo)}</dd><dt>Số tiền</dt><dd>${esc(vnd(txn.amount))}</dd><dt>Đơn vị chấp nhận thanh toán</dt><dd>${esc(txn.tmnCode)}</dd></dl>
<form method="post" action="/paymentv2/vpcpay.html">
<input type="hidden" name="txnRef" value="${esc(txn.txnRef)}">
<fieldset><legend>Kết quả giao dịch muốn thử</legend>
${(Object.keys(outcomes) as PayOutcome[]).map((o, i) => `<label><input type="radio" name="outcome" value="${o}"${i === 0 ? ' checked' : ''}> ${esc(outcomes[o].label)}</label>`).join('\n')}
</fieldset>
<label for="ipnMode">Cách gửi thông báo kết quả (IPN) cho đơn vị</label>
<select id="ipnMode" name="ipnMode">${ipnModes.map((m) => `<option value="${m}"${m === ipnMode ? ' selected' : ''}>${esc(modeLabels[m])}</option>`).join('')}</select>
<p><button type="submit">Xác nhận thanh toán</button></p>
</form>`);

  const send = (response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    response.end(body);
  };
  const json = (response: ServerResponse, body: Record<string, unknown>, status = 200) => send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));

  const api = (body: Record<string, unknown>): Record<string, unknown> => {
    const command = body['vnp_Command'];
    const fields = command === 'refund' ? refundRequestFields : queryRequestFields;
    const base = { vnp_ResponseId: String(randomInt(1e9)), vnp_Command: String(command ?? ''), vnp_TmnCode: merchant.tmnCode, vnp_TxnRef: String(body['vnp_TxnRef'] ?? '') };
    const reply = (values: Record<string, unknown>, responseFields: readonly string[]) => ({ ...values, vnp_SecureHash: pipeHash(responseFields, values, merchant.hashSecret) });
    if ((command !== 'querydr' && command !== 'refund') || body['vnp_TmnCode'] !== merchant.tmnCode) return reply({ ...base, vnp_ResponseCode: '02', vnp_Message: 'Invalid request' }, queryResponseFields);
    if (!sameDigest(String(body['vnp_SecureHash'] ?? ''), pipeHash(fields, body, merchant.hashSecret))) return reply({ ...base, vnp_ResponseCode: '97', vnp_Message: 'Invalid checksum' }, queryResponseFields);
    const txn = transactions.get(String(body['vnp_TxnRef']));
    if (!txn) return reply({ ...base, vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' }, command === 'refund' ? refundResponseFields : queryResponseFields);
    if (command === 'refund') {
      if (txn.status !== '00') return reply({ ...base, vnp_ResponseCode: '95', vnp_Message: 'Transaction not successful, refund refused' }, refundResponseFields);
      txn.status = '05';
    }
    const values = {
      ...base, vnp_ResponseCode: '00', vnp_Message: command === 'refund' ? 'Refund success' : 'QueryDR Success', vnp_Amount: String(txn.amount * 100), vnp_BankCode: txn.bankCode ?? '',
      vnp_PayDate: txn.payDate ?? '', vnp_TransactionNo: txn.transactionNo ?? '', vnp_TransactionType: command === 'refund' ? '02' : '01', vnp_TransactionStatus: txn.status,
      vnp_OrderInfo: txn.orderInfo, ...(command === 'querydr' ? { vnp_PromotionCode: '', vnp_PromotionAmount: '' } : {}),
    };
    return reply(values, command === 'refund' ? refundResponseFields : queryResponseFields);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (request.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') {
      const params = Object.fromEntries(url.searchParams) as VnpParams;
      const amount = Number(params['vnp_Amount']);
      if (params['vnp_TmnCode'] !== merchant.tmnCode || !verifyParams(params, merchant.hashSecret)) {
        return send(response, 400, 'text/html; charset=utf-8', page('Sai chữ ký', '<h1>Giao dịch không hợp lệ</h1><p>Sai chữ ký hoặc mã đơn vị (mã lỗi 70).</p>'));
      }
      if (params['vnp_Command'] !== 'pay' || params['vnp_CurrCode'] !== 'VND' || !Number.isInteger(amount) || amount <= 0 || amount % 100 !== 0 || !params['vnp_TxnRef'] || !params['vnp_ReturnUrl']) {
        return send(response, 400, 'text/html; charset=utf-8', page('Dữ liệu không hợp lệ', '<h1>Giao dịch không hợp lệ</h1><p>Dữ liệu gửi sang không đúng định dạng (mã lỗi 03).</p>'));
      }
      const known = transactions.get(params['vnp_TxnRef']);
      if (known && known.status !== '01') {
        return send(response, 409, 'text/html; charset=utf-8', page('Đơn hàng đã xử lý', '<h1>Đơn hàng đã được xử lý</h1><p>Mã đơn hàng này đã được thanh toán hoặc hủy.</p>'));
      }
      const txn: SimulatedTransaction = known ?? {
        txnRef: params['vnp_TxnRef'], tmnCode: merchant.tmnCode, amount: amount / 100, orderInfo: params['vnp_OrderInfo'] ?? '', returnUrl: params['vnp_ReturnUrl'],
        createDate: params['vnp_CreateDate'] ?? '', status: '01', responseCode: '',
      };
      transactions.set(txn.txnRef, txn);
      return send(response, 200, 'text/html; charset=utf-8', paymentPage(txn));
    }
    if (request.method === 'POST' && url.pathname === '/paymentv2/vpcpay.html') {
      const form = new URLSearchParams(await readBody(request));
      const outcome = (form.get('outcome') ?? 'success') as PayOutcome;
      const mode = (form.get('ipnMode') ?? ipnMode) as IpnMode;
      if (!transactions.has(form.get('txnRef') ?? '') || !(outcome in outcomes) || !ipnModes.includes(mode)) {
        return send(response, 400, 'text/html; charset=utf-8', page('Dữ liệu không hợp lệ', '<h1>Giao dịch không hợp lệ</h1>'));
      }
      return send(response, 303, 'text/plain', '', { location: await pay(form.get('txnRef')!, outcome, mode) });
    }
    if (request.method === 'POST' && url.pathname === '/merchant_webapi/api/transaction') {
      let body: Record<string, unknown>;
      try { body = JSON.parse(await readBody(request)) as Record<string, unknown>; } catch { return json(response, { vnp_ResponseCode: '03', vnp_Message: 'Invalid JSON' }, 400); }
      return json(response, api(body));
    }
    // Test and demo controls (this is a simulator): the default IPN mode and delay, and what IPNs were answered.
    if (request.method === 'POST' && url.pathname === '/_control') {
      const body = JSON.parse((await readBody(request)) || '{}') as { ipnMode?: IpnMode; lateMs?: number };
      if (body.ipnMode && ipnModes.includes(body.ipnMode)) ipnMode = body.ipnMode;
      if (typeof body.lateMs === 'number' && body.lateMs >= 0) lateMs = body.lateMs;
      return json(response, { ipnMode, lateMs });
    }
    if (request.method === 'GET' && url.pathname === '/_control/ipn-log') return json(response, { ipnMode, lateMs, ipns: ipnLog });
    return send(response, 404, 'text/html; charset=utf-8', page('Không tìm thấy', '<h1>Không tìm thấy trang</h1>'));
  };

  const listening = await listenSimulator(handle, options);
  const { url } = listening;
  return {
    url, paymentUrl: `${url}/paymentv2/vpcpay.html`, apiUrl: `${url}/merchant_webapi/api/transaction`, merchant, transactions, ipnLog,
    setMode(mode) { if (mode.ipnMode) ipnMode = mode.ipnMode; if (mode.lateMs !== undefined) lateMs = mode.lateMs; },
    pay,
    async settled() { while (inFlight.size) await Promise.allSettled([...inFlight]); },
    async close() {
      await Promise.allSettled([...inFlight]);
      await listening.close();
    },
  };
}


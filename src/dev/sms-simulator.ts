import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenSimulator } from './listen-simulator.ts';
import { randomUUID } from 'node:crypto';
import {
  customerCareSmsType, isVietnameseMobile, resultCodes, resultMessages, sendPath, type BrandnameSendReply, type BrandnameSendRequest,
} from '../platform/sms/brandname-protocol.ts';
import { countSmsSegments } from '../platform/sms/sms-text.ts';

/**
 * A stand-in for a brandname SMS gateway (eSMS.vn-style JSON, src/platform/sms/brandname-protocol.ts), for demos and
 * tests only (never production; issue 5 §3). A real HTTP server: it checks the keys, the brandname, the message type
 * and that the number is a Vietnamese mobile, keeps every accepted message with its encoding and segments, answers a
 * repeated RequestId with "duplicate" instead of sending twice, and can be told to fail the next calls (HTTP 500 or
 * an error code). `GET /messages` lists them as JSON for tests; `GET /` is a page where demo users read their
 * verification codes. `npm run smssim` starts it alone; `npm start` in demo mode starts it in-process; tests on port 0.
 */
export interface SimulatorSmsAccount {
  apiKey: string;
  secretKey: string;
  /** Brandnames registered to the account. */
  brandnames: string[];
}

export interface SimulatedSms {
  smsId: string;
  requestId: string | null;
  phone: string;
  content: string;
  brandname: string;
  isUnicode: boolean;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  characters: number;
  callbackUrl: string | null;
  receivedAt: string;
}

/** `http500`: the server fails; a result code (e.g. "103", "101"): the gateway answers with that error. */
export type SimulatedFailure = 'http500' | string;

export interface RunningSmsSimulator {
  url: string;
  /** The send endpoint: what SMS_GATEWAY_URL points at. */
  sendUrl: string;
  account: SimulatorSmsAccount;
  /** Accepted messages, oldest first. */
  messages: SimulatedSms[];
  /** How many send calls reached the server, accepted or not. */
  calls(): number;
  /** The next `count` send calls fail this way. */
  failNext(count: number, failure: SimulatedFailure): void;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const timeOf = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

function page(messages: readonly SimulatedSms[], brandnames: readonly string[]): string {
  const rows = [...messages].reverse().map((m) => `<tr><td>${esc(timeOf(m.receivedAt))}</td><td>${esc(m.phone)}</td><td>${esc(m.brandname)}</td>`
    + `<td class="content">${esc(m.content)}</td><td>${m.segments} (${esc(m.encoding)})</td></tr>`).join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tin nhắn SMS đã nhận (mô phỏng)</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
.banner{background:#fff4ce;border:1px solid #8a6d00;padding:.5rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #666;padding:.25rem .5rem;text-align:left;vertical-align:top}
.content{white-space:pre-wrap;word-break:break-word}.wrap{overflow-x:auto}a{color:#004a99}</style></head>
<body><main><p class="banner" role="note">Cổng SMS brandname MÔ PHỎNG dành cho trình diễn và kiểm thử — không tin nhắn nào được gửi tới điện thoại thật.</p>
<h1>Tin nhắn SMS đã nhận</h1>
<p>Brandname đã đăng ký: ${esc(brandnames.join(', '))}. Mã xác minh gửi qua SMS hiện ở đây; tải lại trang để xem tin mới (<a href="/">tải lại</a>, dữ liệu JSON: <a href="/messages">/messages</a>).</p>
${messages.length ? `<div class="wrap" role="region" aria-labelledby="list" tabindex="0"><table><caption id="list">${messages.length} tin nhắn, mới nhất trước</caption>
<thead><tr><th scope="col">Thời điểm</th><th scope="col">Số điện thoại</th><th scope="col">Brandname</th><th scope="col">Nội dung</th><th scope="col">Số tin (mã hóa)</th></tr></thead>
<tbody>${rows}</tbody></table></div>` : '<p>Chưa có tin nhắn nào.</p>'}
</main></body></html>`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSmsSimulator(options: { port?: number; host?: string; account: SimulatorSmsAccount }): Promise<RunningSmsSimulator> {
  const account = options.account;
  const messages: SimulatedSms[] = [];
  const byRequestId = new Map<string, SimulatedSms>();
  const failures: SimulatedFailure[] = [];
  let calls = 0;

  const send = (response: ServerResponse, status: number, type: string, body: string) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };
  const json = (response: ServerResponse, body: unknown, status = 200) => send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
  const refuse = (code: string): BrandnameSendReply => ({ CodeResult: code, ErrorMessage: resultMessages[code] ?? 'Error' });

  /** One send request, checked in the order a gateway would: account, brandname, type, number, then duplicates. */
  const accept = (body: Partial<BrandnameSendRequest>): BrandnameSendReply => {
    if (body.ApiKey !== account.apiKey || body.SecretKey !== account.secretKey) return refuse(resultCodes.wrongKey);
    if (!account.brandnames.includes(String(body.Brandname ?? ''))) return refuse(resultCodes.unknownBrandname);
    if (String(body.SmsType ?? '') !== customerCareSmsType) return refuse(resultCodes.unsupportedType);
    const phone = String(body.Phone ?? '').trim();
    if (!isVietnameseMobile(phone)) return refuse(resultCodes.badPhone);
    const requestId = body.RequestId ? String(body.RequestId) : null;
    const earlier = requestId ? byRequestId.get(requestId) : undefined;
    if (earlier) return { CodeResult: resultCodes.duplicateRequestId, SMSID: earlier.smsId, ErrorMessage: resultMessages[resultCodes.duplicateRequestId]! };
    const content = String(body.Content ?? '');
    const counted = countSmsSegments(content);
    const sms: SimulatedSms = {
      smsId: randomUUID().replaceAll('-', ''), requestId, phone, content, brandname: String(body.Brandname), isUnicode: String(body.IsUnicode) === '1',
      encoding: counted.encoding, segments: counted.segments, characters: counted.characters, callbackUrl: body.CallbackUrl ? String(body.CallbackUrl) : null,
      receivedAt: new Date().toISOString(),
    };
    messages.push(sms);
    if (requestId) byRequestId.set(requestId, sms);
    return { CodeResult: resultCodes.accepted, SMSID: sms.smsId };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (request.method === 'POST' && url.pathname === sendPath) {
      calls++;
      const failure = failures.shift();
      if (failure === 'http500') return send(response, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
      let body: Partial<BrandnameSendRequest>;
      try {
        body = JSON.parse(await readBody(request)) as Partial<BrandnameSendRequest>;
      } catch {
        return json(response, { Message: 'The request body is not valid JSON.' }, 400);
      }
      if (failure) return json(response, refuse(failure));
      if (!body.Content) return json(response, { Message: 'Content is required.' }, 400);
      return json(response, accept(body));
    }
    if (request.method === 'GET' && url.pathname === '/messages') {
      const phone = url.searchParams.get('phone');
      return json(response, { messages: phone ? messages.filter((m) => m.phone === phone) : messages });
    }
    if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', page(messages, account.brandnames));
    // Test and demo control (this is a simulator): make the next N send calls fail, e.g. {"failNext":2,"failWith":"http500"}.
    if (request.method === 'POST' && url.pathname === '/_control') {
      let body: { failNext?: unknown; failWith?: unknown };
      try { body = JSON.parse((await readBody(request)) || '{}') as typeof body; } catch { return json(response, { Message: 'Invalid JSON' }, 400); }
      const count = Number(body.failNext ?? 0);
      const failWith = String(body.failWith ?? 'http500');
      if (!Number.isInteger(count) || count < 0 || count > 1000 || !(failWith === 'http500' || /^\d{2,3}$/.test(failWith))) return json(response, { Message: 'failNext: 0..1000; failWith: "http500" or a result code' }, 400);
      failures.length = 0;
      for (let i = 0; i < count; i++) failures.push(failWith);
      return json(response, { failNext: failures.length, failWith });
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  };

  const listening = await listenSimulator(handle, options);
  const { url } = listening;
  return {
    url, sendUrl: `${url}${sendPath}`, account, messages,
    calls: () => calls,
    failNext(count, failure) {
      failures.length = 0;
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    async close() {
      await listening.close();
    },
  };
}

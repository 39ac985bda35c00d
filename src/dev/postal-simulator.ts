import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomInt, randomUUID } from 'node:crypto';
import { operatorStatus, signBody, type CallbackData, type CreateOrderRequest } from '../modules/postal/operator/postal-protocol.ts';

/**
 * A stand-in for a Vietnamese postal operator's order API, for demos and tests only (never production; issue 5 §4).
 * A real HTTP server speaking the protocol of `src/modules/postal/operator/` (Token header, ORDER_NUMBER, status
 * codes): it creates orders and returns their codes, cancels them, answers tracking, and sends signed callbacks to
 * OpenDVC's webhook as the parcel moves: accepted → picked up → in transit → delivered (collecting the COD) or
 * failed. The parcel moves on a timer (`advanceEveryMs`, the demo) or when told (`POST /control/advance`, tests),
 * and a callback can be repeated, delayed, or forged on demand. `npm run postsim` starts it alone; `npm start` in
 * demo mode starts it in-process; tests start it on port 0.
 */
export type ParcelStep = 'pickedUp' | 'inTransit' | 'delivered' | 'failed';

export interface SimulatedOrder {
  orderNumber: string;
  request: CreateOrderRequest;
  /** Every status the parcel went through, oldest first. */
  history: { status: number; name: string; at: string; eventId: string }[];
  codCollected: number;
}

export interface CallbackRecord { eventId: string; orderNumber: string; status: number; forged: boolean; httpStatus: number; reply: unknown }

export interface AdvanceOptions {
  /** Where to go; by default the next step (accepted → picked up → in transit → delivered). */
  to?: ParcelStep;
  /** Send the callback this many times in all (a repeated callback, same EVENT_ID). */
  times?: number;
  /** Send it after this many milliseconds instead of now (a late callback). */
  delayMs?: number;
  /** Sign it with a wrong secret. */
  forged?: boolean;
}

export interface RunningPostalSimulator {
  url: string;
  orders: Map<string, SimulatedOrder>;
  callbackLog: CallbackRecord[];
  /** Points the callbacks elsewhere (a test starts the simulator before the server that receives them). */
  setWebhookUrl(url: string): void;
  /** Moves a parcel one step (or to `to`) and sends the signed callback; resolves when it was answered. */
  advance(orderNumber: string, options?: AdvanceOptions): Promise<CallbackRecord[]>;
  /** Sends an already sent event again (a late repeat). */
  replay(eventId: string): Promise<CallbackRecord>;
  /** Waits until delayed callbacks have been sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const stepNames: Record<number, string> = {
  [operatorStatus.accepted]: 'Tiếp nhận đơn hàng', [operatorStatus.pickedUp]: 'Đã lấy hàng', [operatorStatus.inTransit]: 'Đang vận chuyển',
  [operatorStatus.delivered]: 'Phát thành công', [operatorStatus.failed]: 'Phát không thành công', [operatorStatus.cancelled]: 'Hủy đơn hàng',
};
const nextOf: Record<number, ParcelStep | undefined> = { 100: 'pickedUp', 200: 'inTransit', 300: 'delivered' };

export async function startPostalSimulator(options: {
  port?: number; host?: string; token: string; webhookSecret: string;
  /** OpenDVC's callback URL, e.g. http://localhost:3000/api/v1/postal/callback. */
  webhookUrl: string;
  /** When set, every live parcel moves one step this often (the demo); tests leave it unset and advance by hand. */
  advanceEveryMs?: number;
}): Promise<RunningPostalSimulator> {
  const orders = new Map<string, SimulatedOrder>();
  const callbackLog: CallbackRecord[] = [];
  const sentBodies = new Map<string, { orderNumber: string; status: number; body: string }>();
  const pending = new Set<Promise<unknown>>();
  let webhookUrl = options.webhookUrl;

  const send = async (eventId: string, forged = false): Promise<CallbackRecord> => {
    const sent = sentBodies.get(eventId)!;
    const signature = signBody(sent.body, forged ? `${options.webhookSecret}-forged` : options.webhookSecret);
    let httpStatus = 0;
    let reply: unknown = null;
    try {
      const response = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body: sent.body });
      httpStatus = response.status;
      reply = await response.json().catch(() => null);
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    const record = { eventId, orderNumber: sent.orderNumber, status: sent.status, forged, httpStatus, reply };
    callbackLog.push(record);
    return record;
  };

  const move = (order: SimulatedOrder, status: number): string => {
    const eventId = randomUUID();
    const at = new Date().toISOString();
    order.history.push({ status, name: stepNames[status]!, at, eventId });
    if (status === operatorStatus.delivered) order.codCollected = order.request.MONEY_COLLECTION;
    const data: CallbackData = {
      EVENT_ID: eventId, ORDER_NUMBER: order.orderNumber, ORDER_REFERENCE: order.request.ORDER_REFERENCE, ORDER_STATUS: status, STATUS_NAME: stepNames[status]!,
      STATUS_DATE: at, MONEY_COLLECTION: status === operatorStatus.delivered ? order.request.MONEY_COLLECTION : 0,
    };
    sentBodies.set(eventId, { orderNumber: order.orderNumber, status, body: JSON.stringify({ DATA: data }) });
    return eventId;
  };

  const advance = async (orderNumber: string, o: AdvanceOptions = {}): Promise<CallbackRecord[]> => {
    const order = orders.get(orderNumber);
    if (!order) throw new Error(`no order ${orderNumber}`);
    const current = order.history.at(-1)!.status;
    const step = o.to ?? nextOf[current];
    if (!step) throw new Error(`order ${orderNumber} is done (${current})`);
    const eventId = move(order, operatorStatus[step]);
    const deliver = async () => {
      const records: CallbackRecord[] = [];
      for (let i = 0; i < (o.times ?? 1); i++) records.push(await send(eventId, o.forged));
      return records;
    };
    if (!o.delayMs) return deliver();
    const later = new Promise<CallbackRecord[]>((resolve) => setTimeout(() => resolve(deliver()), o.delayMs));
    pending.add(later);
    void later.finally(() => pending.delete(later));
    return [];
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const ok = (res: ServerResponse, data: unknown) => json(res, 200, { status: 200, error: false, message: 'OK', data });
  const refuse = (res: ServerResponse, status: number, message: string) => json(res, 200, { status, error: true, message });
  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try { return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'); } catch { return undefined; }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://simulator');
      if (url.pathname.startsWith('/v2/') && req.headers['token'] !== options.token) return refuse(res, 401, 'Token không hợp lệ');
      if (req.method === 'POST' && url.pathname === '/v2/order/createOrder') {
        const body = await readBody(req) as Partial<CreateOrderRequest> | undefined;
        if (!body?.ORDER_REFERENCE || !body.RECEIVER_FULLNAME || !body.RECEIVER_PHONE || !body.RECEIVER_ADDRESS) return refuse(res, 400, 'Thiếu thông tin đơn hàng');
        const existing = [...orders.values()].find((o) => o.request.ORDER_REFERENCE === body.ORDER_REFERENCE);
        // The same reference twice (a retried request) gives the same order back, never a second parcel.
        const order = existing ?? { orderNumber: `SIM${String(randomInt(1e9)).padStart(9, '0')}VN`, request: body as CreateOrderRequest, history: [], codCollected: 0 };
        if (!existing) {
          orders.set(order.orderNumber, order);
          move(order, operatorStatus.accepted);
        }
        return ok(res, { ORDER_NUMBER: order.orderNumber, MONEY_TOTAL: 25000 });
      }
      if (req.method === 'POST' && url.pathname === '/v2/order/UpdateOrder') {
        const body = await readBody(req) as { TYPE?: number; ORDER_NUMBER?: string } | undefined;
        const order = body?.ORDER_NUMBER ? orders.get(body.ORDER_NUMBER) : undefined;
        if (!order || body?.TYPE !== 4) return refuse(res, 404, 'Không tìm thấy đơn hàng');
        const last = order.history.at(-1)!.status;
        if (last !== operatorStatus.accepted && last !== operatorStatus.cancelled) return refuse(res, 409, 'Đơn hàng đã lấy, không thể hủy');
        if (last !== operatorStatus.cancelled) {
          const eventId = move(order, operatorStatus.cancelled);
          const later = send(eventId);
          pending.add(later);
          void later.finally(() => pending.delete(later));
        }
        return ok(res, { ORDER_NUMBER: order.orderNumber });
      }
      if (req.method === 'GET' && url.pathname === '/v2/order/tracking') {
        const order = orders.get(url.searchParams.get('ORDER_NUMBER') ?? '');
        if (!order) return refuse(res, 404, 'Không tìm thấy đơn hàng');
        return ok(res, order.history.map((h) => ({ ORDER_STATUS: h.status, STATUS_NAME: h.name, STATUS_DATE: h.at })));
      }
      if (req.method === 'POST' && url.pathname === '/control/advance') {
        const body = await readBody(req) as (AdvanceOptions & { orderNumber?: string; replay?: string }) | undefined;
        try {
          if (body?.replay) return json(res, 200, [await replay(body.replay)]);
          return json(res, 200, await advance(body?.orderNumber ?? '', body ?? {}));
        } catch (error) {
          return json(res, 404, { error: error instanceof Error ? error.message : String(error) });
        }
      }
      if (req.method === 'GET' && url.pathname === '/control/orders') return json(res, 200, { orders: [...orders.values()], callbacks: callbackLog });
      return json(res, 404, { error: 'not found' });
    })().catch((error: unknown) => json(res, 500, { error: String(error) }));
  });

  const replay = (eventId: string) => {
    if (!sentBodies.has(eventId)) throw new Error(`no event ${eventId}`);
    return send(eventId);
  };

  // The demo: every live parcel moves one step per tick, the way a real one would over a day.
  const timer = options.advanceEveryMs ? setInterval(() => {
    for (const order of orders.values()) if (nextOf[order.history.at(-1)!.status]) void advance(order.orderNumber).catch(() => undefined);
  }, options.advanceEveryMs) : undefined;
  timer?.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url, orders, callbackLog, advance, replay, setWebhookUrl: (url: string) => { webhookUrl = url; },
    async settled() { while (pending.size) await Promise.all([...pending]); },
    async close() {
      if (timer) clearInterval(timer);
      await Promise.all([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

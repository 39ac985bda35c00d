import http from 'node:http';
import type { HttpClient } from './http-client.ts';
import type { TestServer } from './server.ts';

export interface SseEvent { event: string; id: string | undefined; data: string; receivedAt: number }

export interface SseStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Every event so far, in order (comments and `retry:` lines are not events). */
  events: SseEvent[];
  /** Everything received, comments included. */
  text(): string;
  /** The first event, already received or still to come, that matches; rejects when the stream ends first. */
  next(match: (event: SseEvent) => boolean, what?: string): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A raw Server-Sent Events client over node:http (no EventSource polyfill): sends the client's session cookie,
 * parses the `event:`/`id:`/`data:` fields of the stream as the HTML standard describes, keeps every event.
 * Resolves once the response head has arrived.
 */
export function openSse(server: TestServer, client: HttpClient | undefined, path: string): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.url}${path}`, { headers: { accept: 'text/event-stream', ...(client ? { cookie: client.cookie() } : {}) } }, (response) => {
      const events: SseEvent[] = [];
      const waiters: Array<{ match: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void; reject: (error: Error) => void; what: string }> = [];
      let raw = '';
      let buffer = '';
      let ended = false;
      let endedResolve!: () => void;
      const endedPromise = new Promise<void>((r) => { endedResolve = r; });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          let id: string | undefined;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const at = line.indexOf(':');
            const field = at === -1 ? line : line.slice(0, at);
            const value = at === -1 ? '' : line.slice(at + 1).replace(/^ /, '');
            if (field === 'event') event = value;
            else if (field === 'id') id = value;
            else if (field === 'data') data.push(value);
          }
          if (!data.length) continue;
          const parsed = { event, id, data: data.join('\n'), receivedAt: Date.now() };
          events.push(parsed);
          for (const waiter of [...waiters]) {
            if (!waiter.match(parsed)) continue;
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(parsed);
          }
        }
      });
      const finish = () => {
        if (ended) return;
        ended = true;
        endedResolve();
        for (const waiter of waiters.splice(0)) waiter.reject(new Error(`stream ended before ${waiter.what}`));
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
      resolve({
        status: response.statusCode ?? 0, headers: response.headers, events, ended: endedPromise,
        text: () => raw,
        next(match, what = 'the expected event') {
          const seen = events.find(match);
          if (seen) return Promise.resolve(seen);
          if (ended) return Promise.reject(new Error(`stream ended before ${what}`));
          return new Promise((res, rej) => { waiters.push({ match, resolve: res, reject: rej, what }); });
        },
        close: () => { request.destroy(); finish(); },
      });
    });
    request.on('error', reject);
  });
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningSimulator {
  /** Where the simulator answers, on 127.0.0.1 when it listens on every interface. */
  url: string;
  /** Ends open connections too: a keep-alive client must not hold a test or `npm start` open. */
  close(): Promise<void>;
}

/**
 * Serves a simulator's request handler on a port (0 picks a free one). A handler that throws answers 500 with the
 * error, as a broken gateway would; a failure to listen (EADDRINUSE) rejects, so the caller can pick another port.
 */
export async function listenSimulator(handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>, options: { port?: number | undefined; host?: string | undefined }): Promise<ListeningSimulator> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.end();
      else response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

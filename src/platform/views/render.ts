import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyReply } from 'fastify';

/** Server-side render with escaping by default; pages are complete HTML documents. */
export function sendPage(reply: FastifyReply, page: VNode, status?: number): FastifyReply {
  if (status) reply.code(status);
  return reply.type('text/html; charset=utf-8').send(`<!doctype html>${renderToString(page)}`);
}

export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

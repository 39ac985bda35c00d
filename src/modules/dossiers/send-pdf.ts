import type { FastifyReply } from 'fastify';
import { create as contentDisposition } from 'content-disposition';

/** A generated document, shown in the browser's viewer and saved under its own name; never cached by proxies. */
export function sendPdf(reply: FastifyReply, document: { fileName: string; pdf: Buffer }): FastifyReply {
  return reply.type('application/pdf').header('content-disposition', contentDisposition(document.fileName, { type: 'inline' }))
    .header('cache-control', 'private, no-store').send(document.pdf);
}

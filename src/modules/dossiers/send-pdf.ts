import type { FastifyReply } from 'fastify';
import { create as contentDisposition } from 'content-disposition';
import type { DossierNoticeDocument } from './open-dossier-notice.ts';

/** A generated document, shown in the browser's viewer and saved under its own name; never cached by proxies. */
export function sendPdf(reply: FastifyReply, document: { fileName: string; pdf: Buffer }): FastifyReply {
  return reply.type('application/pdf').header('content-disposition', contentDisposition(document.fileName, { type: 'inline' }))
    .header('cache-control', 'private, no-store').send(document.pdf);
}

/** A notice: its stored copy as stored (same bytes on every download), or the one just rendered. */
export function sendNotice(reply: FastifyReply, document: DossierNoticeDocument): FastifyReply {
  if ('rendered' in document) return sendPdf(reply, document.rendered);
  return reply.headers({ ...document.stored.headers, 'cache-control': 'private, no-store' }).send(document.stored.stream);
}

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { requestLang } from '../../../platform/http/request-lang.ts';
import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import type { DossierEvent } from '../../dossiers/dossier-event.ts';
import { findWatchedDossier } from '../../dossiers/find-watched-dossier.ts';
import { countUnreadNotifications } from '../inbox.ts';
import type { LiveHub } from './live-hub.ts';

export interface LiveUpdateDeps {
  db: Kysely<Database>;
  hub: LiveHub;
  /** The session's actor now, without counting as activity; null once it is signed out, expired or revoked. */
  recheckSession: (token: string) => Promise<Actor | null>;
  /** Keep-alive comment and session re-check period (LIVE_UPDATES_HEARTBEAT_SECONDS). */
  heartbeatMs: number;
  /** Streams one session may hold open (LIVE_UPDATES_MAX_STREAMS). */
  maxStreamsPerSession: number;
}

const Query = Type.Object({ 'ho-so': Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) });

/** The notice a page shows for one event, in the reader's language (the page script only places it). */
function eventData(lang: Lang, event: DossierEvent) {
  const dossier = event.code ?? event.reference;
  const message = event.status !== event.fromStatus
    ? t(lang, 'live.statusChanged', { dossier, status: t(lang, `dossier.status.${event.status}` as MessageKey) })
    : t(lang, 'live.updated', { dossier });
  return { dossierId: event.dossierId, reference: event.reference, code: event.code, seq: event.seq, kind: event.kind, status: event.status, message };
}

/**
 * `GET /su-kien` (issue 5 §3): one Server-Sent Events stream per open page, carrying the dossier events this
 * signed-in actor may see (`?ho-so=` narrows it to one dossier, checked like its page). A comment every 25 s keeps
 * proxies from closing it and re-reads the session, so signing out, an expired session or a changed role ends or
 * narrows the stream. A stream ends on disconnect and when the app closes (preClose: the server waits for open
 * connections before onClose runs).
 */
export function registerLiveUpdates(app: FastifyInstance, deps: LiveUpdateDeps): void {
  const { heartbeatMs, maxStreamsPerSession: maxStreams } = deps;
  const perSession = new Map<string, number>();
  const open = new Set<() => void>();
  app.addHook('preClose', async () => { for (const end of [...open]) end(); });

  app.withTypeProvider<TypeBoxTypeProvider>().get('/su-kien', { schema: { hide: true, querystring: Query }, config: { access: 'signedIn' } }, async (request, reply) => {
    const token = request.sessionToken;
    // Streams are for pages, which sign in by cookie; one session holds a few tabs, not unlimited connections.
    if (token === undefined) throw new AppError('forbidden');
    const watched = request.query['ho-so'] ? await findWatchedDossier(deps.db, request.actor, request.query['ho-so']) : undefined;
    if ((perSession.get(token) ?? 0) >= maxStreams) throw new AppError('rateLimited');
    const lang = requestLang(request);
    perSession.set(token, (perSession.get(token) ?? 0) + 1);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-store, no-transform',
      // nginx would otherwise hold events back in its buffer.
      'x-accel-buffering': 'no', connection: 'keep-alive', 'x-content-type-options': 'nosniff',
    });
    const write = (chunk: string) => { if (!res.writableEnded && !res.destroyed) res.write(chunk); };
    write('retry: 5000\n: live updates\n\n');

    const stream = {
      actor: request.actor, dossierId: watched?.id,
      deliver(event: DossierEvent) {
        write(`event: dossier\nid: ${event.dossierId}:${event.seq}\ndata: ${JSON.stringify(eventData(lang, event))}\n\n`);
        // The header badge: a status change has just put a notification in the applicant's inbox (same transaction).
        if (stream.actor.kind === 'person') {
          countUnreadNotifications(deps.db, stream.actor)
            .then((count) => write(`event: unread\ndata: ${JSON.stringify({ count })}\n\n`))
            .catch((error: unknown) => request.log.warn({ err: error }, 'live updates: unread count failed'));
        }
      },
    };
    const remove = deps.hub.add(stream);
    let ended = false;
    const heartbeat = setInterval(() => {
      write(': ping\n\n');
      deps.recheckSession(token).then((actor) => {
        if (actor) stream.actor = actor;
        else end();
      }).catch(() => undefined); // the database may be briefly away: keep the stream, check again next beat
    }, heartbeatMs);
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      remove();
      open.delete(end);
      const left = (perSession.get(token) ?? 1) - 1;
      if (left > 0) perSession.set(token, left);
      else perSession.delete(token);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    res.on('close', end);
  });
}

import type { Actor } from '../../../platform/context.ts';
import { maySeeDossierEvent } from '../../dossiers/may-see-dossier-event.ts';
import { parseDossierEvent, type DossierEvent } from '../../dossiers/dossier-event.ts';

/** One open page's stream: who watches (refreshed by the stream itself) and, optionally, the one dossier it shows. */
export interface LiveStream {
  actor: Actor;
  dossierId: string | undefined;
  deliver(event: DossierEvent): void;
}

export interface LiveHub {
  /** Adds a stream; the function returned removes it (on disconnect, sign-out or shutdown). */
  add(stream: LiveStream): () => void;
  /** Fans one `dossier_events` notification out to the streams allowed to see it. */
  dispatch(payload: string): void;
  readonly size: number;
}

/**
 * The in-process fan-out of dossier events to the SSE streams of this web process (issue 5 §3). Every process
 * hears every event from the database (LISTEN), so routing is a check per stream on the event itself: no query.
 */
export function createLiveHub(): LiveHub {
  const streams = new Set<LiveStream>();
  return {
    add(stream) {
      streams.add(stream);
      return () => { streams.delete(stream); };
    },
    dispatch(payload) {
      const event = parseDossierEvent(payload);
      if (!event) return;
      for (const stream of streams) {
        if (stream.dossierId !== undefined && stream.dossierId !== event.dossierId) continue;
        if (maySeeDossierEvent(stream.actor, event)) stream.deliver(event);
      }
    },
    get size() { return streams.size; },
  };
}

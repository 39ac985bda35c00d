import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { deliverOutbox, defaultDeliveryPolicy, type DeliveryPolicy, type OutboxHandlers } from './deliver-outbox.ts';

interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OutboxPoller {
  /** Waits for the round in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox every `intervalMs` (started by `serve` in embedded mode, by `worker` on PostgreSQL).
 * A round never overlaps the previous one; a failing round is logged and the next one tries again.
 */
export function startOutboxPoller(db: Kysely<Database>, handlers: OutboxHandlers, options: { intervalMs: number; log: Logger; policy?: DeliveryPolicy; now?: () => Date }): OutboxPoller {
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = () => {
    round = deliverOutbox(db, handlers, now(), options.policy ?? defaultDeliveryPolicy)
      .then((result) => { if (result.sent + result.retried + result.dead) options.log.info({ outbox: result }, 'outbox delivered'); })
      .catch((error: unknown) => options.log.error({ err: error }, 'outbox delivery failed'))
      .finally(() => { if (!stopped) timer = setTimeout(tick, options.intervalMs); });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/connect.ts';
import { jobs } from '../../jobs.ts';
import type { Config } from '../../config.ts';
import type { DeliveryPolicy, OutboxHandlers } from '../outbox/deliver-outbox.ts';
import { startOutboxPoller } from '../outbox/start-outbox-poller.ts';

interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RunningWorker { stop(): Promise<void> }

/** How the outbox is delivered: its handlers per topic, the polling interval and the retry policy. */
export interface OutboxDelivery { handlers: OutboxHandlers; intervalMs: number; policy: DeliveryPolicy }

/**
 * Starts pg-boss over the application's own pool (so it works on embedded PGlite and on PostgreSQL alike)
 * and subscribes every module's job handlers. Jobs live in the database, so any worker process can take them.
 * The outbox poller runs beside it: e-mails and SMS queued by requests are sent from here, never from a request.
 */
export async function startWorker(handle: DatabaseHandle, log: Logger, outbox: OutboxDelivery, config: Config): Promise<RunningWorker> {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => handle.pool.query(text, values) },
    schema: 'pgboss',
    // The embedded engine serves one query at a time; keep pg-boss's own polling gentle there.
    ...(handle.embedded ? { maintenanceIntervalSeconds: 300 } : {}),
  });
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, async (batch) => { for (const item of batch) await job.handle(item.data, { db: handle.db, config, log }); });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
  }
  const poller = startOutboxPoller(handle.db, outbox.handlers, { intervalMs: outbox.intervalMs, policy: outbox.policy, log });
  log.info({ queues: jobs.map((j) => j.name), outboxPollMs: outbox.intervalMs }, 'job worker started');
  return {
    async stop() {
      await poller.stop();
      await boss.stop({ graceful: true, wait: true });
    },
  };
}

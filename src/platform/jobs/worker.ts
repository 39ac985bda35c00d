import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/connect.ts';
import { jobs } from '../../jobs.ts';

interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RunningWorker { stop(): Promise<void> }

/**
 * Starts pg-boss over the application's own pool (so it works on embedded PGlite and on PostgreSQL alike)
 * and subscribes every module's job handlers. Jobs live in the database, so any worker process can take them.
 */
export async function startWorker(handle: DatabaseHandle, log: Logger): Promise<RunningWorker> {
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
    await boss.work(job.name, async (batch) => { for (const item of batch) await job.handle(item.data); });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
  }
  log.info({ queues: jobs.map((j) => j.name) }, 'job worker started');
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}

import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './platform/db/tables.ts';
import { warnDueDossiers } from './modules/notifications/warn-due-dossiers.ts';
import { reconcilePaymentsJob } from './modules/payments/reconcile-payments-job.ts';
import { purgeExpiredCredentialsJob } from './modules/identity/purge-expired-credentials.ts';
import { sweepOrphanFilesJob } from './platform/files/sweep-orphan-files-job.ts';
import { orderMissedPickupsJob } from './modules/postal/order-missed-pickups.ts';

/** What a job handler receives besides its data: the database and the settings. */
export interface JobContext {
  db: Kysely<Database>;
  config: Config;
  log: { info(obj: object, msg?: string): void };
}

/** A background job a module offers: a named queue, its handler and, for recurring work, a cron schedule. */
export interface JobDefinition {
  name: string;
  cron?: string;
  handle(data: unknown, context: JobContext): Promise<void>;
}

/**
 * Every module's jobs. The outbox (e-mail, SMS, stored notices, refunds) is delivered by its own poller beside them.
 */
export const jobs: JobDefinition[] = [
  // Issue 4 §6: due-soon and overdue warnings to the officer holding the step and the unit's leaders.
  { name: 'dossier-warnings', cron: '*/15 * * * *', handle: async (_data, { db }) => { await warnDueDossiers(db, new Date()); } },
  reconcilePaymentsJob,
  sweepOrphanFilesJob,
  purgeExpiredCredentialsJob,
  orderMissedPickupsJob,
];

import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './platform/db/tables.ts';
import { reconcilePaymentsJob } from './modules/payments/reconcile-payments-job.ts';

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
 * Every module's jobs. The catalogue has none yet; the outbox, notification and reconciliation jobs of the
 * dossier, payment and integration modules register here.
 */
export const jobs: JobDefinition[] = [reconcilePaymentsJob];

/** A background job a module offers: a named queue, its handler and, for recurring work, a cron schedule. */
export interface JobDefinition {
  name: string;
  cron?: string;
  handle(data: unknown): Promise<void>;
}

/**
 * Every module's jobs. The catalogue has none yet; the outbox, notification and reconciliation jobs of the
 * dossier, payment and integration modules register here.
 */
export const jobs: JobDefinition[] = [];

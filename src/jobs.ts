import type { Kysely } from 'kysely';
import type { Database } from './platform/db/tables.ts';
import { warnDueDossiers } from './modules/notifications/warn-due-dossiers.ts';

/** A background job a module offers: a named queue, its handler and, for recurring work, a cron schedule. */
export interface JobDefinition {
  name: string;
  cron?: string;
  handle(data: unknown): Promise<void>;
}

/** What jobs work with: the database and the clock. */
export interface JobDeps {
  db: Kysely<Database>;
  now?: () => Date;
}

/**
 * Every module's jobs. The outbox (e-mail, SMS, stored notices) is delivered by its own poller beside them; the
 * payment and integration modules' reconciliation jobs register here too.
 */
export function createJobs(deps: JobDeps): JobDefinition[] {
  const now = deps.now ?? (() => new Date());
  return [
    // Issue 4 §6: due-soon and overdue warnings to the officer holding the step and the unit's leaders.
    { name: 'dossier-warnings', cron: '*/15 * * * *', handle: async () => { await warnDueDossiers(deps.db, now()); } },
  ];
}

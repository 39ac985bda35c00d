import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { officerNames } from '../identity/officer-names.ts';
import { buildStepTimeline, type StepTimeline, type TimelineAction } from './build-step-timeline.ts';
import type { ClockRules, DossierProjection } from './project-dossier.ts';

/**
 * The step timeline of one dossier (issue 4 §6) from what its page already loaded (actions, clock rules, projection),
 * with the names of the units and officers it mentions. Shared by the applicant's and the officers' dossier pages.
 */
export async function loadStepTimeline(db: Kysely<Database> | Transaction<Database>, input: {
  actions: readonly TimelineAction[]; rules: ClockRules; projection: DossierProjection; now: Date;
}): Promise<StepTimeline | null> {
  const process = input.rules.process;
  if (!process) return null;
  const agencyIds = [...new Set([...Object.values(process.stepAgencyIds), ...input.actions.flatMap((a) => (typeof a.payload['toAgencyId'] === 'number' ? [a.payload['toAgencyId']] : []))])];
  const assignees = input.actions.flatMap((a) => (typeof a.payload['assigneeId'] === 'string' ? [a.payload['assigneeId']] : []));
  const [agencies, officers] = await Promise.all([
    agencyIds.length ? db.selectFrom('agency').select(['id', 'name']).where('id', 'in', agencyIds).execute() : [],
    officerNames(db, assignees),
  ]);
  return buildStepTimeline({
    actions: input.actions, process, calendar: input.rules.calendar, projection: input.projection,
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])), officerNames: officers, now: input.now,
  });
}

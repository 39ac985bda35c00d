import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { appendDossierAction } from './append-dossier-action.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { projectDossier, type DossierActionRecord } from './project-dossier.ts';
import { listActions, listOpenDossiersDueFrom } from './repository.ts';
import type { ActionKind } from './status-machine.ts';

/**
 * CAL-05 (`calendarChange` = `recompute`, the default): after a change to the working calendar, every open
 * dossier whose deadline could move is re-projected with the new calendar, inside the caller's transaction; each
 * one whose due date changed gets an action with the old and new dates and the reason, which its applicant sees
 * on the timeline. Closed dossiers (3, 8, 9, 10) never change.
 */
export async function recomputeDueDates(trx: Transaction<Database>, input: { changedDate: string; reason: string; actor: Actor; now: Date }): Promise<number> {
  let changed = 0;
  for (const dossier of await listOpenDossiersDueFrom(trx, input.changedDate)) {
    const [actions, rules] = await Promise.all([listActions(trx, dossier.id), loadClockRules(trx, dossier)]);
    const records = actions.map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] }));
    const dueAt = projectDossier(records, rules).dueAt;
    const before = dossier.due_at ? new Date(dossier.due_at) : null;
    if ((dueAt?.getTime() ?? null) === (before?.getTime() ?? null)) continue;
    await appendDossierAction(trx, dossier.id, {
      kind: 'dueDateRecomputed', at: input.now, actor: input.actor, reason: input.reason,
      payload: { previousDueAt: before?.toISOString() ?? null, dueAt: dueAt?.toISOString() ?? null, calendarDate: input.changedDate },
    });
    changed++;
  }
  return changed;
}

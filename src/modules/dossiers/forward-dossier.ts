import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { actOnDossier } from './act-on-dossier.ts';

/**
 * Hands a dossier on: from the desk to the handling unit (2 → 4, routed at once online, DL-03), or from one step
 * to the next while it is processed. Each hand-over is a control-sheet line (Mẫu 05) with from/to and time.
 */
export function forwardDossier(db: Kysely<Database>, actor: Actor, now: Date, input: { dossierId: string; toUnitCode: string; toStep?: string; note?: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.receive', 'dossier.process'],
    action: () => ({ kind: 'forwarded', payload: { toUnitCode: input.toUnitCode, ...(input.toStep ? { toStep: input.toStep } : {}), ...(input.note?.trim() ? { note: input.note.trim() } : {}) } }),
  });
}

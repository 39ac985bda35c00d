import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { actOnDossier } from './act-on-dossier.ts';

/**
 * The supplement is complete: the applicant sent it online, or the desk received it on paper. The dossier goes
 * back to where it was and the clock resumes by the procedure's rule (DL-04).
 */
export function completeSupplement(db: Kysely<Database>, actor: Actor, now: Date, input: { dossierId: string; note?: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.submit', 'dossier.receive'],
    action: () => ({ kind: 'supplemented', payload: input.note?.trim() ? { note: input.note.trim() } : {} }),
  });
}

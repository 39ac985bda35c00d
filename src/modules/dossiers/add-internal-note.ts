import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { requireText } from './require-text.ts';

/**
 * An internal note on the dossier (issue 4 §6 officers): any officer who may read it. Shown to officers, marked
 * "nội bộ", never to the applicant (`internalActionKinds`).
 */
export function addInternalNote(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; note: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.read'],
    action: () => {
      // The applicant may read their own dossier, but notes are the agency's.
      if (actor.kind !== 'officer') throw new AppError('forbidden');
      return { kind: 'noted' as const, payload: { note: requireText(input.note, '/note', lang), internal: true } };
    },
  });
}

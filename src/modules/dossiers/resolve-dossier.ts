import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { requireText } from './require-text.ts';

/**
 * Handling ends (ST-09): the leader approves the result, or a refusal after appraisal (DL-07, default `asResult`:
 * the refusal letter is the result, its reason mandatory, returned through the one-stop within the time limit).
 */
export function resolveDossier(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; outcome: 'granted' | 'refused'; note?: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.approve'],
    action: () => ({
      kind: 'resolved',
      ...(input.outcome === 'refused' ? { reason: requireText(input.note, '/note', lang) } : {}),
      payload: { outcome: input.outcome, ...(input.outcome === 'granted' && input.note?.trim() ? { note: input.note.trim() } : {}) },
    }),
  });
}

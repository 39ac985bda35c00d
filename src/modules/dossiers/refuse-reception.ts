import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { requireText } from './require-text.ts';
import { actOnDossier } from './act-on-dossier.ts';
import type { Lang } from '../../platform/i18n/messages.ts';

/** The desk refuses a dossier it cannot accept (ST-03, Mẫu 03): the reason is mandatory and reaches the applicant. */
export function refuseReception(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; reason: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.receive'],
    action: () => ({ kind: 'receptionRefused', reason: requireText(input.reason, '/reason', lang) }),
  });
}

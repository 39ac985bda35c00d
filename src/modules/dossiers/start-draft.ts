import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { createDossier } from './submit-dossier.ts';

/**
 * The applicant starts filing online (issue 4 §3): the chosen case and unit become a draft, status 0 with a
 * `drafted` action, that every later page saves into. The idempotency key of the start form makes a double click or
 * a resent form open the same draft again, never a second one.
 */
export function startDraft(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  procedureCode: string; caseCode: string; receivingAgencyCode: string; summary?: string; idempotencyKey: string;
}): Promise<{ id: string; reference: string; created: boolean }> {
  return createDossier(db, actor, now, lang, { ...input, formData: {} }, 'drafted');
}

import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { requireText } from './require-text.ts';

/** The applicant asks to withdraw (ST-07, DL-11): possible from 1, 2, 4, 5 and 6, never once resolved. */
export function requestWithdrawal(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; reason: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.withdraw'],
    action: () => ({ kind: 'withdrawalRequested', reason: requireText(input.reason, '/reason', lang) }),
  });
}

/** The agency decides on a withdrawal request: accepted, handling stops (ST-08); refused, handling goes on. */
export function decideWithdrawal(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; accept: boolean; reason: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.receive', 'dossier.approve'],
    action: () => ({ kind: input.accept ? 'stopped' : 'withdrawalRefused', reason: requireText(input.reason, '/reason', lang), payload: { onWithdrawalRequest: true } }),
  });
}

/** Handling cannot continue (ST-08; TT 03/2025 stop notice): the stage, the reason and any financial settlement. */
export function stopDossier(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; reason: string; settlement?: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.approve'],
    action: () => ({ kind: 'stopped', reason: requireText(input.reason, '/reason', lang), payload: input.settlement?.trim() ? { settlement: input.settlement.trim() } : {} }),
  });
}

import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import { announcedKinds } from '../dossier-messages.ts';
import type { TemplateParts } from '../tables.ts';
import { deleteStoredTemplate, findStoredTemplate, insertTemplateChange, upsertStoredTemplate } from './repository.ts';
import { validateTemplate } from './validate-template.ts';

export interface Who { actor: Actor; ip: string | null; userAgent: string | null; now: Date; lang: Lang }

export type TemplateChange = { action: 'save'; parts: TemplateParts } | { action: 'reset' };

/** A kind the portal announces and a language it speaks, else 404 (the page's address names both). */
export function assertTemplateTarget(kind: string, lang: string): asserts lang is Lang {
  if (!announcedKinds.includes(kind) || (lang !== 'vi' && lang !== 'en')) throw new AppError('notFound');
}

/**
 * Saves an administrator's wording of one notice, or resets it to the code's default (issue 5 §3, P-05). The
 * version before and after is kept in notification_template_change and the change is audited; the next notice
 * of that kind uses it (it is read in the notifying transaction).
 */
export async function changeTemplate(db: Kysely<Database>, who: Who, kind: string, lang: string, change: TemplateChange): Promise<void> {
  authorize(who.actor, 'notification.manage');
  assertTemplateTarget(kind, lang);
  const parts = change.action === 'save' ? { title: change.parts.title.trim(), lead: change.parts.lead.trim(), sms: change.parts.sms.trim() } : null;
  if (parts) {
    const errors = validateTemplate(who.lang, parts);
    if (errors.length) throw new AppError('validationFailed', errors);
  }
  const actorId = who.actor.kind === 'officer' ? who.actor.accountId : null;
  const actorLabel = who.actor.kind === 'officer' ? who.actor.name : 'system';
  await db.transaction().execute(async (trx) => {
    const before = (await findStoredTemplate(trx, kind, lang)) ?? null;
    if (parts) await upsertStoredTemplate(trx, { kind, lang, parts, changedBy: actorLabel, now: who.now });
    else await deleteStoredTemplate(trx, kind, lang);
    await insertTemplateChange(trx, { kind, lang, action: parts ? 'saved' : 'reset', before, after: parts, changedBy: actorLabel, now: who.now });
    await appendAuditEntry(trx, who.now, {
      actorId, actorLabel, ip: who.ip, userAgent: who.userAgent, action: parts ? 'notificationTemplate.saved' : 'notificationTemplate.reset',
      targetType: 'notificationTemplate', targetId: `${kind}/${lang}`, before, after: parts,
    });
  });
}

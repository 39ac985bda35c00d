import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import { announcedKinds, defaultTemplate, mandatoryKinds } from '../dossier-messages.ts';
import type { TemplateParts } from '../tables.ts';
import { assertTemplateTarget } from './change-template.ts';
import { findStoredTemplate, listStoredTemplates, listTemplateChanges } from './repository.ts';

export interface TemplateListRow { kind: string; mandatory: boolean; customised: Record<Lang, boolean> }

/** Every announced event, whether each language's wording was changed, and whether the notice is mandatory. */
export async function listTemplates(db: Kysely<Database>, actor: Actor): Promise<TemplateListRow[]> {
  authorize(actor, 'notification.manage');
  const stored = new Set((await listStoredTemplates(db)).map((r) => `${r.kind}/${r.lang}`));
  return announcedKinds.map((kind) => ({ kind, mandatory: mandatoryKinds.has(kind), customised: { vi: stored.has(`${kind}/vi`), en: stored.has(`${kind}/en`) } }));
}

export interface TemplateDetail {
  kind: string;
  lang: Lang;
  mandatory: boolean;
  /** What notices say now: the administrator's wording, else the default. */
  current: TemplateParts;
  defaults: TemplateParts;
  customised: boolean;
  changes: { action: 'saved' | 'reset'; changed_by: string; changed_at: Date }[];
}

/** One notice's wording for the edit page, with the default beside it and the latest changes. */
export async function getTemplate(db: Kysely<Database>, actor: Actor, kind: string, lang: string): Promise<TemplateDetail> {
  authorize(actor, 'notification.manage');
  assertTemplateTarget(kind, lang);
  const [stored, changes] = await Promise.all([findStoredTemplate(db, kind, lang), listTemplateChanges(db, kind, lang, 10)]);
  const defaults = defaultTemplate(kind, lang);
  return { kind, lang, mandatory: mandatoryKinds.has(kind), current: stored ?? defaults, defaults, customised: Boolean(stored), changes };
}

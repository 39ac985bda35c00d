import { t, type Lang } from '../../../platform/i18n/messages.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { templatePlaceholders } from '../dossier-messages.ts';
import type { TemplateParts } from '../tables.ts';

export const templatePartNames = ['title', 'lead', 'sms'] as const;
export const templateLimits: Record<(typeof templatePartNames)[number], number> = { title: 200, lead: 2000, sms: 480 };

const known = new Set<string>(templatePlaceholders);

/**
 * What is wrong with an administrator's wording (issue 5 §3), field by field in the reader's language: an empty
 * part, a part too long, or a `{name}` that no notice fills (a typo would otherwise reach the applicant as is).
 */
export function validateTemplate(lang: Lang, parts: TemplateParts): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of templatePartNames) {
    const text = parts[name].trim();
    if (!text) {
      errors.push({ path: `/${name}`, message: t(lang, 'notificationTemplates.error.required') });
      continue;
    }
    if (text.length > templateLimits[name]) {
      errors.push({ path: `/${name}`, message: t(lang, 'notificationTemplates.error.tooLong', { max: templateLimits[name] }) });
      continue;
    }
    const unknown = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((p) => !known.has(p));
    if (unknown.length) {
      errors.push({ path: `/${name}`, message: t(lang, 'notificationTemplates.error.unknownPlaceholder', { names: [...new Set(unknown)].map((p) => `{${p}}`).join(', ') }) });
    }
  }
  return errors;
}

import type { Lang } from '../../platform/i18n/messages.ts';
import { t } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import type { ProcedureDefinition } from './tables.ts';

/**
 * IDX-1.3 / S-a: a version is published only with all seven mandatory parts — name, sequence, method,
 * components and their count, time limit, applicant type and executing agency — and, for a partly online
 * service, its legal reason (P-03).
 */
export function checkPublishable(p: ProcedureDefinition, lang: Lang, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const missing = (path: string, part: Parameters<typeof partName>[0]) =>
    errors.push({ path: `${prefix}${path}`, message: t(lang, 'catalog.missingPart', { part: partName(part, lang) }) });
  if (!p.name.trim()) missing('/name', 'name');
  if (p.sequence.length === 0) missing('/sequence', 'sequence');
  if (p.channels.length === 0) missing('/channels', 'method');
  if (p.components.length === 0) missing('/components', 'components');
  p.components.forEach((c, i) => {
    if (c.originals + c.copies === 0) errors.push({ path: `${prefix}/components/${i}/originals`, message: t(lang, 'catalog.componentCount') });
  });
  if (p.cases.length === 0) missing('/cases', 'timeLimit');
  if (p.applicantTypes.length === 0) missing('/applicantTypes', 'applicantType');
  if (p.implementingAgencyCodes.length === 0) missing('/implementingAgencyCodes', 'agency');
  if (p.onlineLevel === 'partial' && !p.partialReason?.trim()) {
    errors.push({ path: `${prefix}/partialReason`, message: t(lang, 'catalog.partialReasonRequired') });
  }
  return errors;
}

function partName(part: 'name' | 'sequence' | 'method' | 'components' | 'timeLimit' | 'applicantType' | 'agency', lang: Lang): string {
  return t(lang, `catalog.part.${part}`);
}

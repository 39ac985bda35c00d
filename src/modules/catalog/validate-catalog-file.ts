import { createAjv, toFieldErrors, type FieldError } from '../../platform/validation/validator.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { t } from '../../platform/i18n/messages.ts';
import { CatalogFile } from './catalog-file-schema.ts';
import { checkPublishable } from './check-publishable.ts';
import { checkEForm } from './e-form.ts';

const validateShape = createAjv().compile<CatalogFile>(CatalogFile);

export interface KnownCodes {
  agencies: ReadonlySet<string>;
  fields: ReadonlySet<string>;
}

/**
 * Checks a whole catalogue file before anything is written: the JSON Schema first, then the references
 * between items (which may also point at what the database already holds), then IDX-1.3 completeness.
 * Every problem is reported with its JSON Pointer, not just the first.
 */
export function validateCatalogFile(input: unknown, known: KnownCodes, lang: Lang): { ok: true; file: CatalogFile } | { ok: false; errors: FieldError[] } {
  if (!validateShape(input)) return { ok: false, errors: toFieldErrors(validateShape.errors, lang) };
  const file = input;
  const errors: FieldError[] = [];
  const err = (path: string, key: Parameters<typeof t>[1], params: Record<string, string> = {}) => errors.push({ path, message: t(lang, key, params) });

  const agencyCodes = new Set(known.agencies);
  const fieldCodes = new Set(known.fields);
  duplicates(file.agencies.map((a) => a.code)).forEach((i) => err(`/agencies/${i}/code`, 'catalog.duplicateCode'));
  duplicates(file.fields.map((f) => f.code)).forEach((i) => err(`/fields/${i}/code`, 'catalog.duplicateCode'));
  duplicates(file.procedures.map((p) => p.code)).forEach((i) => err(`/procedures/${i}/code`, 'catalog.duplicateCode'));
  duplicates((file.synonyms ?? []).map((s) => s.term)).forEach((i) => err(`/synonyms/${i}/term`, 'catalog.duplicateCode'));
  file.agencies.forEach((a) => agencyCodes.add(a.code));
  file.fields.forEach((f) => fieldCodes.add(f.code));

  file.agencies.forEach((a, i) => {
    if (a.parentCode !== null && !agencyCodes.has(a.parentCode)) err(`/agencies/${i}/parentCode`, 'catalog.unknownAgency', { code: a.parentCode });
    if (a.parentCode === a.code) err(`/agencies/${i}/parentCode`, 'catalog.selfParent');
    if (a.validTo !== null && a.validTo < a.validFrom) err(`/agencies/${i}/validTo`, 'catalog.validToBeforeFrom');
  });

  file.procedures.forEach((p, i) => {
    const at = `/procedures/${i}`;
    if (!fieldCodes.has(p.fieldCode)) err(`${at}/fieldCode`, 'catalog.unknownField', { code: p.fieldCode });
    p.implementingAgencyCodes.forEach((code, j) => {
      if (!agencyCodes.has(code)) err(`${at}/implementingAgencyCodes/${j}`, 'catalog.unknownAgency', { code });
    });
    if (p.onlineLevel === 'full' && p.partialReason !== undefined) err(`${at}/partialReason`, 'catalog.partialReasonOnlyPartial');
    duplicates(p.cases.map((c) => c.code)).forEach((j) => err(`${at}/cases/${j}/code`, 'catalog.duplicateCode'));
    duplicates(p.components.map((c) => c.code)).forEach((j) => err(`${at}/components/${j}/code`, 'catalog.duplicateCode'));
    const caseCodes = new Set(p.cases.map((c) => c.code));
    p.components.forEach((c, j) => c.caseCodes.forEach((code, k) => {
      if (!caseCodes.has(code)) err(`${at}/components/${j}/caseCodes/${k}`, 'catalog.unknownCase', { code });
    }));
    // Issue 4 §3: an e-form's schema is itself checked before anyone is asked to fill it in.
    if (p.eForm) errors.push(...checkEForm(p.eForm, lang, `${at}/eForm`));
    p.cases.forEach((c, j) => { if (c.eForm) errors.push(...checkEForm(c.eForm, lang, `${at}/cases/${j}/eForm`)); });
    p.cases.forEach((c, j) => duplicates(c.fees.map((f) => f.code)).forEach((k) => err(`${at}/cases/${j}/fees/${k}/code`, 'catalog.duplicateCode')));
    if (!p.draft) errors.push(...checkPublishable(p, lang, at));
  });

  return errors.length ? { ok: false, errors } : { ok: true, file };
}

/** Indexes of every item whose value already appeared earlier in the list. */
function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((v, i) => (seen.has(v) ? [i] : (seen.add(v), [])));
}

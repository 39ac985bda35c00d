import { t, type Lang } from '../../platform/i18n/messages.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { createAjv, type FieldError } from '../../platform/validation/validator.ts';
import type { EForm, EFormFieldHint } from './catalog-file-schema.ts';
import type { ProcedureDefinition } from './tables.ts';

// E-forms of procedures (issue 4 §3, FORM-02): which one a case uses, the simple one derived from the blank form's
// labels where the catalogue gives none, and the checks an e-form must pass at import.

export type { EForm, EFormFieldHint };

/** One property of an e-form as the portal renders and validates it. */
export interface EFormProperty {
  title: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  format?: string;
  pattern?: string;
  enum?: unknown[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: { type?: string; enum?: unknown[] };
  [keyword: string]: unknown;
}

export function propertiesOf(form: EForm): Record<string, EFormProperty> {
  return form.schema.properties as Record<string, EFormProperty>;
}

export function requiredOf(form: EForm): string[] {
  return form.schema.required ?? [];
}

export function hintOf(form: EForm, name: string): EFormFieldHint {
  return form.ui.fields?.[name] ?? {};
}

/**
 * The e-form an applicant fills for a case: the case's own, else the procedure's, else one derived from the
 * blank-form labels of its e-form components, so every online procedure can be filed.
 */
export function resolveEForm(definition: ProcedureDefinition, caseCode: string): EForm {
  const procedureCase = definition.cases.find((c) => c.code === caseCode);
  return procedureCase?.eForm ?? definition.eForm ?? deriveEForm(definition, caseCode);
}

// Blank-form labels that are about the applicant themselves, and where the portal can take their value from.
const labelPrefill: Record<string, EFormFieldHint['prefill']> = {
  'ho, chu dem va ten': 'profile.name', 'ho va ten': 'profile.name', 'ho, chu dem, ten nguoi yeu cau': 'profile.name',
  'so dinh danh ca nhan': 'profile.personalId', 'so dien thoai lien he': 'profile.phone', 'so dien thoai': 'profile.phone',
  email: 'profile.email', 'thu dien tu': 'profile.email', 'noi thuong tru': 'profile.address', 'noi cu tru': 'profile.address',
};
const fieldsPerPage = 6;

/** A plain e-form from the blank form's field labels: optional text fields, six to a page (FORM-02). */
export function deriveEForm(definition: ProcedureDefinition, caseCode: string): EForm {
  const components = definition.components.filter((c) => c.form && (c.caseCodes.length === 0 || c.caseCodes.includes(caseCode)));
  const properties: Record<string, EFormProperty> = {};
  const fields: Record<string, EFormFieldHint> = {};
  const pages: EForm['ui']['pages'] = [];
  for (const component of components.length ? components : []) {
    const names: string[] = [];
    component.form!.fields.forEach((label, i) => {
      const name = `${component.code}_${i + 1}`;
      const long = /nội dung|quá trình|thành viên|ngành, nghề/i.test(label);
      properties[name] = { title: label, type: 'string', maxLength: long ? 2000 : 300 };
      const prefill = labelPrefill[foldVietnamese(label).toLowerCase()];
      fields[name] = { widget: long ? 'textarea' : 'text', ...(prefill ? { prefill } : { prefill: 'previous' as const }) };
      names.push(name);
    });
    for (let i = 0; i < names.length; i += fieldsPerPage) pages.push({ title: component.form!.title, fields: names.slice(i, i + fieldsPerPage) });
  }
  if (!pages.length) {
    properties['request'] = { title: definition.name, type: 'string', maxLength: 2000 };
    fields['request'] = { widget: 'textarea' };
    pages.push({ title: definition.name, fields: ['request'] });
  }
  return { schema: { type: 'object', properties }, ui: { pages, fields } } as EForm;
}

const schemaChecker = createAjv();
const supportedTypes = new Set(['string', 'integer', 'number', 'boolean', 'array']);

/**
 * What is wrong with an e-form definition, as field errors under `at` (checked at import): a schema that does not
 * compile, properties of a shape the portal cannot render, fields missing from the pages or on two, hints for
 * unknown fields, and enum labels that do not match their values.
 */
export function checkEForm(form: EForm, lang: Lang, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, key: Parameters<typeof t>[1], params: Record<string, string> = {}) => errors.push({ path: `${at}${path}`, message: t(lang, key, params) });
  try {
    schemaChecker.compile(form.schema);
  } catch (error) {
    err('/schema', 'eform.catalog.invalidSchema', { reason: (error as Error).message });
  }
  const properties = propertiesOf(form);
  for (const [name, property] of Object.entries(properties)) {
    const arrayOfChoices = property.type === 'array' && Array.isArray(property.items?.enum);
    if (!property.type || !supportedTypes.has(property.type) || (property.type === 'array' && !arrayOfChoices)) err(`/schema/properties/${name}`, 'eform.catalog.unsupportedType');
  }
  requiredOf(form).forEach((name, i) => { if (!properties[name]) err(`/schema/required/${i}`, 'eform.catalog.unknownField', { name }); });
  const placed = new Set<string>();
  form.ui.pages.forEach((page, i) => page.fields.forEach((name, j) => {
    if (!properties[name]) err(`/ui/pages/${i}/fields/${j}`, 'eform.catalog.unknownField', { name });
    else if (placed.has(name)) err(`/ui/pages/${i}/fields/${j}`, 'eform.catalog.fieldTwice', { name });
    placed.add(name);
  }));
  for (const name of Object.keys(properties)) if (!placed.has(name)) err(`/schema/properties/${name}`, 'eform.catalog.fieldNotOnPage', { name });
  for (const [name, hint] of Object.entries(form.ui.fields ?? {})) {
    if (!properties[name]) { err(`/ui/fields/${name}`, 'eform.catalog.unknownField', { name }); continue; }
    const values = properties[name].enum ?? properties[name].items?.enum;
    if (hint.enumTitles && hint.enumTitles.length !== (values?.length ?? -1)) err(`/ui/fields/${name}/enumTitles`, 'eform.catalog.enumTitles');
  }
  return errors;
}

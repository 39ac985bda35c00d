import type { ValidateFunction } from 'ajv';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { createAjv, toFieldErrors, type FieldError } from '../../platform/validation/validator.ts';
import type { ApplicantDescription } from '../identity/describe-applicant.ts';
import { hintOf, propertiesOf, requiredOf, type EForm, type EFormProperty } from '../catalog/e-form.ts';

// The applicant's answers to an e-form (issue 4 §3): read from a posted HTML form, validated by the form's own JSON
// Schema with a message per field, and prefilled from the verified profile and earlier dossiers (P-01).

export type Answers = Record<string, unknown>;

/** Where a prefilled value came from, shown next to the field. */
export type PrefillSource =
  | { kind: 'verified'; source: string; at: Date | null }
  | { kind: 'declared' }
  | { kind: 'previous'; reference: string };

export interface Prefill {
  value: unknown;
  source: PrefillSource;
}

const ajv = createAjv();
const compiled = new WeakMap<object, ValidateFunction>();

/** Only the values of the form's own properties, typed as its schema says. Empty answers are left out. */
export function readPostedAnswers(form: EForm, posted: Record<string, unknown>, fields: readonly string[] = Object.keys(propertiesOf(form))): Answers {
  const properties = propertiesOf(form);
  const answers: Answers = {};
  for (const name of fields) {
    const property = properties[name];
    if (!property) continue;
    const raw = posted[name];
    const value = coerce(property, raw);
    if (value !== undefined) answers[name] = value;
  }
  return answers;
}

function coerce(property: EFormProperty, raw: unknown): unknown {
  const texts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => String(v).normalize('NFC').trim()).filter((v) => v !== '');
  if (property.type === 'array') return texts.length ? texts : undefined;
  const text = texts[0];
  if (text === undefined) return property.type === 'boolean' ? false : undefined;
  if (property.type === 'boolean') return text === 'true' || text === 'on';
  if (property.type === 'integer' || property.type === 'number') {
    const n = Number(text.replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : text; // a word where a number belongs fails the schema with its own message
  }
  return text;
}

/**
 * Validates answers against the form's JSON Schema (the same one for pages and API), with Vietnamese or English
 * messages per field at `/<field>`. `fields` limits the check to one page's fields.
 */
export function validateAnswers(form: EForm, answers: Answers, lang: Lang, fields?: readonly string[]): FieldError[] {
  let validate = compiled.get(form.schema);
  if (!validate) {
    validate = ajv.compile(form.schema);
    compiled.set(form.schema, validate);
  }
  const properties = propertiesOf(form);
  const known = Object.fromEntries(Object.entries(answers).filter(([name]) => properties[name]));
  const errors: FieldError[] = [];
  for (const name of Object.keys(answers)) if (!properties[name]) errors.push({ path: `/${name}`, message: t(lang, 'eform.unknownField') });
  if (!validate(structuredClone(known))) {
    errors.push(...toFieldErrors(validate.errors, lang).map((e) => {
      const name = e.path.split('/')[1] ?? '';
      const custom = hintOf(form, name).errorMessage;
      const failedShape = validate!.errors!.some((x) => x.instancePath === `/${name}` && (x.keyword === 'pattern' || x.keyword === 'format'));
      return custom && failedShape ? { path: `/${name}`, message: custom } : { ...e, path: `/${name}` };
    }));
  }
  const wanted = fields ? new Set(fields) : undefined;
  return errors.filter((e) => !wanted || wanted.has(e.path.split('/')[1] ?? ''));
}

const profileAttribute: Record<string, string> = {
  'profile.name': 'fullName', 'profile.personalId': 'personalId', 'profile.birthDate': 'dateOfBirth', 'profile.gender': 'gender',
  'profile.address': 'address', 'profile.taxCode': 'taxCode', 'profile.businessName': 'businessName',
};

/**
 * The values the portal offers before the applicant types (P-01): verified profile data (locked), declared profile
 * data (editable), and for fields marked `previous` the value of the applicant's latest earlier dossier.
 */
export function prefillAnswers(form: EForm, applicant: ApplicantDescription, previous?: { reference: string; formData: Answers }): Record<string, Prefill> {
  const out: Record<string, Prefill> = {};
  for (const [name, property] of Object.entries(propertiesOf(form))) {
    const source = hintOf(form, name).prefill;
    if (!source) continue;
    if (source === 'previous') {
      const value = previous?.formData[name];
      if (previous && value !== undefined && value !== '') out[name] = { value, source: { kind: 'previous', reference: previous.reference } };
      continue;
    }
    const attribute = profileAttribute[source] ? applicant.attributes[profileAttribute[source]] : undefined;
    if (attribute) {
      if (property.enum && !property.enum.includes(attribute.value)) continue;
      out[name] = { value: attribute.value, source: attribute.verified ? { kind: 'verified', source: attribute.source, at: attribute.recordedAt ?? null } : { kind: 'declared' } };
    } else if (source === 'profile.name' && applicant.name) out[name] = { value: applicant.name, source: { kind: 'declared' } };
    else if (source === 'profile.phone' && applicant.phone) out[name] = { value: applicant.phone, source: { kind: 'declared' } };
    else if (source === 'profile.email' && applicant.email) out[name] = { value: applicant.email, source: { kind: 'declared' } };
  }
  return out;
}

/** The fields whose verified value the applicant cannot change: the server always uses the verified one. */
export function lockedValues(prefill: Record<string, Prefill>): Answers {
  return Object.fromEntries(Object.entries(prefill).filter(([, p]) => p.source.kind === 'verified').map(([name, p]) => [name, p.value]));
}

/** The prefilled values, written into a new draft once: from then on what the applicant keeps or clears is theirs. */
export function prefilledValues(prefill: Record<string, Prefill>): Answers {
  return Object.fromEntries(Object.entries(prefill).map(([name, p]) => [name, p.value]));
}

/** The draft's answers as they stand: what was saved, with verified values always as verified. */
export function currentAnswers(saved: Answers, prefill: Record<string, Prefill>): Answers {
  return { ...saved, ...lockedValues(prefill) };
}

/** Index of the first page with a missing or invalid answer, or -1 when every page is complete. */
export function firstIncompletePage(form: EForm, answers: Answers, lang: Lang): number {
  const errors = validateAnswers(form, answers, lang);
  const bad = new Set(errors.map((e) => e.path.split('/')[1]));
  return form.ui.pages.findIndex((page) => page.fields.some((name) => bad.has(name)));
}

/** Whether a field must be answered (for the label's marker). */
export function isRequired(form: EForm, name: string): boolean {
  return requiredOf(form).includes(name);
}

/** An answer as text for the check-your-answers page and the desk: enum values by their label. */
export function answerText(form: EForm, name: string, value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '';
  const property = propertiesOf(form)[name];
  const hint = hintOf(form, name);
  const label = (v: unknown, values: unknown[] | undefined) => {
    const i = values?.indexOf(v) ?? -1;
    return i >= 0 && hint.enumTitles?.[i] ? hint.enumTitles[i]! : String(v);
  };
  if (Array.isArray(value)) return value.map((v) => label(v, property?.items?.enum)).join('; ');
  if (typeof value === 'boolean') return t(lang, value ? 'eform.yes' : 'eform.no');
  if (property?.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  return label(value, property?.enum);
}

import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Lang } from '../i18n/messages.ts';
import { fieldMessage } from './field-messages.ts';

// ajv-formats ships CommonJS whose default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** One Ajv configuration for every JSON Schema in OpenDVC: API bodies, config, catalogue files, e-forms. */
export function createAjv(options: { coerceTypes?: boolean; removeAdditional?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    useDefaults: true,
    coerceTypes: options.coerceTypes ? 'array' : false,
    removeAdditional: options.removeAdditional ?? false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

export interface FieldError {
  /** JSON Pointer of the offending value, e.g. `/procedures/3/cases/0/timeLimit/unit`. */
  path: string;
  message: string;
}

export function toFieldErrors(errors: readonly ErrorObject[] | null | undefined, lang: Lang, prefix = ''): FieldError[] {
  // A union of literals fails once per branch plus once for the union: say it once, listing what is allowed.
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors ?? []) {
    const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
    const path = `${prefix}${error.instancePath}${missing}${extra}` || '/';
    byPath.set(path, [...(byPath.get(path) ?? []), error]);
  }
  return [...byPath].map(([path, group]) => {
    const allowed = group.filter((e) => e.keyword === 'const').map((e) => e.params['allowedValue']);
    const specific = group.filter((e) => e.keyword !== 'const' && !(e.keyword === 'anyOf' && group.length > 1));
    const messages = allowed.length
      ? [fieldMessage({ ...group[0]!, keyword: 'enum', params: { allowedValues: allowed } }, lang)]
      : [...new Set(specific.map((e) => fieldMessage(e, lang)))];
    return { path, message: messages.join(' ') };
  });
}

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
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
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
    return { path: `${prefix}${error.instancePath}${missing}${extra}` || '/', message: fieldMessage(error, lang) };
  });
}

export function compileChecker<T>(ajv: Ajv, schema: object): (value: unknown, lang: Lang) => { ok: true; value: T } | { ok: false; errors: FieldError[] } {
  const validate = ajv.compile(schema) as ValidateFunction<T>;
  return (value, lang) => (validate(value) ? { ok: true, value } : { ok: false, errors: toFieldErrors(validate.errors, lang) });
}

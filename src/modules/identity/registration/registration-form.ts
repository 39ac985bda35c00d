import { Type, type Static } from 'typebox';
import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { createAjv, toFieldErrors } from '../../../platform/validation/validator.ts';
import type { FieldMessages } from './pages/form-parts.tsx';

// The registration form's shape (JSON Schema); the identity-number, phone and password rules follow in the use case.
const RegistrationForm = Type.Object({
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('business')]),
  fullName: Type.Optional(Type.String({ maxLength: 200 })),
  businessName: Type.Optional(Type.String({ maxLength: 300 })),
  taxCode: Type.Optional(Type.String({ maxLength: 14 })),
  representative: Type.Optional(Type.String({ maxLength: 200 })),
  personalId: Type.Optional(Type.String({ maxLength: 12 })),
  dateOfBirth: Type.Optional(Type.String({ format: 'date' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  password: Type.String({ minLength: 1, maxLength: 128 }),
  passwordConfirm: Type.String({ minLength: 1, maxLength: 128 }),
  terms: Type.Optional(Type.Literal('yes')),
});
export type RegistrationFormValues = Static<typeof RegistrationForm>;

const validate = createAjv().compile(RegistrationForm);

/** What a form posted, as trimmed text fields; empty ones are left out (an empty field means "not given"). */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name === '_csrf' || typeof value !== 'string') continue;
    const text = name.toLowerCase().includes('password') ? value : value.trim().normalize('NFC');
    if (text !== '') fields[name] = text;
  }
  return fields;
}

export function parseRegistrationForm(fields: Record<string, string>, lang: Lang): { ok: true; value: RegistrationFormValues } | { ok: false; errors: FieldMessages } {
  const candidate = Object.fromEntries(Object.keys(RegistrationForm.properties).filter((k) => k in fields).map((k) => [k, fields[k]]));
  if (validate(candidate)) return { ok: true, value: candidate };
  return { ok: false, errors: Object.fromEntries(toFieldErrors(validate.errors, lang).map((e) => [e.path.slice(1), e.message])) };
}

export function problemMessages(problems: readonly { field: string; key: MessageKey }[], lang: Lang): FieldMessages {
  const messages: FieldMessages = {};
  for (const p of problems) messages[p.field] ??= t(lang, p.key);
  return messages;
}

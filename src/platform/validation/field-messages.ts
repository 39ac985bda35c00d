import type { ErrorObject } from 'ajv';
import type { Lang } from '../i18n/messages.ts';

type Params = Record<string, unknown>;
type Template = (p: Params) => string;

// Ajv's own messages are English-only; these cover every keyword our schemas use, in both languages.
const messages: Record<Lang, Record<string, Template>> = {
  vi: {
    required: () => 'Trường này là bắt buộc.',
    type: (p) => `Giá trị phải có kiểu ${typeName(String(p['type']), 'vi')}.`,
    minLength: (p) => (p['limit'] === 1 ? 'Không được để trống.' : `Phải có ít nhất ${p['limit']} ký tự.`),
    maxLength: (p) => `Không được dài quá ${p['limit']} ký tự.`,
    minimum: (p) => `Phải lớn hơn hoặc bằng ${p['limit']}.`,
    maximum: (p) => `Phải nhỏ hơn hoặc bằng ${p['limit']}.`,
    exclusiveMinimum: (p) => `Phải lớn hơn ${p['limit']}.`,
    minItems: (p) => `Phải có ít nhất ${p['limit']} mục.`,
    maxItems: (p) => `Không được quá ${p['limit']} mục.`,
    uniqueItems: () => 'Các mục không được trùng nhau.',
    pattern: () => 'Giá trị không đúng định dạng.',
    format: (p) => `Giá trị không đúng định dạng ${formatName(String(p['format']), 'vi')}.`,
    enum: (p) => `Giá trị phải là một trong: ${(p['allowedValues'] as unknown[]).join(', ')}.`,
    const: (p) => `Giá trị phải là ${String(p['allowedValue'])}.`,
    additionalProperties: () => 'Trường này không được phép.',
    anyOf: () => 'Giá trị không khớp với dạng nào được phép.',
    oneOf: () => 'Giá trị không khớp với đúng một dạng được phép.',
    if: () => 'Giá trị không thỏa điều kiện.',
  },
  en: {
    required: () => 'This field is required.',
    type: (p) => `Must be of type ${typeName(String(p['type']), 'en')}.`,
    minLength: (p) => (p['limit'] === 1 ? 'Must not be empty.' : `Must be at least ${p['limit']} characters.`),
    maxLength: (p) => `Must be at most ${p['limit']} characters.`,
    minimum: (p) => `Must be at least ${p['limit']}.`,
    maximum: (p) => `Must be at most ${p['limit']}.`,
    exclusiveMinimum: (p) => `Must be greater than ${p['limit']}.`,
    minItems: (p) => `Must have at least ${p['limit']} items.`,
    maxItems: (p) => `Must have at most ${p['limit']} items.`,
    uniqueItems: () => 'Items must not repeat.',
    pattern: () => 'The value is not in the expected format.',
    format: (p) => `Must be a valid ${formatName(String(p['format']), 'en')}.`,
    enum: (p) => `Must be one of: ${(p['allowedValues'] as unknown[]).join(', ')}.`,
    const: (p) => `Must be ${String(p['allowedValue'])}.`,
    additionalProperties: () => 'This field is not allowed.',
    anyOf: () => 'The value matches none of the allowed shapes.',
    oneOf: () => 'The value must match exactly one allowed shape.',
    if: () => 'The value does not meet the condition.',
  },
};

const typeNames: Record<string, Record<Lang, string>> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  integer: { vi: 'số nguyên', en: 'whole number' },
  number: { vi: 'số', en: 'number' },
  boolean: { vi: 'đúng/sai', en: 'true/false' },
  array: { vi: 'danh sách', en: 'list' },
  object: { vi: 'đối tượng', en: 'object' },
  null: { vi: 'rỗng (null)', en: 'null' },
};

const formatNames: Record<string, Record<Lang, string>> = {
  date: { vi: 'ngày (YYYY-MM-DD)', en: 'date (YYYY-MM-DD)' },
  'date-time': { vi: 'ngày giờ', en: 'date-time' },
  email: { vi: 'thư điện tử', en: 'e-mail address' },
  uri: { vi: 'địa chỉ URL', en: 'URL' },
};

function typeName(type: string, lang: Lang): string {
  return type.split(',').map((t) => typeNames[t]?.[lang] ?? t).join(lang === 'vi' ? ' hoặc ' : ' or ');
}

function formatName(format: string, lang: Lang): string {
  return formatNames[format]?.[lang] ?? format;
}

export function fieldMessage(error: ErrorObject, lang: Lang): string {
  const template = messages[lang][error.keyword];
  if (template) return template(error.params as Params);
  return lang === 'vi' ? 'Giá trị không hợp lệ.' : 'Invalid value.';
}

import { vi } from './vi.ts';
import { en } from './en.ts';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Looks up a message and fills `{name}` placeholders. Every string on screen goes through here. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

import type { FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../i18n/messages.ts';

export const langCookie = 'lang';

/** Vietnamese first: English only when asked for by `?lang=en`, the language cookie, or (for the API) Accept-Language. */
export function requestLang(request: FastifyRequest): Lang {
  const query = (request.query as Record<string, unknown> | undefined)?.['lang'];
  if (isLang(query)) return query;
  const cookie = parseCookie(request.headers.cookie ?? '', langCookie);
  if (isLang(cookie)) return cookie;
  if (request.url.startsWith('/api/') && /^en\b/i.test(request.headers['accept-language'] ?? '')) return 'en';
  return 'vi';
}

function parseCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

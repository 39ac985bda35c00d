import type { FastifyInstance } from 'fastify';
import { isLang } from '../i18n/messages.ts';
import { langCookie } from './request-lang.ts';
import { localPath } from './local-path.ts';

/** `/ngon-ngu?lang=en&next=/thu-tuc` remembers the language in a cookie and returns to the page, without JavaScript. */
export function registerLanguageSwitch(app: FastifyInstance, secureCookies: boolean): void {
  app.get('/ngon-ngu', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const lang = isLang(query['lang']) ? query['lang'] : 'vi';
    const next = localPath(typeof query['next'] === 'string' ? query['next'] : undefined) ?? '/';
    const target = next.replace(/([?&])lang=(vi|en)&?/, '$1').replace(/[?&]$/, '');
    const cookie = `${langCookie}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secureCookies ? '; Secure' : ''}`;
    return reply.header('set-cookie', cookie).redirect(target, 303);
  });
}

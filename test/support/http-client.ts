import { currentTotp } from '../../src/modules/identity/totp.ts';
import type { TestServer } from './server.ts';

export const demoPassword = 'DemoOpenDVC!2026';

/**
 * A cookie jar over fetch that behaves like a browser without JavaScript: it keeps the session and CSRF
 * cookies, and `post` first loads the form's page to take its CSRF token.
 */
export function httpClient(server: TestServer) {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
      if (value) jar.set(name, value); else jar.delete(name);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(response);
    return response;
  };
  const post = async (path: string, fields: Record<string, string>, formPage = path) => {
    const form = await (await get(formPage)).text();
    const token = form.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, _csrf: token }),
    });
    remember(response);
    return response;
  };
  /**
   * A multipart upload form sent as a browser sends it: the CSRF token travels in the action URL (`?_csrf=`),
   * taken from the form page, because the server checks it before it streams the body.
   */
  const postMultipart = async (path: string, form: FormData, formPage = path, withToken = true) => {
    const page = await (await get(formPage)).text();
    const token = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? page.match(/_csrf=([^"&]+)/)?.[1] ?? '';
    const separator = path.includes('?') ? '&' : '?';
    const response = await fetch(`${server.url}${path}${withToken ? `${separator}_csrf=${encodeURIComponent(decodeURIComponent(token))}` : ''}`, {
      method: 'POST', redirect: 'manual', headers: { cookie: cookie() }, body: form,
    });
    remember(response);
    return response;
  };
  return { get, post, postMultipart, cookie };
}

export type HttpClient = ReturnType<typeof httpClient>;

/** Signs a demo officer in the way they would: password, then the current TOTP code of their enrolled secret. */
export async function signInOfficer(server: TestServer, email: string, now: Date = new Date()): Promise<HttpClient> {
  const client = httpClient(server);
  const { totp_secret: secret } = await server.database.db.selectFrom('account').select('totp_secret').where('email', '=', email).executeTakeFirstOrThrow();
  const signIn = await client.post('/dang-nhap', { identifier: email, password: demoPassword });
  if (signIn.headers.get('location') !== '/dang-nhap/xac-thuc') throw new Error(`${email}: password sign-in failed (${signIn.status})`);
  const mfa = await client.post('/dang-nhap/xac-thuc', { code: currentTotp(secret!, now) });
  if (mfa.status !== 303) throw new Error(`${email}: second factor refused (${mfa.status})`);
  return client;
}

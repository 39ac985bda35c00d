// `npm run bench`: catalogue search API, home page and a bare reference route under autocannon at 64
// connections, in one process, on the embedded database (or PostgreSQL when DATABASE_URL is set); then online
// filing and desk reception of dossiers (issue 4: measured, no target).
// Targets (issue 2, 2-core machine): search ≥ 5,000 req/s with p99 ≤ 25 ms; home page ≥ 5,000 req/s.
import autocannon from 'autocannon';
import { buildApp } from '../src/app.tsx';
import { loadConfig } from '../src/config.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { currentTotp } from '../src/modules/identity/totp.ts';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = 64;
// What people type, with and without diacritics, typos and synonyms: a realistic spread of cached queries.
const queries = ['dang ky thuong tru', 'ho khau', 'khai sinh', 'chứng thực bản sao', 'giay phep lai xe', 'đất đai', 'kết hôn', 'ly lich tu phap',
  'thanh lap doanh nghiep', 'xay dung', 'tam tru', 'giấy phép kinh doanh', 'bảo trợ xã hội', 'hoc bong', 'so do', 'dang ki ket hon'];

const database = await createTestDatabase();
const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://unused', PUBLIC_URL: 'http://localhost', COOKIE_SECRET: 'bench-only-secret-bench-only-secret', SMTP_URL: 'smtp://127.0.0.1:2525', LOG_LEVEL: 'warn', RATE_LIMIT_ALLOWLIST: '127.0.0.1' });
const app = await buildApp({ config, db: database.db, logger: false });
app.get('/bench/reference', { config: { access: 'public' } }, async () => ({ ok: true }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });

interface Row { route: string; rps: number; p50: number; p99: number; errors: number }

async function measure(route: string, path: string | ((i: number) => string), options: { method?: 'GET' | 'POST'; headers?: (i: number) => Record<string, string>; body?: string; amount?: number } = {}): Promise<Row> {
  let i = 0;
  const result = await autocannon({
    url, connections, pipelining: 1, ...(options.amount ? { amount: options.amount } : { duration: seconds }),
    requests: [{
      method: options.method ?? 'GET', ...(options.body ? { body: options.body } : {}),
      setupRequest: (req) => {
        const n = i++;
        return { ...req, path: typeof path === 'string' ? path : path(n), ...(options.headers ? { headers: { ...req.headers, ...options.headers(n) } } : {}) };
      },
    }],
  });
  return { route, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** A browser-like session: the cookies of a password sign-in (and TOTP for officers) and a CSRF token. */
async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => { for (const c of r.headers.getSetCookie()) { const [pair] = c.split(';'); const at = pair!.indexOf('='); jar.set(pair!.slice(0, at), pair!.slice(at + 1)); } };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const post = async (path: string, fields: Record<string, string>) => {
    const page = await fetch(`${url}${path}`, { headers: { cookie: cookie() } });
    keep(page);
    const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    keep(await fetch(`${url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...fields, _csrf: token }) }));
  };
  await post('/dang-nhap', { identifier: email, password: 'DemoOpenDVC!2026' });
  const { totp_secret: secret } = await database.db.selectFrom('account').select('totp_secret').where('email', '=', email).executeTakeFirstOrThrow();
  if (secret) await post('/dang-nhap/xac-thuc', { code: currentTotp(secret, new Date()) });
  const account = await fetch(`${url}/tai-khoan`, { headers: { cookie: cookie() } });
  return { cookie: cookie(), csrf: (await account.text()).match(/name="_csrf" value="([^"]+)"/)![1]! };
}

const warm = async (path: string) => { for (let k = 0; k < 3; k++) await fetch(`${url}${path}`); };
for (const q of queries) await warm(`/api/v1/procedures?q=${encodeURIComponent(q)}`);
await warm('/');

const rows: Row[] = [];
rows.push(await measure('reference (bare JSON route)', '/bench/reference'));
rows.push(await measure('catalogue search API (searchProcedures)', (i) => `/api/v1/procedures?q=${encodeURIComponent(queries[i % queries.length]!)}`));
rows.push(await measure('home page (server-rendered HTML)', '/'));
// Informational: every query new, so each one runs the SQL search and fills the cache (no target).
rows.push(await measure('catalogue search, every query new (cache misses)', (i) => `/api/v1/procedures?q=${encodeURIComponent(`${queries[i % queries.length]!} ${i}`)}`));

// Issue 4: a citizen files online (a new Idempotency-Key each time), then the ward's desk receives what was filed:
// every reception takes the next number of the same agency and day, the worst case for the code counter.
const citizen = await signIn('an.nguyen@demo.hoabinhxanh.vn');
const filing = JSON.stringify({ procedureCode: '1.004194', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99' });
const run = Date.now();
rows.push(await measure('file a dossier online (submitDossier)', '/api/v1/dossiers', {
  method: 'POST', body: filing,
  headers: (i) => ({ cookie: citizen.cookie, 'x-csrf-token': citizen.csrf, 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${i}` }),
}));
const filed = (await database.db.selectFrom('dossier').select('id').where('idempotency_key', 'like', `bench-${run}-%`).where('status', '=', 1).execute()).map((d) => d.id);
const desk = await signIn('mo.lt@demo.hoabinhxanh.vn');
rows.push(await measure(`receive a dossier at the desk (receiveDossier, ${filed.length} dossiers)`, (i) => `/api/v1/dossiers/${filed[i % filed.length]}/reception`, {
  method: 'POST', amount: filed.length, headers: () => ({ cookie: desk.cookie, 'x-csrf-token': desk.csrf }),
}));

const reference = rows[0]!.rps;
const database_ = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'embedded PGlite';
console.log(`\nOpenDVC bench — ${database_}, ${connections} connections, ${seconds} s per route, Node ${process.version}\n`);
console.log('| route | req/s | p50 ms | p99 ms | vs reference | errors |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.route} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / reference).toFixed(2)} | ${r.errors} |`);
const search = rows[1]!;
const home = rows[2]!;
const verdict = [
  `search ≥ 5000 req/s: ${search.rps >= 5000 ? 'met' : 'NOT met'}`,
  `search p99 ≤ 25 ms: ${search.p99 <= 25 ? 'met' : 'NOT met'}`,
  `home ≥ 5000 req/s: ${home.rps >= 5000 ? 'met' : 'NOT met'}`,
];
console.log(`\n${verdict.join(' · ')}`);
await app.close();
await database.close();

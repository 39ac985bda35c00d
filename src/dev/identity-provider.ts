import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { type KoaContextLike } from 'oidc-provider';

/**
 * A stand-in for VNeID/DVCQG and the province's officer SSO, for demos and tests only (never production): an
 * OpenID Connect provider (oidc-provider) on loopback with demo identities that match the demo seed, and a
 * plain Vietnamese login page where you choose who you are. `npm run idp` starts it; the tests start it on
 * port 0.
 */
export interface DemoIdentity {
  sub: string;
  /** Which portal client offers it: citizens and businesses, or officers. */
  audience: 'citizen' | 'officer';
  /** What the login page shows. */
  description: string;
  claims: Record<string, unknown>;
}

const address = (formatted: string) => ({ formatted, country: 'VN' });
const person = (email: string, phone: string) => ({ email, email_verified: true, phone_number: phone, phone_number_verified: true });
const officer = (sub: string, name: string, email: string): DemoIdentity => ({ sub, audience: 'officer', description: `${name} — ${email}`, claims: { name, email, email_verified: true } });

export const demoIdentities: DemoIdentity[] = [
  {
    sub: 'vneid-001090012345', audience: 'citizen', description: 'Nguyễn Văn An — công dân, CCCD 001090012345 (đã có tài khoản trên Cổng)',
    claims: { name: 'Nguyễn Văn An', personal_id: '001090012345', birthdate: '1990-03-15', gender: 'male', address: address('Số 12 đường Lê Lợi, phường Hòa Lâm, tỉnh Hòa Bình Xanh'), ...person('an.nguyen@demo.hoabinhxanh.vn', '0912345678') },
  },
  {
    sub: 'vneid-dn-4601234567', audience: 'citizen', description: 'Công ty TNHH Thương mại Hòa Bình Xanh — doanh nghiệp, MST 4601234567 (người đại diện Lê Minh Châu)',
    claims: {
      name: 'Lê Minh Châu', personal_id: '001085004321', tax_code: '4601234567', organization_name: 'Công ty TNHH Thương mại Hòa Bình Xanh',
      address: address('Số 5 đường Trần Hưng Đạo, phường Hòa Lâm, tỉnh Hòa Bình Xanh'), ...person('ketoan@thuongmaihbx.demo.vn', '02183999888'),
    },
  },
  {
    sub: 'vneid-046195001234', audience: 'citizen', description: 'Lê Thị Hoa — công dân, CCCD 046195001234 (chưa có tài khoản trên Cổng)',
    claims: { name: 'Lê Thị Hoa', personal_id: '046195001234', birthdate: '1995-08-20', gender: 'female', address: address('Thôn Đông, xã Tân Phong, tỉnh Hòa Bình Xanh'), ...person('hoa.le@example.vn', '0987000111') },
  },
  officer('sso-thu.pt', 'Phạm Thị Thu', 'thu.pt@demo.hoabinhxanh.vn'),
  officer('sso-hung.dv', 'Đỗ Văn Hùng', 'hung.dv@demo.hoabinhxanh.vn'),
  officer('sso-lan.vt', 'Vũ Thị Lan', 'lan.vt@demo.hoabinhxanh.vn'),
  officer('sso-nam.bv', 'Bùi Văn Nam', 'nam.bv@demo.hoabinhxanh.vn'),
  officer('sso-mai.ht', 'Hoàng Thị Mai', 'mai.ht@demo.hoabinhxanh.vn'),
  officer('sso-minh.nq', 'Ngô Quang Minh', 'minh.nq@demo.hoabinhxanh.vn'),
  officer('sso-ha.tt', 'Trịnh Thị Hà', 'ha.tt@demo.hoabinhxanh.vn'),
  { ...officer('sso-khach', 'Đinh Văn Khách', 'khach.dv@demo.hoabinhxanh.vn'), description: 'Đinh Văn Khách — khach.dv@demo.hoabinhxanh.vn (không phải cán bộ trên hệ thống)' },
];

/** The registered clients: what the README tells people to put in OIDC_CITIZEN_* and OIDC_OFFICER_*. */
export const demoClients = {
  citizen: { clientId: 'opendvc-portal', clientSecret: 'opendvc-demo-citizen-secret' },
  officer: { clientId: 'opendvc-officer', clientSecret: 'opendvc-demo-officer-secret' },
} as const;

export const defaultPortalUrls = ['http://localhost:3000', 'http://127.0.0.1:3000'];

export interface RunningIdentityProvider {
  issuer: string;
  /** Registers another portal address (its callback and post-logout URIs), e.g. a test server on a random port. */
  allowPortal(url: string): void;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | IdP thử nghiệm</title><style>
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;line-height:1.5}header{background:#8a1c1c;color:#fff;padding:.75rem 1rem}
main{max-width:40rem;margin:0 auto;padding:1rem}fieldset{border:1px solid #767676;border-radius:4px;padding:.5rem 1rem}
label{display:block;padding:.4rem 0}button{font:inherit;font-weight:700;padding:.55rem 1rem;border:0;border-radius:4px;background:#8a1c1c;color:#fff;margin:.75rem .5rem 0 0}
button.secondary{background:#fff;color:#8a1c1c;border:1px solid #8a1c1c}.error{color:#b00020;font-weight:700}
</style></head><body><header><strong>Nhà cung cấp định danh thử nghiệm</strong> — chỉ dùng cho demo và kiểm thử</header><main>${body}</main></body></html>`;
}

function loginPage(uid: string, identities: DemoIdentity[], error?: string): string {
  return page('Đăng nhập', `<h1>Đăng nhập tài khoản định danh</h1>
<form method="post" action="/interaction/${escape(uid)}/login">
${error ? `<p class="error" id="identity-error" role="alert">${escape(error)}</p>` : ''}
<fieldset${error ? ' aria-describedby="identity-error"' : ''}><legend>Chọn danh tính để đăng nhập</legend>
${identities.map((i) => `<label><input type="radio" name="identity" value="${escape(i.sub)}"> ${escape(i.description)}</label>`).join('\n')}
</fieldset>
<button type="submit" name="action" value="login">Đăng nhập</button><button type="submit" name="action" value="cancel" class="secondary">Hủy</button>
</form>`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function buildProvider(issuer: string, portalUrls: string[], keys: { jwk: Record<string, unknown>; cookie: string }): Provider {
  const client = (audience: keyof typeof demoClients, name: string) => ({
    client_id: demoClients[audience].clientId, client_secret: demoClients[audience].clientSecret, client_name: name,
    redirect_uris: portalUrls.map((u) => `${u}/dang-nhap/oidc/callback`), post_logout_redirect_uris: portalUrls.map((u) => `${u}/`),
    grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
  });
  const provider = new Provider(issuer, {
    clients: [client('citizen', 'Cổng Dịch vụ công (công dân)'), client('officer', 'Hệ thống một cửa (cán bộ)')],
    jwks: { keys: [keys.jwk] },
    cookies: { keys: [keys.cookie] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'], profile: ['name', 'birthdate', 'gender', 'personal_id', 'tax_code', 'organization_name'],
      email: ['email', 'email_verified'], phone: ['phone_number', 'phone_number_verified'], address: ['address'],
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const identity = demoIdentities.find((i) => i.sub === sub);
      return identity ? { accountId: sub, claims: async () => ({ sub, ...identity.claims }) } : undefined;
    },
    // A first-party demo: consent is implied, so every login gets a grant for what was asked.
    loadExistingGrant: async (ctx: KoaContextLike & { oidc: { params?: { scope?: string } } }) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session.accountId! });
      grant.addOIDCScope(ctx.oidc.params?.scope ?? 'openid');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextLike, form: string) => {
          ctx.body = page('Đăng xuất', `<h1>Đăng xuất khỏi nhà cung cấp định danh?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất</button>
<button type="submit" form="op.logoutForm" class="secondary">Không, giữ đăng nhập</button>`);
        },
        postLogoutSuccessSource: async (ctx: KoaContextLike) => { ctx.body = page('Đã đăng xuất', '<h1>Bạn đã đăng xuất</h1>'); },
      },
    },
    renderError: async (ctx: KoaContextLike, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page('Lỗi', `<h1>Lỗi</h1><p class="error">${escape(out['error'] ?? '')}: ${escape(out['error_description'] ?? '')}</p>`);
    },
  });
  return provider;
}

export async function startIdentityProvider(options: { port?: number; host?: string; portalUrls?: string[] } = {}): Promise<RunningIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const portalUrls = [...(options.portalUrls ?? defaultPortalUrls)];
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keys = { jwk: { ...privateKey.export({ format: 'jwk' }), kid: 'demo', use: 'sig', alg: 'RS256' }, cookie: randomBytes(32).toString('hex') };
  let provider: Provider | undefined;
  let handle: ReturnType<Provider['callback']> | undefined;

  const interaction = async (req: IncomingMessage, res: ServerResponse, submitted: boolean) => {
    const details = await provider!.interactionDetails(req, res);
    const audience = details.params['client_id'] === demoClients.officer.clientId ? 'officer' : 'citizen';
    const identities = demoIdentities.filter((i) => i.audience === audience);
    if (!submitted) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(loginPage(details.uid, identities));
    }
    const form = await readForm(req);
    if (form.get('action') === 'cancel') {
      return provider!.interactionFinished(req, res, { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập.' }, { mergeWithLastSubmission: false });
    }
    const chosen = identities.find((i) => i.sub === form.get('identity'));
    if (!chosen) {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(loginPage(details.uid, identities, 'Vui lòng chọn một danh tính.'));
    }
    return provider!.interactionFinished(req, res, { login: { accountId: chosen.sub } }, { mergeWithLastSubmission: false });
  };

  const server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', 'http://idp').pathname);
    if (!match) return handle!(req, res);
    interaction(req, res, Boolean(match[2]) && req.method === 'POST').catch((error: unknown) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Lỗi', `<h1>Không tiếp tục được</h1><p class="error">${escape(error instanceof Error ? error.message : String(error))}</p>`));
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 3001, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const rebuild = () => {
    provider = buildProvider(issuer, portalUrls, keys);
    handle = provider.callback();
  };
  rebuild();
  return {
    issuer,
    allowPortal(url) {
      portalUrls.push(url.replace(/\/$/, ''));
      rebuild();
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

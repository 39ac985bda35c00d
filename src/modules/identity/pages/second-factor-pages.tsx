import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';

interface CodeFormProps { ctx: PageContext; csrfToken: string; error?: string | undefined }

function CodeField({ ctx, error, label }: { ctx: PageContext; error?: string | undefined; label: string }) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for="code">{label}</label>
      {error ? <p class="error-message" id="code-error">{error}</p> : null}
      <input id="code" name="code" type="text" inputMode="numeric" autocomplete="one-time-code" required maxLength={20}
        aria-describedby={error ? 'code-error' : undefined} aria-invalid={error ? 'true' : undefined} />
      <span class="visually-hidden">{t(ctx.lang, 'mfa.codeHint')}</span>
    </div>
  );
}

/** The second step of an officer's sign-in: a code from the authenticator app, or a recovery code. */
export function SecondFactorPage({ ctx, csrfToken, error }: CodeFormProps) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'mfa.title')}>
      <h1>{t(lang, 'mfa.title')}</h1>
      <p>{t(lang, 'mfa.lead')}</p>
      <form method="post" action="/dang-nhap/xac-thuc" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <CodeField ctx={ctx} error={error} label={t(lang, 'mfa.codeOrRecovery')} />
        <button type="submit">{t(lang, 'mfa.submit')}</button>
      </form>
    </Layout>
  );
}

/** Mandatory TOTP enrolment for officers: scan the QR code (or type the key), then prove it with one code. */
export function EnrolPage({ ctx, csrfToken, error, secret, qrSvg }: CodeFormProps & { secret: string; qrSvg: string }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'mfa.enrolTitle')}>
      <h1>{t(lang, 'mfa.enrolTitle')}</h1>
      <p>{t(lang, 'mfa.enrolLead')}</p>
      {/* The SVG comes from the QR library and encodes only the otpauth URI; it holds no user-supplied markup. */}
      <div class="qr" role="img" aria-label={t(lang, 'mfa.qrAlt')} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>{t(lang, 'mfa.manualKey')} <code class="secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
      <form method="post" action="/dang-nhap/thiet-lap-xac-thuc" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <CodeField ctx={ctx} error={error} label={t(lang, 'mfa.code')} />
        <button type="submit">{t(lang, 'mfa.enrolSubmit')}</button>
      </form>
    </Layout>
  );
}

/** Shown once after enrolment: the recovery codes in clear, to print or store safely. */
export function RecoveryCodesPage({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'mfa.recoveryTitle')}>
      <h1>{t(lang, 'mfa.recoveryTitle')}</h1>
      <p>{t(lang, 'mfa.recoveryLead')}</p>
      <ul class="recovery-codes">{codes.map((c) => <li><code>{c}</code></li>)}</ul>
      <p><a href="/tai-khoan">{t(lang, 'mfa.continue')}</a></p>
    </Layout>
  );
}

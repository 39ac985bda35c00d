import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { uploadAction } from '../../../platform/views/upload-action.ts';
import { dateTimeText } from '../../dossiers/pages/format.ts';
import type { VerificationView } from '../get-verification.ts';

export type FileCheck = { kind: 'match' } | { kind: 'mismatch'; sha256: string } | { kind: 'noFile' };

interface Props { ctx: PageContext; view: VerificationView; fileCheck?: FileCheck | undefined }

/**
 * The public verification page of a result (issue 5 §1), reached from the QR code: who issued it, when, to whom
 * (masked), the signed file's hash and whether it still holds — plus a file check that hashes an uploaded copy.
 */
export function VerificationPage({ ctx, view, fileCheck }: Props) {
  const { lang } = ctx;
  const path = `/xac-minh/${view.id}`;
  const statusText = view.status === 'valid'
    ? t(lang, 'results.verify.valid')
    : t(lang, view.status === 'revoked' ? 'results.verify.revoked' : 'results.verify.replaced', { date: dateTimeText(lang, view.statusChangedAt), reason: view.statusReason ?? '' });
  return (
    <Layout ctx={ctx} title={`${t(lang, 'results.verify.title')} — ${view.number}`}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'results.verify.title') }]}>
      <h1>{t(lang, 'results.verify.title')}</h1>
      <p class={view.status === 'valid' ? 'notice' : 'error-summary'} role="status" id="result-status"><strong>{statusText}</strong>
        {view.replacement ? <> <a href={`/xac-minh/${view.replacement.id}`}>{t(lang, 'results.verify.seeNew', { number: view.replacement.number })}</a></> : null}</p>
      {view.tokenCheck ? (
        <p class={view.tokenCheck.valid ? 'notice' : 'error-summary'} id="token-check">
          {view.tokenCheck.valid ? t(lang, 'results.verify.tokenValid', { agency: view.agencyName }) : t(lang, 'results.verify.tokenInvalid')}
        </p>
      ) : null}
      <p>{t(lang, 'results.verify.lead')}</p>
      <dl class="summary">
        <dt>{t(lang, 'results.verify.docTitle')}</dt><dd>{view.title}</dd>
        <dt>{t(lang, 'results.verify.number')}</dt><dd>{view.number}</dd>
        <dt>{t(lang, 'results.verify.issuer')}</dt><dd>{view.agencyName} ({view.agencyCode})</dd>
        <dt>{t(lang, 'results.verify.signer')}</dt><dd>{view.signerSubject}</dd>
        <dt>{t(lang, 'results.verify.serial')}</dt><dd><code>{view.signerSerial}</code></dd>
        <dt>{t(lang, 'results.verify.issuedAt')}</dt><dd>{dateTimeText(lang, view.issuedAt)}</dd>
        <dt>{t(lang, 'results.verify.recipient')}</dt><dd>{view.recipient}</dd>
        {view.recipientId ? <><dt>{t(lang, 'results.verify.recipientId')}</dt><dd>{view.recipientId}</dd></> : null}
        <dt>{t(lang, 'results.verify.sha256')}</dt><dd><code class="hash">{view.sha256}</code></dd>
        <dt>{t(lang, 'results.verify.status')}</dt><dd>{statusText}</dd>
      </dl>
      {view.qrImage ? (
        <figure class="result-qr">
          <img src={view.qrImage} alt={`${t(lang, 'results.verify.qr')} — ${view.number}`} width={164} height={164} />
          <figcaption><strong>{t(lang, 'results.verify.qr')}</strong> — {t(lang, 'results.verify.number')} {view.number}. {t(lang, 'results.verify.qrHint')}</figcaption>
        </figure>
      ) : null}
      <p><a href="/xac-minh/chung-thu-so-goc.pem">{t(lang, 'results.verify.caLink')}</a></p>

      <form method="post" action={uploadAction(path, ctx.csrfToken)} enctype="multipart/form-data" class="stack-form">
        <h2 id="check-file">{t(lang, 'results.verify.checkFile')}</h2>
        {fileCheck ? (
          <p class={fileCheck.kind === 'match' ? 'notice' : 'error-summary'} role="status" id="file-check">
            {fileCheck.kind === 'match' ? t(lang, 'results.verify.match')
              : fileCheck.kind === 'mismatch' ? t(lang, 'results.verify.mismatch', { sha256: fileCheck.sha256 }) : t(lang, 'results.verify.noFile')}
          </p>
        ) : null}
        <div class="field">
          <label for="check-file-input">{t(lang, 'results.verify.file')}</label>
          <p class="hint" id="check-file-hint">{t(lang, 'results.verify.checkFileHint')}</p>
          <input id="check-file-input" name="file" type="file" accept="application/pdf,.pdf" aria-describedby="check-file-hint" />
        </div>
        <button type="submit">{t(lang, 'results.verify.checkSubmit')}</button>
      </form>

      {view.offlineToken ? (
        <details>
          <summary>{t(lang, 'results.verify.offline')}</summary>
          <p class="hint">{t(lang, 'results.verify.offlineHint')}</p>
          <p><code class="token" id="offline-token">{view.offlineToken}</code></p>
        </details>
      ) : null}
    </Layout>
  );
}

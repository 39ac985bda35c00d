import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { ErrorSummary } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { formatFileSize } from '../../../platform/files/upload-policy.ts';
import { uploadAction } from '../../../platform/views/upload-action.ts';
import { dateTimeText } from '../../dossiers/pages/format.ts';
import type { SignView } from '../get-sign-view.ts';

interface Props { ctx: PageContext; view: SignView; errors?: FieldError[]; values?: Record<string, string>; notice?: string | undefined; uploadMaxBytes: number }

/**
 * The leader's result page (issue 5 §1): the result text from the procedure's declared result and the dossier, a
 * preview of the PDF, signing, and for each result issued its status, revocation and replacement.
 */
export function ResultSignPage({ ctx, view, errors = [], values = {}, notice, uploadMaxBytes }: Props) {
  const { lang } = ctx;
  const { dossier } = view;
  const code = dossier.code ?? dossier.reference;
  const base = `/ket-qua/ho-so/${dossier.id}`;
  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const errorText = (path: string, id: string) => (error(path) ? <p class="error-message" id={id}>{error(path)}</p> : null);
  const invalid = (path: string, id: string, hint?: string) => ({
    'aria-describedby': [hint, error(path) ? id : undefined].filter(Boolean).join(' ') || undefined,
    'aria-invalid': error(path) ? 'true' as const : undefined,
  });
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
  const defaultTitle = view.declared[0] ?? '';
  const validResults = view.results.filter((r) => r.status === 'valid');
  // Errors of the upload form are shown there, not in the template form (and the other way round).
  const upload = values['action'] === 'upload';
  return (
    <Layout ctx={ctx} title={t(lang, 'results.sign.title', { code })}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'results.sign.title', { code }) }]}>
      <h1>{t(lang, 'results.sign.title', { code })}</h1>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ message: e.message }))} />
      <p>{t(lang, 'results.sign.lead')}</p>
      <dl class="summary">
        <dt>{t(lang, 'results.sign.procedure')}</dt><dd>{view.procedure.name} ({view.procedure.code})</dd>
        <dt>{t(lang, 'results.sign.applicant')}</dt><dd>{dossier.applicant.name}</dd>
        <dt>{t(lang, 'results.sign.status')}</dt><dd class="status">{t(lang, `dossier.status.${dossier.status}` as MessageKey)}</dd>
        <dt>{t(lang, 'results.sign.certificate')}</dt>
        <dd>{view.certificate
          ? t(lang, 'results.sign.certificateLine', { subject: view.certificate.subject, serial: view.certificate.serial, until: dateTimeText(lang, view.certificate.notAfter) })
          : t(lang, 'results.sign.noCertificate')}</dd>
      </dl>

      {view.canSign && view.declaredUploads.length ? (
        <form method="post" action={uploadAction(`${base}/tai-len`, ctx.csrfToken)} enctype="multipart/form-data" class="stack-form">
          <h2 id="upload-result">{t(lang, 'results.source.upload')}</h2>
          <p>{t(lang, 'results.upload.lead')}</p>
          <div class={`field${upload && error('/title') ? ' field-error' : ''}`}>
            <label for="upload-title">{t(lang, 'results.field.title')}</label>
            {upload ? errorText('/title', 'upload-title-error') : null}
            <input id="upload-title" name="title" type="text" maxLength={300} required value={upload ? values['title'] ?? '' : view.declaredUploads[0]}
              {...(upload ? invalid('/title', 'upload-title-error') : {})} />
          </div>
          <div class={`field${upload && error('/file') ? ' field-error' : ''}`}>
            <label for="upload-file">{t(lang, 'results.upload.file')}</label>
            <p class="hint" id="upload-file-hint">{t(lang, 'results.upload.fileHint', { mb: formatFileSize(uploadMaxBytes, lang).replace(/\s*MB$/, '') })}</p>
            {upload ? errorText('/file', 'upload-file-error') : null}
            <input id="upload-file" name="file" type="file" accept="application/pdf,.pdf" required {...(upload ? invalid('/file', 'upload-file-error', 'upload-file-hint') : { 'aria-describedby': 'upload-file-hint' })} />
          </div>
          {view.certificate ? <button type="submit">{t(lang, 'results.upload.submit')}</button> : null}
        </form>
      ) : null}

      {view.canSign && view.declaresTemplate ? (
        <form method="post" action={base} class="stack-form">{csrf}
          <div class={`field${error('/title') ? ' field-error' : ''}`}>
            <label for="result-title">{t(lang, 'results.field.title')}</label>
            <p class="hint" id="result-title-hint">{t(lang, 'results.field.titleHint')}</p>
            {errorText('/title', 'result-title-error')}
            <input id="result-title" name="title" type="text" maxLength={300} required value={values['title'] ?? defaultTitle} {...invalid('/title', 'result-title-error', 'result-title-hint')} />
          </div>
          <div class={`field${error('/decision') ? ' field-error' : ''}`}>
            <label for="result-decision">{t(lang, 'results.field.decision')}</label>
            <p class="hint" id="result-decision-hint">{t(lang, 'results.field.decisionHint')}</p>
            {errorText('/decision', 'result-decision-error')}
            <textarea id="result-decision" name="decision" rows={6} maxLength={5000} required {...invalid('/decision', 'result-decision-error', 'result-decision-hint')}>{values['decision'] ?? ''}</textarea>
          </div>
          <div class="actions">
            <button type="submit" class="secondary" formaction={`${base}/xem-truoc`} formtarget="_blank">{t(lang, 'results.preview')}</button>
            {view.certificate ? <button type="submit">{t(lang, 'results.sign.submit')}</button> : null}
          </div>
        </form>
      ) : null}
      {view.canSign ? null : <p>{t(lang, 'results.sign.notNow')}</p>}

      {view.results.length ? (
        <>
          <h2 id="issued">{t(lang, 'results.issued')}</h2>
          <div class="table-wrap" role="region" aria-labelledby="issued" tabIndex={0}>
            <table>
              <thead><tr>
                <th scope="col">{t(lang, 'results.col.number')}</th><th scope="col">{t(lang, 'results.col.title')}</th>
                <th scope="col">{t(lang, 'results.col.issuedAt')}</th><th scope="col">{t(lang, 'results.col.status')}</th><th scope="col">{t(lang, 'results.col.actions')}</th>
              </tr></thead>
              <tbody>{view.results.map((r) => (
                <tr>
                  <td>{r.number}</td><td>{r.title} <span class="hint">({t(lang, `results.source.${r.source}` as MessageKey)})</span></td><td>{dateTimeText(lang, r.issued_at)}</td>
                  <td>{t(lang, `results.status.${r.status}` as MessageKey)}{r.status_reason ? ` — ${r.status_reason}` : ''}</td>
                  <td><a href={`${base}/ban-ky?r=${r.id}`}>{t(lang, 'results.download')}</a> · <a href={`/xac-minh/${r.id}`}>{t(lang, 'results.verifyPage')}</a></td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </>
      ) : null}

      {view.canChange ? validResults.map((r) => (
        <>
          <form method="post" action={`${base}/thu-hoi`} class="stack-form">{csrf}
            <input type="hidden" name="resultId" value={r.id} />
            <h2 id={`revoke-${r.id}`}>{t(lang, 'results.revoke.heading', { number: r.number })}</h2>
            <div class={`field${error('/reason') && values['action'] === 'revoke' ? ' field-error' : ''}`}>
              <label for={`revoke-reason-${r.id}`}>{t(lang, 'results.revoke.reason')}</label>
              {values['action'] === 'revoke' && values['resultId'] === r.id ? errorText('/reason', `revoke-error-${r.id}`) : null}
              <input id={`revoke-reason-${r.id}`} name="reason" type="text" maxLength={1000} required />
            </div>
            <button type="submit" class="secondary">{t(lang, 'results.revoke.submit')}</button>
          </form>
          {view.certificate ? (
            <form method="post" action={`${base}/thay-the`} class="stack-form">{csrf}
              <input type="hidden" name="resultId" value={r.id} />
              <h2 id={`replace-${r.id}`}>{t(lang, 'results.replace.heading', { number: r.number })}</h2>
              <div class="field"><label for={`replace-reason-${r.id}`}>{t(lang, 'results.replace.reason')}</label>
                <input id={`replace-reason-${r.id}`} name="reason" type="text" maxLength={1000} required /></div>
              <div class="field"><label for={`replace-title-${r.id}`}>{t(lang, 'results.field.title')}</label>
                <input id={`replace-title-${r.id}`} name="title" type="text" maxLength={300} required value={r.title} /></div>
              <div class="field"><label for={`replace-decision-${r.id}`}>{t(lang, 'results.field.decision')}</label>
                <textarea id={`replace-decision-${r.id}`} name="decision" rows={4} maxLength={5000} required></textarea></div>
              <button type="submit" class="secondary">{t(lang, 'results.replace.submit')}</button>
            </form>
          ) : null}
        </>
      )) : null}
    </Layout>
  );
}

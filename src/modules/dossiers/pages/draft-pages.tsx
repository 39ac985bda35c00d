import { t, type Lang } from '../../../platform/i18n/messages.ts';
import { describeUploadPolicy, acceptAttribute, formatFileSize } from '../../../platform/files/upload-policy.ts';
import { ErrorSummary, pointerErrors } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { uploadAction } from '../../../platform/views/upload-action.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { propertiesOf } from '../../catalog/e-form.ts';
import { componentUploadPolicy } from '../attach-component-file.ts';
import { answerText, type Answers } from '../e-form-answers.ts';
import type { Draft } from '../get-draft.ts';
import { EFormField } from './e-form-fields.tsx';

// The filing pages of a draft (issue 4 §3): one e-form topic per page, then the attachments, then the check of
// every answer before filing. Plain forms and links: everything works without JavaScript; draft-autosave.js only
// saves the page now and then.

export const draftPath = (reference: string, rest = '') => `/ho-so-cua-toi/${encodeURIComponent(reference)}${rest}`;
export const formPagePath = (reference: string, page: number) => draftPath(reference, `/to-khai/${page + 1}`);

function steps(draft: Draft) {
  return draft.form.ui.pages.length + 2;
}

function DraftLayout({ ctx, draft, title, step, children }: { ctx: PageContext; draft: Draft; title: string; step: number; children: unknown }) {
  const { lang } = ctx;
  const heading = t(lang, 'filing.title', { name: draft.procedure.name });
  return (
    <Layout ctx={ctx} title={`${title} — ${heading}`} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/ho-so-cua-toi', label: t(lang, 'myDossiers.title') }, { label: draft.dossier.reference }]}>
      <p class="small">{heading} · {draft.dossier.reference}</p>
      <p class="small">{t(lang, 'eform.step', { n: step, total: steps(draft) })}</p>
      {children as never}
    </Layout>
  );
}

/** One topic of the e-form (issue 4 §3): its fields, Back / Save draft / Continue. */
export function EFormPage({ ctx, draft, page, answers, errors = [], saved }: {
  ctx: PageContext; draft: Draft; page: number; answers: Answers; errors?: FieldError[]; saved?: boolean;
}) {
  const { lang } = ctx;
  const topic = draft.form.ui.pages[page]!;
  const error = (name: string) => errors.find((e) => e.path === `/${name}`)?.message;
  return (
    <DraftLayout ctx={ctx} draft={draft} title={topic.title} step={page + 1}>
      <h1>{topic.title}</h1>
      {saved ? <p class="notice" role="status">{t(lang, 'eform.saved')}</p> : null}
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ target: e.path.slice(1), message: `${propertiesOf(draft.form)[e.path.slice(1)]?.title ?? ''}: ${e.message}` }))} />
      <form method="post" action={formPagePath(draft.dossier.reference, page)} class="stack-form" novalidate data-autosave="true">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {topic.fields.map((name) => <EFormField lang={lang} form={draft.form} name={name} value={answers[name]} prefill={draft.prefill[name]} error={error(name)} />)}
        <p class="small autosave-status" role="status" aria-live="polite"></p>
        <div class="form-actions">
          <button type="submit" name="go" value="next">{t(lang, 'eform.continue')}</button>
          <button type="submit" name="go" value="save" class="secondary-button">{t(lang, 'eform.saveDraft')}</button>
          {page > 0 ? <button type="submit" name="go" value="back" class="secondary-button">{t(lang, 'eform.back')}</button> : null}
        </div>
      </form>
      <script src="/assets/draft-autosave.js" defer></script>
    </DraftLayout>
  );
}

/** The attachments of the draft (issue 4 §3, P-04, S-d): per component, upload or reuse, and what is attached. */
export function ComponentsPage({ ctx, draft, errors = [], notice }: { ctx: PageContext; draft: Draft; errors?: FieldError[]; notice?: string | undefined }) {
  const { lang } = ctx;
  const reference = draft.dossier.reference;
  const policy = describeUploadPolicy(componentUploadPolicy, lang);
  const title = t(lang, 'eform.components.title');
  return (
    <DraftLayout ctx={ctx} draft={draft} title={title} step={draft.form.ui.pages.length + 1}>
      <h1>{title}</h1>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <ErrorSummary lang={lang} errors={pointerErrors(errors).map((e) => ({ ...e, target: e.target ? `${e.target}-file` : undefined }))} />
      <p>{t(lang, 'eform.components.lead')}</p>
      {draft.components.map((c) => {
        const attached = draft.files.filter((f) => f.component_code === c.code);
        const error = errors.find((e) => e.path === `/${c.code}`)?.message;
        return (
          <section class={`field${error ? ' field-error' : ''}`} id={c.code} aria-labelledby={`${c.code}-title`}>
            <h2 id={`${c.code}-title`}>{c.name}</h2>
            <p class="small">{c.required ? t(lang, 'eform.components.required') : t(lang, 'eform.components.optional')} · {t(lang, 'filing.count', { originals: c.originals, copies: c.copies })}</p>
            {c.note ? <p class="hint">{c.note}</p> : null}
            {error ? <p class="error-message" id={`${c.code}-error`}>{error}</p> : null}
            <h3>{t(lang, 'eform.components.attached')}</h3>
            {attached.length ? (
              <ul>{attached.map((f) => (
                <li>
                  <a href={draftPath(reference, `/tep/${f.id}`)}>{f.display_name}</a> <span class="small">({formatFileSize(Number(f.size_bytes), lang)}{f.reuse_source ? `, ${t(lang, 'eform.components.reused')}` : ''})</span>
                  <form method="post" action={draftPath(reference, `/tep/${f.id}/go-bo`)} class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" class="secondary-button" aria-label={t(lang, 'eform.components.removeFile', { name: f.display_name })}>{t(lang, 'eform.components.remove')}</button>
                  </form>
                </li>
              ))}</ul>
            ) : <p>{t(lang, 'eform.components.none')}</p>}
            <form method="post" action={uploadAction(draftPath(reference, `/thanh-phan/${encodeURIComponent(c.code)}`), ctx.csrfToken)} enctype="multipart/form-data" class="stack-form">
              <label for={`${c.code}-file`}>{t(lang, 'eform.components.chooseFile')}</label>
              <p class="hint" id={`${c.code}-policy`}>{t(lang, 'eform.components.policy', { policy })}</p>
              <input type="file" id={`${c.code}-file`} name="file" accept={acceptAttribute(componentUploadPolicy)} aria-describedby={`${c.code}-policy${error ? ` ${c.code}-error` : ''}`} />
              <button type="submit">{t(lang, 'eform.components.upload')}</button>
            </form>
            {draft.reusable.length ? (
              <form method="post" action={draftPath(reference, `/thanh-phan/${encodeURIComponent(c.code)}/dung-lai`)} class="stack-form">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <label for={`${c.code}-reuse`}>{t(lang, 'eform.components.reuse')}</label>
                <select id={`${c.code}-reuse`} name="storedFileId">
                  {draft.reusable.map((f) => <option value={f.storedFileId}>{t(lang, f.purpose === 'result' ? 'eform.components.fromResult' : 'eform.components.fromDossier', { name: f.display_name, reference: f.code ?? f.reference })}</option>)}
                </select>
                <button type="submit" class="secondary-button">{t(lang, 'eform.components.reuseButton')}</button>
              </form>
            ) : null}
          </section>
        );
      })}
      <p class="form-actions">
        <a class="button-link" href={draftPath(reference, '/kiem-tra')}>{t(lang, 'eform.components.continue')}</a>
        <a href={formPagePath(reference, draft.form.ui.pages.length - 1)}>{t(lang, 'eform.back')}</a>
      </p>
    </DraftLayout>
  );
}

/** Check your answers (issue 4 §3): every answer with a "change" link, the attachments, then file. */
export function CheckAnswersPage({ ctx, draft, errors = [], postal }: { ctx: PageContext; draft: Draft; errors?: FieldError[]; postal?: { line: string | undefined; saved: boolean } }) {
  const { lang } = ctx;
  const reference = draft.dossier.reference;
  const title = t(lang, 'eform.check.title');
  const properties = propertiesOf(draft.form);
  const pageOf = (name: string) => draft.form.ui.pages.findIndex((p) => p.fields.includes(name));
  const componentCodes = new Set(draft.components.map((c) => c.code));
  const summaryErrors = errors.map((e) => {
    const name = e.path.slice(1);
    const href = componentCodes.has(name) ? `${draftPath(reference, '/thanh-phan')}#${name}` : `${formPagePath(reference, Math.max(0, pageOf(name)))}#${name}`;
    return { href, message: componentCodes.has(name) ? e.message : `${properties[name]?.title ?? name}: ${e.message}` };
  });
  return (
    <DraftLayout ctx={ctx} draft={draft} title={title} step={steps(draft)}>
      <h1>{title}</h1>
      {summaryErrors.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">{t(lang, 'eform.check.incomplete')}</h2>
          <ul>{summaryErrors.map((e) => <li><a href={e.href}>{e.message}</a></li>)}</ul>
        </div>
      ) : null}
      <p>{t(lang, 'eform.check.lead')}</p>
      <dl class="summary">
        <dt>{t(lang, 'eform.check.case')}</dt><dd>{draft.procedure.caseName}</dd>
        <dt>{t(lang, 'eform.check.agency')}</dt><dd>{draft.agency}</dd>
        <dt>{t(lang, 'eform.check.summary')}</dt><dd>{draft.dossier.summary}</dd>
      </dl>
      {draft.form.ui.pages.map((page, i) => (
        <section aria-labelledby={`check-page-${i}`}>
          <h2 id={`check-page-${i}`}>{page.title}</h2>
          <dl class="summary check-answers">{page.fields.flatMap((name) => [
            <dt>{properties[name]!.title}</dt>,
            <dd>{answerText(draft.form, name, draft.answers[name], lang) || <span class="small">{t(lang, 'eform.check.empty')}</span>}{' '}
              {draft.prefill[name]?.source.kind === 'verified' ? null : <a href={`${formPagePath(reference, i)}#${name}`}>{t(lang, 'eform.check.change')}<span class="visually-hidden"> {properties[name]!.title}</span></a>}</dd>,
          ])}</dl>
        </section>
      ))}
      <section aria-labelledby="check-files">
        <h2 id="check-files">{t(lang, 'eform.components.title')}</h2>
        <dl class="summary check-answers">{draft.components.flatMap((c) => [
          <dt>{c.name}</dt>,
          <dd>{draft.files.filter((f) => f.component_code === c.code).map((f) => f.display_name).join('; ') || <span class="small">{t(lang, 'eform.check.empty')}</span>}{' '}
            <a href={`${draftPath(reference, '/thanh-phan')}#${c.code}`}>{t(lang, 'eform.check.change')}<span class="visually-hidden"> {c.name}</span></a></dd>,
        ])}</dl>
      </section>
      {postal ? (
        <section aria-labelledby="check-postal">
          <h2 id="check-postal">{t(lang, 'postal.check.title')}</h2>
          {postal.saved ? <p class="notice" role="status">{t(lang, 'postal.choice.saved')}</p> : null}
          <p>{postal.line ?? t(lang, 'postal.check.none')}{' '}
            <a href={draftPath(reference, '/buu-chinh')}>{t(lang, postal.line ? 'postal.check.change' : 'postal.check.choose')}</a></p>
        </section>
      ) : null}
      <p>{t(lang, 'eform.check.declaration')}</p>
      <form method="post" action={draftPath(reference, '/nop')} class="form-actions">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <button type="submit">{t(lang, 'filing.submit')}</button>
        <a href={draftPath(reference, '/thanh-phan')}>{t(lang, 'eform.back')}</a>
      </form>
    </DraftLayout>
  );
}

/** The documents of a dossier as downloadable links (issue 4 §3): for its applicant and for the desk. */
/** What a file without a component is to the dossier: the result, a notice, or what a supplement brought. */
function purposeLabel(lang: Lang, purpose: string): string {
  if (purpose === 'result') return t(lang, 'eform.files.purpose.result');
  if (purpose === 'notice') return t(lang, 'eform.files.purpose.notice');
  return t(lang, 'eform.files.purpose.supplement');
}

export function DossierFilesList({ lang, files, components, href }: {
  lang: Lang; files: readonly { id: number; purpose: string; component_code: string | null; display_name: string; size_bytes: number | string; reuse_source: string | null }[];
  components: readonly { code: string; name: string }[]; href: (id: number) => string;
}) {
  return (
    <section aria-labelledby="dossier-files">
      <h2 id="dossier-files">{t(lang, 'eform.files.title')}</h2>
      {files.length ? (
        <div class="table-wrap" role="region" aria-labelledby="dossier-files" tabIndex={0}>
          <table>
            <thead><tr><th scope="col">{t(lang, 'eform.files.component')}</th><th scope="col">{t(lang, 'eform.files.file')}</th><th scope="col">{t(lang, 'eform.files.size')}</th></tr></thead>
            <tbody>{files.map((f) => (
              <tr>
                <td>{components.find((c) => c.code === f.component_code)?.name ?? f.component_code ?? purposeLabel(lang, f.purpose)}</td>
                <td><a href={href(f.id)}>{f.display_name}</a>{f.reuse_source ? <span class="small"> ({t(lang, 'eform.components.reused')})</span> : null}</td>
                <td>{formatFileSize(Number(f.size_bytes), lang)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : <p>{t(lang, 'eform.files.none')}</p>}
    </section>
  );
}

import { t } from '../../../platform/i18n/messages.ts';
import { describeUploadPolicy, acceptAttribute, documentUploadPolicy } from '../../../platform/files/upload-policy.ts';
import { ErrorSummary } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { uploadAction } from '../../../platform/views/upload-action.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { SupplementRequestView } from '../supplement-online.ts';
import { dateTimeText } from './format.ts';

/**
 * The applicant answers a supplement request online (DL-05): each item the desk listed, with a document upload
 * (types and size limit shown beside it) and/or a written answer. Works without JavaScript.
 */
export function SupplementPage({ ctx, view, errors = [], values = {} }: { ctx: PageContext; view: SupplementRequestView; errors?: FieldError[]; values?: Record<string, string> }) {
  const { lang } = ctx;
  const { dossier } = view;
  const label = dossier.code ?? dossier.reference;
  const home = `/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}`;
  const error = (i: number) => errors.find((e) => e.path === `/items/${i}`)?.message;
  const fileError = errors.find((e) => !e.path.startsWith('/items/') || e.path.split('/').length > 3);
  const summary = [
    ...errors.filter((e) => /^\/items\/\d+$/.test(e.path)).map((e) => ({ target: `item-${e.path.split('/')[2]}`, message: e.message })),
    ...(fileError ? [{ message: fileError.message }] : []),
  ];
  return (
    <Layout ctx={ctx} title={t(lang, 'supplement.title', { code: label })}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/ho-so-cua-toi', label: t(lang, 'myDossiers.title') }, { href: home, label }, { label: t(lang, 'supplement.crumb') }]}>
      <h1>{t(lang, 'supplement.title', { code: label })}</h1>
      <ErrorSummary lang={lang} errors={summary} />
      {view.requestedAt ? <p>{t(lang, 'supplement.lead', { at: dateTimeText(lang, view.requestedAt) })}</p> : null}
      {view.guidance ? <p class="hint">{view.guidance}</p> : null}
      <form method="post" action={uploadAction(`${home}/bo-sung`, ctx.csrfToken)} enctype="multipart/form-data" class="stack-form" novalidate>
        {view.items.map((item, i) => (
          <fieldset class={`field${error(i) ? ' field-error' : ''}`} id={`item-${i}`} aria-describedby={error(i) ? `item-${i}-error` : undefined}>
            <legend>{item.name}</legend>
            <p class="hint">{t(lang, 'supplement.reason', { reason: item.reason })}</p>
            {error(i) ? <p class="error-message" id={`item-${i}-error`}>{error(i)}</p> : null}
            <label for={`file-${i}`}>{t(lang, 'supplement.file')}</label>
            <p class="hint" id={`file-${i}-hint`}>{describeUploadPolicy(documentUploadPolicy, lang)}</p>
            <input type="file" id={`file-${i}`} name={`file${i}`} multiple accept={acceptAttribute(documentUploadPolicy)} aria-describedby={`file-${i}-hint`} />
            <label for={`text-${i}`}>{t(lang, 'supplement.text')}</label>
            <textarea id={`text-${i}`} name={`text${i}`} rows={2} maxLength={1000}>{values[`text${i}`] ?? ''}</textarea>
          </fieldset>
        ))}
        <div class="field">
          <label for="note">{t(lang, 'supplement.note')}</label>
          <textarea id="note" name="note" rows={2} maxLength={1000}>{values['note'] ?? ''}</textarea>
        </div>
        <button type="submit">{t(lang, 'supplement.submit')}</button>
      </form>
      <p><a href={home}>{t(lang, 'supplement.back')}</a></p>
    </Layout>
  );
}

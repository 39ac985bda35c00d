import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import type { FieldError } from '../../../../platform/validation/validator.ts';
import { adminCrumbs, AdminNav, when } from '../../../identity/admin/pages/admin-parts.tsx';
import { templatePlaceholders } from '../../dossier-messages.ts';
import type { TemplateParts } from '../../tables.ts';
import type { TemplateDetail } from '../get-templates.ts';
import type { TemplatePreview } from '../preview-template.ts';
import { templateLimits, templatePartNames } from '../validate-template.ts';
import { templatesPath } from './template-list-page.tsx';

interface Props {
  ctx: PageContext;
  detail: TemplateDetail;
  /** What the form shows: the stored wording, or what was sent when it comes back with errors or a preview. */
  values: TemplateParts;
  errors?: FieldError[];
  preview?: TemplatePreview | undefined;
  saved?: 'saved' | 'reset' | undefined;
}

/** One notice's wording in one language (issue 5 §3): edit, preview from a sample dossier, save, reset to default. */
export function TemplateEditPage({ ctx, detail, values, errors = [], preview, saved }: Props) {
  const { lang } = ctx;
  const event = t(lang, `notificationTemplates.kind.${detail.kind}` as MessageKey);
  const title = t(lang, 'notificationTemplates.editTitle', { event, lang: t(lang, `notificationTemplates.lang.${detail.lang}`) });
  const here = `${templatesPath}/${detail.kind}/${detail.lang}`;
  const error = (field: string) => errors.find((e) => e.path === `/${field}`)?.message;
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, title, { href: templatesPath, label: t(lang, 'notificationTemplates.title') })}>
      <h1>{title}</h1>
      <AdminNav lang={lang} current={templatesPath} />
      {saved ? <p class="notice" role="status">{t(lang, saved === 'saved' ? 'notificationTemplates.saved' : 'notificationTemplates.wasReset')}</p> : null}
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      <p>{t(lang, detail.mandatory ? 'notificationTemplates.isMandatory' : 'notificationTemplates.isOptional')}</p>
      <p>{t(lang, detail.customised ? 'notificationTemplates.usesCustom' : 'notificationTemplates.usesDefault')}</p>
      <p id="placeholders-hint">{t(lang, 'notificationTemplates.placeholders')} <code>{templatePlaceholders.map((p) => `{${p}}`).join(' ')}</code></p>
      <form method="post" action={here} class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {templatePartNames.map((part) => {
          const message = error(part);
          const describedBy = [`${part}-hint`, 'placeholders-hint', message ? `${part}-error` : ''].filter(Boolean).join(' ');
          const common = { id: part, name: part, required: true, maxLength: templateLimits[part], 'aria-describedby': describedBy, 'aria-invalid': message ? 'true' as const : undefined };
          return (
            <div class={`field${message ? ' field-error' : ''}`}>
              <label for={part}>{t(lang, `notificationTemplates.part.${part}` as MessageKey)}</label>
              <p class="hint" id={`${part}-hint`}>{t(lang, `notificationTemplates.part.${part}.hint` as MessageKey)} {t(lang, 'notificationTemplates.defaultIs')} «{detail.defaults[part]}»</p>
              {message ? <p class="error-message" id={`${part}-error`}>{message}</p> : null}
              {part === 'title' ? <input type="text" {...common} value={values[part]} /> : <textarea rows={part === 'lead' ? 4 : 3} {...common}>{values[part]}</textarea>}
            </div>
          );
        })}
        <div class="button-row">
          <button type="submit" formaction={`${here}/xem-truoc`} class="secondary">{t(lang, 'notificationTemplates.preview')}</button>
          <button type="submit">{t(lang, 'notificationTemplates.save')}</button>
        </div>
      </form>
      {detail.customised ? (
        <form method="post" action={`${here}/mac-dinh`} class="stack-form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit" class="secondary">{t(lang, 'notificationTemplates.reset')}</button>
        </form>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-title" class="preview">
          <h2 id="preview-title">{t(lang, 'notificationTemplates.previewTitle')}</h2>
          <p>{t(lang, 'notificationTemplates.previewLead')}</p>
          <h3>{t(lang, 'notificationTemplates.previewEmail')}</h3>
          <p><strong>{t(lang, 'notificationTemplates.subject')}:</strong> <span data-preview="subject">{preview.subject}</span></p>
          <pre data-preview="email" tabIndex={0}>{preview.emailText}</pre>
          <h3>{t(lang, 'notificationTemplates.previewInApp')}</h3>
          <p><strong data-preview="inAppTitle">{preview.inAppTitle}</strong></p>
          <pre data-preview="inApp" tabIndex={0}>{preview.inAppBody}</pre>
          <h3>{t(lang, 'notificationTemplates.previewSms')}</h3>
          <pre data-preview="sms" tabIndex={0}>{preview.sms}</pre>
          <p data-preview="segments">{t(lang, 'notificationTemplates.segments', { segments: preview.segments.segments, characters: preview.segments.characters, encoding: preview.segments.encoding })}</p>
        </section>
      ) : null}
      <h2 id="changes">{t(lang, 'notificationTemplates.changes')}</h2>
      {detail.changes.length ? (
        <ul class="change-log">{detail.changes.map((c) => (
          <li>{when(lang, c.changed_at)} — {c.changed_by}: {t(lang, c.action === 'saved' ? 'notificationTemplates.change.saved' : 'notificationTemplates.change.reset')}</li>
        ))}</ul>
      ) : <p>{t(lang, 'notificationTemplates.noChanges')}</p>}
    </Layout>
  );
}

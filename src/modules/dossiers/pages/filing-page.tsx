import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { FilingForm } from '../get-filing-form.ts';

interface Props {
  ctx: PageContext;
  form: FilingForm;
  /** One per rendering of the form: a double click or a resent form files one dossier. */
  idempotencyKey: string;
  values?: Record<string, string>;
  errors?: FieldError[];
}

const shownAttributes = ['fullName', 'businessName', 'personalId', 'taxCode', 'dateOfBirth', 'address'] as const;

/**
 * Online filing, first step (issue 4 §3, P-01, P-04): the case and the agency, the applicant's data with its source
 * (verified values locked), a short summary, and the components to prepare. "Continue" starts the draft whose
 * e-form, attachments and check follow (draft-pages.tsx). Works without JavaScript.
 */
export function FilingPage({ ctx, form, idempotencyKey, values = {}, errors = [] }: Props) {
  const { lang } = ctx;
  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const title = t(lang, 'filing.title', { name: form.procedure.name });
  const chosenCase = values['caseCode'] ?? (form.procedure.cases.length === 1 ? form.procedure.cases[0]!.code : '');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: `/thu-tuc/${encodeURIComponent(form.procedure.code)}`, label: form.procedure.name }, { label: t(lang, 'filing.crumb') }]}>
      <h1>{title}</h1>
      <p>{t(lang, 'eform.startLead')}</p>
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      <form method="post" action={`/thu-tuc/${encodeURIComponent(form.procedure.code)}/nop-ho-so`} class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

        <h2 id="applicant">{t(lang, 'filing.applicant')}</h2>
        <p>{t(lang, 'filing.applicantLead')}</p>
        <dl class="summary">{shownAttributes.flatMap((name) => {
          const attribute = form.applicant.attributes[name];
          if (!attribute) return [];
          return [<dt>{t(lang, `profile.attr.${name}` as MessageKey)}</dt>, <dd>{attribute.value} <span class="small">({attribute.verified ? t(lang, 'filing.verified', { source: attribute.source }) : t(lang, 'account.declared')})</span></dd>];
        })}</dl>
        <p><a href="/tai-khoan/thong-tin">{t(lang, 'filing.editProfile')}</a></p>

        <fieldset class={`field${error('/caseCode') ? ' field-error' : ''}`} id="caseCode" aria-describedby={error('/caseCode') ? 'caseCode-error' : undefined}>
          <legend>{t(lang, 'filing.case')}</legend>
          {error('/caseCode') ? <p class="error-message" id="caseCode-error">{error('/caseCode')}</p> : null}
          {form.procedure.cases.map((c) => <label class="choice"><input type="radio" name="caseCode" value={c.code} checked={chosenCase === c.code} /> {c.name}</label>)}
        </fieldset>

        <div class={`field${error('/receivingAgencyCode') ? ' field-error' : ''}`}>
          <label for="receivingAgencyCode">{t(lang, 'filing.agency')}</label>
          {error('/receivingAgencyCode') ? <p class="error-message" id="receivingAgencyCode-error">{error('/receivingAgencyCode')}</p> : null}
          <select id="receivingAgencyCode" name="receivingAgencyCode" aria-describedby={error('/receivingAgencyCode') ? 'receivingAgencyCode-error' : undefined} aria-invalid={error('/receivingAgencyCode') ? 'true' : undefined}>
            <option value="">{t(lang, 'filing.chooseAgency')}</option>
            {form.agencies.map((a) => <option value={a.code} selected={values['receivingAgencyCode'] === a.code}>{a.name}</option>)}
          </select>
        </div>

        <div class="field">
          <label for="summary">{t(lang, 'filing.summary')}</label>
          <p class="hint" id="summary-hint">{t(lang, 'filing.summaryHint')}</p>
          <textarea id="summary" name="summary" rows={3} maxLength={500} aria-describedby="summary-hint">{values['summary'] ?? ''}</textarea>
        </div>

        <h2 id="components">{t(lang, 'filing.components')}</h2>
        <p>{t(lang, 'filing.componentsLead')}</p>
        <ul>{form.components.map((c) => <li>{c.name} <span class="small">({t(lang, 'filing.count', { originals: c.originals, copies: c.copies })}{c.required ? '' : `, ${t(lang, 'filing.optional')}`})</span></li>)}</ul>

        <button type="submit">{t(lang, 'eform.continue')}</button>
      </form>
    </Layout>
  );
}

import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { acceptAttribute, describeUploadPolicy, documentUploadPolicy } from '../../../platform/files/upload-policy.ts';
import { ErrorSummary, pointerErrors } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { uploadAction } from '../../../platform/views/upload-action.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { CounterForm, CounterProcedures } from '../get-counter-form.ts';
import { AddressFields } from '../../postal/pages/postal-pages.tsx';

export const intakePath = '/mot-cua/tiep-nhan-truc-tiep';

const crumbs = (lang: PageContext['lang'], last: string, form?: boolean) => [
  { href: '/', label: t(lang, 'nav.home') }, { href: '/mot-cua/ho-so', label: t(lang, 'desk.title') },
  ...(form ? [{ href: intakePath, label: t(lang, 'deskIntake.title') }] : []), { label: last },
];

/** Step 1 of walk-in reception: find the procedure (by code or name, typed with or without diacritics). */
export function CounterProcedurePickerPage({ ctx, q, procedures }: { ctx: PageContext; q: string; procedures: CounterProcedures }) {
  const { lang } = ctx;
  const title = t(lang, 'deskIntake.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(lang, title)}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'deskIntake.lead')}</p>
      <form class="search-form" method="get" action={intakePath} role="search">
        <label for="q">{t(lang, 'deskIntake.findProcedure')}</label>
        <p class="hint" id="q-hint">{t(lang, 'deskIntake.findHint')}</p>
        <div class="search-row">
          <input type="search" id="q" name="q" value={q} maxLength={100} aria-describedby="q-hint" />
          <button type="submit">{t(lang, 'deskIntake.find')}</button>
        </div>
      </form>
      <h2 id="procedures">{t(lang, 'deskIntake.procedures', { count: procedures.length })}</h2>
      {procedures.length === 0 ? <p>{t(lang, 'deskIntake.noProcedure')}</p> : (
        <ul class="link-list" aria-labelledby="procedures">{procedures.map((p) => (
          <li><a href={`${intakePath}?thu-tuc=${encodeURIComponent(p.code)}`}>{p.name}</a> <span class="small">{p.code}</span></li>
        ))}</ul>
      )}
    </Layout>
  );
}

interface FormProps {
  ctx: PageContext;
  form: CounterForm;
  /** One per rendering of the form: a double click or a resent form registers one dossier. */
  idempotencyKey: string;
  values?: Record<string, string>;
  errors?: FieldError[];
}

/**
 * Step 2: the officer enters the dossier from the papers (issue 4 §4; S-b): case, receiving unit, channel (desk or
 * post, with the delivery date and item number), the applicant, the scans of the paper components (DuocSoHoa),
 * then receives it at once or leaves it waiting for reception. Multipart, so the CSRF token rides in the action.
 */
export function CounterIntakeFormPage({ ctx, form, idempotencyKey, values = {}, errors = [] }: FormProps) {
  const { lang } = ctx;
  const m = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const error = (name: string) => errors.find((e) => e.path === `/${name}`)?.message;
  const title = m('deskIntake.formTitle', { name: form.procedure.name });
  const chosenCase = values['caseCode'] ?? (form.procedure.cases.length === 1 ? form.procedure.cases[0]!.code : '');
  const channel = values['channel'] ?? form.channels[0]!;
  const kind = values['applicantKind'] ?? form.applicantKinds[0] ?? 'citizen';
  const policy = describeUploadPolicy(documentUploadPolicy, lang);
  const describedBy = (name: string, hint?: boolean) => [hint ? `${name}-hint` : '', error(name) ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const ErrorText = ({ name }: { name: string }) => (error(name) ? <p class="error-message" id={`${name}-error`}>{error(name)}</p> : null);
  const Text = ({ name, label, type = 'text', hint, max = 300, autocomplete }: { name: string; label: MessageKey; type?: 'text' | 'date' | 'tel' | 'email'; hint?: MessageKey; max?: number; autocomplete?: string }) => (
    <div class={`field${error(name) ? ' field-error' : ''}`}>
      <label for={name}>{m(label)}</label>
      {hint ? <p class="hint" id={`${name}-hint`}>{m(hint)}</p> : null}
      <ErrorText name={name} />
      <input id={name} name={name} type={type as 'text'} maxLength={max} value={values[name] ?? ''} autocomplete={autocomplete ?? 'off'}
        aria-describedby={describedBy(name, hint !== undefined)} aria-invalid={error(name) ? 'true' : undefined} />
    </div>
  );
  const action = uploadAction(`${intakePath}?thu-tuc=${encodeURIComponent(form.procedure.code)}`, ctx.csrfToken);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(lang, form.procedure.name, true)}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      {errors.length && values['hadFiles'] ? <p class="notice">{m('deskIntake.chooseFilesAgain')}</p> : null}
      <form method="post" action={action} enctype="multipart/form-data" class="stack-form" novalidate>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

        <fieldset class={`field${error('caseCode') ? ' field-error' : ''}`} id="caseCode" aria-describedby={describedBy('caseCode')}>
          <legend>{m('filing.case')}</legend>
          <ErrorText name="caseCode" />
          {form.procedure.cases.map((c) => <label class="choice"><input type="radio" name="caseCode" value={c.code} checked={chosenCase === c.code} /> {c.name}</label>)}
        </fieldset>

        <div class={`field${error('receivingAgencyCode') ? ' field-error' : ''}`}>
          <label for="receivingAgencyCode">{m('deskIntake.receivingUnit')}</label>
          <ErrorText name="receivingAgencyCode" />
          <select id="receivingAgencyCode" name="receivingAgencyCode" aria-describedby={describedBy('receivingAgencyCode')} aria-invalid={error('receivingAgencyCode') ? 'true' : undefined}>
            {form.agencies.map((a) => <option value={a.code} selected={values['receivingAgencyCode'] === a.code}>{a.name}</option>)}
          </select>
        </div>

        <fieldset class={`choices${error('channel') ? ' field-error' : ''}`} id="channel" aria-describedby={describedBy('channel')}>
          <legend>{m('deskIntake.channel')}</legend>
          <ErrorText name="channel" />
          {form.channels.map((c) => <label class="choice"><input type="radio" name="channel" value={c} checked={channel === c} /> {m(`deskIntake.channel.${c}`)}</label>)}
        </fieldset>
        {form.channels.includes('postal') ? (
          <fieldset class="choices">
            <legend>{m('deskIntake.postal')}</legend>
            <p class="hint">{m('deskIntake.postalHint')}</p>
            <Text name="postalDeliveredOn" label="deskIntake.postalDeliveredOn" type="date" max={10} />
            <Text name="postalItemNumber" label="deskIntake.postalItemNumber" hint="deskIntake.postalItemHint" max={30} />
          </fieldset>
        ) : null}

        <fieldset class="choices">
          <legend>{m('postal.desk.returnLegend')}</legend>
          <label class="choice"><input type="checkbox" name="returnByPost" value="1" checked={values['returnByPost'] === '1'} aria-describedby="returnByPost-hint" /> {m('postal.desk.returnByPost')}</label>
          <p class="hint" id="returnByPost-hint">{m('postal.desk.returnByPostHint')}</p>
        </fieldset>
        <AddressFields lang={lang} values={values} errors={errors} prefix="post" legend="postal.desk.addressLegend" />

        <h2 id="applicant">{m('filing.applicant')}</h2>
        <fieldset class={`choices${error('applicantKind') ? ' field-error' : ''}`} id="applicantKind" aria-describedby={describedBy('applicantKind')}>
          <legend>{m('deskIntake.applicantKind')}</legend>
          <ErrorText name="applicantKind" />
          {form.applicantKinds.map((k) => <label class="choice"><input type="radio" name="applicantKind" value={k} checked={kind === k} /> {m(`deskIntake.kind.${k}`)}</label>)}
        </fieldset>
        <Text name="name" label="deskIntake.name" hint="deskIntake.nameHint" max={200} />
        <fieldset class="choices">
          <legend>{m('deskIntake.citizenOnly')}</legend>
          <Text name="personalId" label="profile.attr.personalId" hint="deskIntake.personalIdHint" max={20} />
          <Text name="dateOfBirth" label="profile.attr.dateOfBirth" type="date" max={10} />
          <label class="choice"><input type="checkbox" name="linkAccount" value="1" checked={values['linkAccount'] !== '0' && (values['linkAccount'] === '1' || !errors.length)} aria-describedby="linkAccount-hint" /> {m('deskIntake.linkAccount')}</label>
          <p class="hint" id="linkAccount-hint">{m('deskIntake.linkAccountHint')}</p>
        </fieldset>
        <fieldset class="choices">
          <legend>{m('deskIntake.businessOnly')}</legend>
          <Text name="taxCode" label="profile.attr.taxCode" max={20} />
          <Text name="representative" label="profile.attr.representative" max={200} />
        </fieldset>
        <Text name="phone" label="profile.attr.phone" type="tel" max={20} />
        <Text name="email" label="profile.attr.email" type="email" max={200} />
        <Text name="address" label="profile.attr.address" max={300} />

        <div class="field">
          <label for="summary">{m('filing.summary')}</label>
          <p class="hint" id="summary-hint">{m('filing.summaryHint')}</p>
          <textarea id="summary" name="summary" rows={3} maxLength={500} aria-describedby="summary-hint">{values['summary'] ?? ''}</textarea>
        </div>

        <h2 id="scans">{m('deskIntake.scans')}</h2>
        <p>{m('deskIntake.scansLead')}</p>
        {form.components.map((c) => {
          const name = `scan-${c.code}`;
          return (
            <div class={`field${error(name) ? ' field-error' : ''}`}>
              <label for={name}>{c.name} <span class="small">({m('filing.count', { originals: c.originals, copies: c.copies })}{c.required ? '' : `, ${m('filing.optional')}`})</span></label>
              <p class="hint" id={`${name}-hint`}>{policy}</p>
              <ErrorText name={name} />
              <input id={name} name={name} type="file" accept={acceptAttribute(documentUploadPolicy)} aria-describedby={describedBy(name, true)} aria-invalid={error(name) ? 'true' : undefined} />
            </div>
          );
        })}

        <div class="form-actions">
          <button type="submit" name="receiveNow" value="1">{m('deskIntake.receiveNow')}</button>
          <button type="submit" name="receiveNow" value="0" class="secondary">{m('deskIntake.registerOnly')}</button>
        </div>
      </form>
    </Layout>
  );
}

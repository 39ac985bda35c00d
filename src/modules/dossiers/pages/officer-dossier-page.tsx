import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { SupplementItemFields } from './supplement-item-fields.tsx';
import { ErrorSummary } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { OfficerDossierView } from '../get-officer-dossier.ts';
import type { ApplicantSnapshot } from '../tables.ts';
import { DossierTimeline } from './dossier-timeline.tsx';
import { dateTimeText } from './format.ts';
import type { DossierResultSummary } from '../../results/dossier-result-summary.ts';
import { DossierResultsSection } from '../../results/pages/dossier-results-section.tsx';
import { DossierFilesList } from './draft-pages.tsx';

interface Props { ctx: PageContext; view: OfficerDossierView; results?: DossierResultSummary | undefined; errors?: FieldError[]; notice?: string | undefined }


/** A dossier at the desk: who filed what, its steps and due date, and the actions open now (issue 4 §4). */
export function OfficerDossierPage({ ctx, view, results, errors = [], notice }: Props) {
  const { lang } = ctx;
  const { dossier } = view;
  const applicant = dossier.applicant as ApplicantSnapshot;
  const base = `/mot-cua/ho-so/${dossier.id}`;
  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const errorText = (path: string, id: string) => (error(path) ? <p class="error-message" id={id}>{error(path)}</p> : null);
  const can = (kind: OfficerDossierView['available'][number]) => view.available.includes(kind);
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
  return (
    <Layout ctx={ctx} title={`${dossier.code ?? dossier.reference} — ${view.procedure.name}`}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/mot-cua/ho-so', label: t(lang, 'desk.title') }, { label: dossier.code ?? dossier.reference }]}>
      <h1>{view.procedure.name}</h1>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ message: e.message }))} />
      <dl class="summary">
        <dt>{t(lang, 'myDossiers.code')}</dt><dd>{dossier.code ?? t(lang, 'myDossiers.noCode')}</dd>
        <dt>{t(lang, 'myDossiers.reference')}</dt><dd>{dossier.reference}</dd>
        <dt>{t(lang, 'track.status')}</dt><dd class="status">{t(lang, `dossier.status.${dossier.status}` as MessageKey)}</dd>
        <dt>{t(lang, 'desk.case')}</dt><dd>{view.procedure.caseName}</dd>
        <dt>{t(lang, 'desk.applicant')}</dt><dd>{applicant.name}{applicant.personalId ? ` — ${applicant.personalId}` : ''}{applicant.taxCode ? ` — ${applicant.taxCode}` : ''}</dd>
        {applicant.address ? <><dt>{t(lang, 'desk.address')}</dt><dd>{applicant.address}</dd></> : null}
        {applicant.phone || applicant.email ? <><dt>{t(lang, 'desk.contact')}</dt><dd>{[applicant.phone, applicant.email].filter(Boolean).join(' · ')}</dd></> : null}
        {dossier.due_at ? <><dt>{t(lang, 'track.dueAt')}</dt><dd>{dateTimeText(lang, dossier.due_at)} <span class={`badge badge-${view.timeLeft}`}>{t(lang, `desk.timeLeft.${view.timeLeft}` as MessageKey)}</span></dd></> : null}
      </dl>
      <h2 id="components">{t(lang, 'desk.components')}</h2>
      <ul>{view.components.map((c) => <li>{c}</li>)}</ul>
      {results ? <DossierResultsSection lang={lang} summary={results} /> : null}

      {view.available.length ? <h2 id="actions">{t(lang, 'desk.actions')}</h2> : null}
      {can('received') ? (
        <form method="post" action={`${base}/tiep-nhan`} class="stack-form">{csrf}
          <p>{t(lang, 'desk.receiveLead')}</p>
          <button type="submit">{t(lang, 'desk.receive')}</button>
        </form>
      ) : null}
      {can('forwarded') ? (
        <form method="post" action={`${base}/chuyen-xu-ly`} class="stack-form">{csrf}
          <button type="submit">{t(lang, 'desk.forward')}</button>
        </form>
      ) : null}
      {can('supplemented') ? (
        <form method="post" action={`${base}/da-bo-sung`} class="stack-form">{csrf}
          <div class="field"><label for="supplement-note">{t(lang, 'desk.supplementNote')}</label>
            <input id="supplement-note" name="note" type="text" maxLength={500} /></div>
          <button type="submit">{t(lang, 'desk.supplemented')}</button>
        </form>
      ) : null}
      {can('returned') ? (
        <form method="post" action={`${base}/tra-ket-qua`} class="stack-form">{csrf}
          <fieldset class="field"><legend>{t(lang, 'desk.returnChannel')}</legend>
            {(['desk', 'postal', 'online'] as const).map((c, i) => <label class="choice"><input type="radio" name="channel" value={c} checked={i === 0} /> {t(lang, `desk.channel.${c}` as MessageKey)}</label>)}
          </fieldset>
          {errorText('/dossierId', 'return-error')}
          <button type="submit">{t(lang, 'desk.return')}</button>
        </form>
      ) : null}
      {can('supplementRequested') ? (
        <form method="post" action={`${base}/yeu-cau-bo-sung`} class="stack-form">{csrf}
          <fieldset class={`field${error('/items') ? ' field-error' : ''}`} aria-describedby="supplement-lead">
            <legend>{t(lang, 'desk.requestSupplement')}</legend>
            <p class="hint" id="supplement-lead">{t(lang, 'desk.supplementLead')}</p>
            {errorText('/items', 'items-error')}
            <SupplementItemFields lang={lang} />
          </fieldset>
          {view.timeline.some((s) => s.kind === 'supplementRequested') ? (
            <div class={`field${error('/repeatJustification') ? ' field-error' : ''}`}>
              <label for="repeatJustification">{t(lang, 'desk.repeatJustification')}</label>
              {errorText('/repeatJustification', 'repeat-error')}
              <input id="repeatJustification" name="repeatJustification" type="text" maxLength={500}
                aria-describedby={error('/repeatJustification') ? 'repeat-error' : undefined} aria-invalid={error('/repeatJustification') ? 'true' : undefined} />
            </div>
          ) : null}
          <div class="field"><label for="guidance">{t(lang, 'desk.guidance')}</label><input id="guidance" name="guidance" type="text" maxLength={1000} /></div>
          <button type="submit" class="secondary">{t(lang, 'desk.sendSupplement')}</button>
        </form>
      ) : null}
      {can('receptionRefused') ? (
        <form method="post" action={`${base}/tu-choi`} class="stack-form">{csrf}
          <div class={`field${error('/reason') ? ' field-error' : ''}`}>
            <label for="refusal-reason">{t(lang, 'desk.refusalReason')}</label>
            {errorText('/reason', 'refusal-error')}
            <input id="refusal-reason" name="reason" type="text" maxLength={1000}
              aria-describedby={error('/reason') ? 'refusal-error' : undefined} aria-invalid={error('/reason') ? 'true' : undefined} />
          </div>
          <button type="submit" class="secondary">{t(lang, 'desk.refuse')}</button>
        </form>
      ) : null}

      <DossierFilesList lang={lang} files={view.files} components={view.componentNames} href={(id) => `${base}/tep/${id}`} />
      {[2, 4, 6, 9].includes(dossier.status) || view.timeline.some((s) => s.kind === 'paymentRequested') ? <p><a href={`${base}/thanh-toan`}>{t(lang, 'payments.linkPaid')}</a></p> : null}
      {dossier.status !== 0 ? <p><a href={`${base}/buu-chinh`}>{t(lang, 'postal.deskLink')}</a></p> : null}
      <DossierTimeline lang={lang} timeline={view.timeline} dueDateExplanation={view.dueDateExplanation} noticeHref={(seq) => `${base}/phieu/${seq}`} />
    </Layout>
  );
}

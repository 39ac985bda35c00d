import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { LiveUpdates } from '../../../platform/views/live-updates.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import type { ApplicantDossier } from '../get-applicant-dossier.ts';
import type { listMyDossiers } from '../list-my-dossiers.ts';
import { DossierTimeline } from './dossier-timeline.tsx';
import { StepTimeline } from './step-timeline.tsx';
import { dateTimeText } from './format.ts';
import { formatFileSize } from '../../../platform/files/upload-policy.ts';
import { DossierFilesList } from './draft-pages.tsx';

type MyDossiers = Awaited<ReturnType<typeof listMyDossiers>>;

/** "Hồ sơ của tôi" (P-12): every dossier with its code (once received), status and due date. */
export function MyDossiersPage({ ctx, list, notice }: { ctx: PageContext; list: MyDossiers; notice?: string | undefined }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'myDossiers.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'myDossiers.title') }]}>
      <h1>{t(lang, 'myDossiers.title')}</h1>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      {list.drafts.length ? (
        // Issue 4 §3: drafts not yet filed, to continue or delete.
        <div class="table-wrap" role="region" aria-labelledby="my-drafts-caption" tabIndex={0}>
          <table>
            <caption id="my-drafts-caption">{t(lang, 'eform.drafts.title')}</caption>
            <thead><tr>
              <th scope="col">{t(lang, 'myDossiers.reference')}</th><th scope="col">{t(lang, 'myDossiers.procedure')}</th>
              <th scope="col">{t(lang, 'eform.drafts.savedAt')}</th><th scope="col">{t(lang, 'eform.drafts.actions')}</th>
            </tr></thead>
            <tbody>{list.drafts.map((d) => (
              <tr>
                <th scope="row">{d.reference}</th>
                <td>{d.summary}</td>
                <td>{dateTimeText(lang, d.updated_at)}</td>
                <td>
                  <a href={`/ho-so-cua-toi/${encodeURIComponent(d.reference)}/tiep-tuc`} aria-label={t(lang, 'eform.draft.resumeLabel', { reference: d.reference })}>{t(lang, 'eform.draft.resume')}</a>{' '}
                  <form method="post" action={`/ho-so-cua-toi/${encodeURIComponent(d.reference)}/xoa-nhap`} class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" class="secondary-button" aria-label={t(lang, 'eform.draft.discardLabel', { reference: d.reference })}>{t(lang, 'eform.draft.discard')}</button>
                  </form>
                </td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : null}
      {list.items.length === 0 ? <p>{t(lang, 'myDossiers.empty')}</p> : (
        <div class="table-wrap" role="region" aria-labelledby="my-dossiers-caption" tabIndex={0}>
          <table>
            <caption id="my-dossiers-caption" class="visually-hidden">{t(lang, 'myDossiers.title')}</caption>
            <thead><tr>
              <th scope="col">{t(lang, 'myDossiers.reference')}</th><th scope="col">{t(lang, 'myDossiers.procedure')}</th>
              <th scope="col">{t(lang, 'myDossiers.code')}</th><th scope="col">{t(lang, 'myDossiers.status')}</th><th scope="col">{t(lang, 'myDossiers.dueAt')}</th>
            </tr></thead>
            <tbody>{list.items.map((d) => (
              <tr>
                <th scope="row"><a href={`/ho-so-cua-toi/${encodeURIComponent(d.reference)}`}>{d.reference}</a></th>
                <td>{d.summary}</td>
                <td>{d.code ?? t(lang, 'myDossiers.noCode')}</td>
                <td>{t(lang, `dossier.status.${d.status}` as MessageKey)}</td>
                <td>{dateTimeText(lang, d.due_at)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      <Pagination lang={lang} page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => `/ho-so-cua-toi?page=${page}`} />
    </Layout>
  );
}

/** One dossier for its applicant: the header, the steps of its process (issue 4 §6), every action, and the due date explained (S-g, CAL-07). */
export function ApplicantDossierPage({ ctx, view, notice }: { ctx: PageContext; view: ApplicantDossier; notice?: string | undefined }) {
  const { lang } = ctx;
  const { dossier } = view;
  const title = `${view.procedure.name} — ${dossier.code ?? dossier.reference}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/ho-so-cua-toi', label: t(lang, 'myDossiers.title') }, { label: dossier.code ?? dossier.reference }]}>
      <h1>{view.procedure.name}</h1>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <LiveUpdates lang={lang} dossier={dossier.reference} />
      <dl class="summary" id="dossier-summary" data-live-refresh>
        <dt>{t(lang, 'myDossiers.reference')}</dt><dd>{dossier.reference}</dd>
        <dt>{t(lang, 'myDossiers.code')}</dt><dd>{dossier.code ?? t(lang, 'myDossiers.noCode')}</dd>
        <dt>{t(lang, 'track.status')}</dt><dd class="status">{t(lang, `dossier.status.${dossier.status}` as MessageKey)}</dd>
        <dt>{t(lang, 'track.agency')}</dt><dd>{view.agency}</dd>
        {dossier.due_at ? <><dt>{t(lang, 'track.dueAt')}</dt><dd>{dateTimeText(lang, dossier.due_at)}</dd></> : null}
      </dl>
      {dossier.status === 5 ? <p><a class="button" href={`/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}/bo-sung`}>{t(lang, 'supplement.start')}</a></p> : null}
      {view.steps ? <StepTimeline lang={lang} timeline={view.steps} /> : null}
      {view.notices.length ? (
        <section aria-labelledby="stored-notices">
          <h2 id="stored-notices">{t(lang, 'dossierPage.storedNotices')}</h2>
          <p>{t(lang, 'dossierPage.storedNotices.lead')}</p>
          <ul class="stored-notices">
            {view.notices.map((n) => <li><a href={`/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}/phieu/${n.seq}`}>{n.name}</a> <span class="small">(PDF, {formatFileSize(n.sizeBytes, lang)})</span></li>)}
          </ul>
        </section>
      ) : null}
      <DossierFilesList lang={lang} files={view.files} components={view.components} href={(id) => `/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}/tep/${id}`} />
      {dossier.status === 6 ? <p><a class="button-link" href={`/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}/thanh-toan`}>{t(lang, 'payments.link')}</a></p>
        : view.timeline.some((s) => s.kind === 'paymentRequested') ? <p><a href={`/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}/thanh-toan`}>{t(lang, 'payments.linkPaid')}</a></p> : null}
      {view.timeline.some((s) => s.kind.startsWith('postal')) ? <p><a href={`/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}/buu-chinh`}>{t(lang, 'postal.link')}</a></p> : null}
      <div id="dossier-timeline" data-live-refresh>
        <DossierTimeline lang={lang} timeline={view.timeline} dueDateExplanation={view.dueDateExplanation} noticeHref={(seq) => `/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}/phieu/${seq}`} />
      </div>
    </Layout>
  );
}

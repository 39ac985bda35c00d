import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { ErrorSummary, type SummaryError } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { LiveUpdates } from '../../../platform/views/live-updates.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import type { AssignmentReport } from '../assign-dossiers.ts';
import type { TimeLeft } from '../time-left.ts';
import { dueStates, type WorkItem, type WorkQueueFilters, type WorkQueueView, type WorkTab } from '../list-work-queue.ts';
import { dateTimeText } from './format.ts';

interface Props { ctx: PageContext; view: WorkQueueView; mayManageAbsences: boolean; notice?: string | undefined; errors?: SummaryError[]; report?: AssignmentReport | undefined }

/** Icons beside the words of a time band, so the band never rests on colour alone (WCAG 1.4.1). */
const icons: Record<TimeLeft, string> = { onTime: '✓', dueSoon: '◔', overdue: '⚠', paused: '‖' };

export function TimeBadge({ lang, state }: { lang: Lang; state: TimeLeft }) {
  return <span class={`badge badge-${state}`}><span aria-hidden="true">{icons[state]} </span>{t(lang, `desk.timeLeft.${state}` as MessageKey)}</span>;
}

/** A query string of the queue's tab and filters (and a page), for tabs, paging and the clear link. */
export function workQueueHref(tab: WorkTab, filters: WorkQueueFilters, page?: number): string {
  const params = new URLSearchParams({ hang: tab });
  for (const [key, value] of Object.entries({ ...filters, page })) if (value !== undefined && value !== '') params.set(key === 'q' ? 'tim' : key, String(value));
  return `/xu-ly?${params.toString()}`;
}

/**
 * An officer's work queue (issue 4 §2, §5): tabs with counts, filters, the dossiers most urgent first with the
 * step's and the dossier's time left in words, icon and colour, claim and give-back buttons, and for a leader a
 * bulk assignment. One form around the table, so every button works without JavaScript (claiming uses the
 * button's own `formaction`).
 */
export function WorkQueuePage({ ctx, view, mayManageAbsences, notice, errors = [], report }: Props) {
  const { lang } = ctx;
  const title = t(lang, 'work.title');
  const tabName = (tab: WorkTab) => t(lang, `work.tab.${tab}` as MessageKey);
  const f = view.filters;
  const assigning = view.officers.length > 0 && view.items.some((i) => i.mayAssign);
  const stepName = (i: { stepName: string; stepNameEn?: string | undefined }) => (lang === 'en' && i.stepNameEn ? i.stepNameEn : i.stepName);
  const selected = (on: boolean) => (on ? true : undefined);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      <LiveUpdates lang={lang} />
      {mayManageAbsences ? <p><a href="/xu-ly/vang-mat">{t(lang, 'work.absence.title')}</a></p> : null}
      {notice ? <p class="notice success" role="status">{notice}</p> : null}
      <ErrorSummary lang={lang} errors={errors} />
      {report ? <AssignmentResult lang={lang} report={report} /> : null}
      <nav aria-label={t(lang, 'work.tabs')}>
        <ul class="queue-tabs">{view.tabs.map((tab) => (
          <li><a href={workQueueHref(tab, {})} aria-current={tab === view.tab ? 'page' : undefined}>
            {tabName(tab)} <span class="count">({view.counts[tab]})</span>
          </a></li>
        ))}</ul>
      </nav>

      <form method="get" action="/xu-ly" class="filters work-filters" role="search" aria-label={t(lang, 'work.filters')}>
        <input type="hidden" name="hang" value={view.tab} />
        <div class="field"><label for="f-q">{t(lang, 'work.filter.q')}</label>
          <input id="f-q" name="tim" type="search" value={f.q ?? ''} maxLength={200} /></div>
        <div class="field"><label for="f-procedure">{t(lang, 'work.filter.procedure')}</label>
          <select id="f-procedure" name="procedure"><option value="">{t(lang, 'work.filter.any')}</option>
            {view.options.procedures.map((p) => <option value={p.code} selected={selected(f.procedure === p.code)}>{p.name}</option>)}</select></div>
        <div class="field"><label for="f-step">{t(lang, 'work.filter.step')}</label>
          <select id="f-step" name="step"><option value="">{t(lang, 'work.filter.any')}</option>
            {view.options.steps.map((s) => <option value={s.code} selected={selected(f.step === s.code)}>{stepName({ stepName: s.name, stepNameEn: s.nameEn })}</option>)}</select></div>
        <div class="field"><label for="f-status">{t(lang, 'work.filter.status')}</label>
          <select id="f-status" name="status"><option value="">{t(lang, 'work.filter.any')}</option>
            {view.options.statuses.map((s) => <option value={String(s)} selected={selected(f.status === s)}>{t(lang, `dossier.status.${s}` as MessageKey)}</option>)}</select></div>
        <div class="field"><label for="f-due">{t(lang, 'work.filter.due')}</label>
          <select id="f-due" name="due"><option value="">{t(lang, 'work.filter.any')}</option>
            {dueStates.map((d) => <option value={d} selected={selected(f.due === d)}>{t(lang, `desk.timeLeft.${d}` as MessageKey)}</option>)}</select></div>
        <div class="field"><label for="f-from">{t(lang, 'work.filter.receivedFrom')}</label>
          <input id="f-from" name="receivedFrom" type="date" value={f.receivedFrom ?? ''} /></div>
        <div class="field"><label for="f-to">{t(lang, 'work.filter.receivedTo')}</label>
          <input id="f-to" name="receivedTo" type="date" value={f.receivedTo ?? ''} /></div>
        <div class="filter-actions"><button type="submit">{t(lang, 'work.filter.apply')}</button> <a href={workQueueHref(view.tab, {})}>{t(lang, 'work.filter.clear')}</a></div>
      </form>

      <h2 id="queue-title">{tabName(view.tab)} <span class="count">{t(lang, 'work.total', { n: view.total })}</span></h2>
      {view.items.length === 0 ? <p>{t(lang, 'work.empty')}</p> : (
        <form method="post" action="/xu-ly/phan-cong" id="queue-form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="hang" value={view.tab} />
          <div class="table-wrap" role="region" aria-labelledby="queue-title" tabIndex={0}>
            <table class="work-queue">
              <thead><tr>
                {assigning ? <th scope="col"><span class="visually-hidden">{t(lang, 'work.col.select')}</span></th> : null}
                <th scope="col">{t(lang, 'myDossiers.code')}</th><th scope="col">{t(lang, 'myDossiers.procedure')}</th>
                <th scope="col">{t(lang, 'desk.applicant')}</th><th scope="col">{t(lang, 'work.col.step')}</th>
                <th scope="col">{t(lang, 'work.col.holder')}</th><th scope="col">{t(lang, 'work.col.stepDue')}</th>
                <th scope="col">{t(lang, 'work.col.dueAt')}</th><th scope="col">{t(lang, 'work.col.actions')}</th>
              </tr></thead>
              <tbody>{view.items.map((d) => <Row lang={lang} d={d} assigning={assigning} stepName={stepName(d)} />)}</tbody>
            </table>
          </div>
          {assigning ? (
            <fieldset class="filters bulk-assign">
              <legend>{t(lang, 'work.assign.legend')}</legend>
              <p class="hint" id="assign-hint">{t(lang, 'work.assign.hint')}</p>
              <div class="field"><label for="assignee">{t(lang, 'work.assign.to')}</label>
                <select id="assignee" name="assigneeId" aria-describedby="assign-hint"><option value="">{t(lang, 'work.assign.choose')}</option>
                  {view.officers.map((o) => (
                    <option value={o.accountId}>
                      {`${o.name} — ${o.roles.map((r) => t(lang, `work.role.${r}` as MessageKey)).join(', ')}`}
                      {o.absentUntil ? ` ${t(lang, 'work.assign.absentMark', { until: dateText(o.absentUntil), name: o.coveringName ?? '' })}` : ''}
                    </option>
                  ))}</select></div>
              <div class="field"><label for="assign-reason">{t(lang, 'work.assign.reason')}</label>
                <input id="assign-reason" name="reason" type="text" maxLength={500} /></div>
              <div class="filter-actions"><button type="submit">{t(lang, 'work.assign.submit')}</button></div>
            </fieldset>
          ) : null}
        </form>
      )}
      <Pagination lang={lang} page={view.page} pageSize={view.pageSize} total={view.total} href={(page) => workQueueHref(view.tab, f, page)} />
    </Layout>
  );
}

function Row({ lang, d, assigning, stepName }: { lang: Lang; d: WorkItem; assigning: boolean; stepName: string }) {
  const label = d.code ?? d.reference;
  return (
    <tr class={`time-${d.due}`}>
      {assigning ? (
        <td>{d.mayAssign ? <input type="checkbox" name="dossierId" value={d.id} id={`pick-${d.id}`} aria-label={t(lang, 'work.pick', { code: label })} /> : null}</td>
      ) : null}
      <th scope="row"><a href={`/xu-ly/ho-so/${d.id}`}>{label}</a></th>
      <td>{d.procedureName}</td>
      <td>{d.applicantName}</td>
      <td>{stepName}</td>
      <td>{d.holderName ?? <em>{t(lang, 'work.unassigned')}</em>}{d.coveringFor ? <><br /><strong>{t(lang, 'work.coveringFor', { name: d.coveringFor })}</strong></> : null}</td>
      <td>{dateTimeText(lang, d.stepDueAt)} <TimeBadge lang={lang} state={d.stepTime} /></td>
      <td>{dateTimeText(lang, d.dueAt)} <TimeBadge lang={lang} state={d.dossierTime} /></td>
      <td>
        {d.mayClaim ? <button type="submit" class="secondary-button" formaction={`/xu-ly/ho-so/${d.id}/nhan`} aria-label={t(lang, 'work.claimCode', { code: label })}>{t(lang, 'work.claim')}</button> : null}
        {d.mayRelease ? <button type="submit" class="secondary-button" formaction={`/xu-ly/ho-so/${d.id}/tra-lai-hang-cho`} aria-label={t(lang, 'work.releaseCode', { code: label })}>{t(lang, 'work.release')}</button> : null}
      </td>
    </tr>
  );
}

function AssignmentResult({ lang, report }: { lang: Lang; report: AssignmentReport }) {
  const done = report.outcomes.filter((o) => o.ok);
  const refused = report.outcomes.filter((o) => !o.ok);
  return (
    <section class="notice assignment-report" role="status" aria-labelledby="assign-report-title">
      <h2 id="assign-report-title">{t(lang, 'work.assign.report', { done: done.length, total: report.outcomes.length, name: report.assigneeName })}</h2>
      {report.absences.map((a) => <p><strong>{t(lang, 'work.assign.absentWarning', { name: report.assigneeName, until: dateText(a.endsOn), covering: a.coveringName })}</strong></p>)}
      <ul>
        {done.map((o) => <li>{t(lang, 'work.assign.done', { code: o.label })}</li>)}
        {refused.map((o) => <li>{t(lang, 'work.assign.refused', { code: o.label })} {o.ok ? '' : o.message}</li>)}
      </ul>
    </section>
  );
}

/** A local date (YYYY-MM-DD) as dd/mm/yyyy. */
export function dateText(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

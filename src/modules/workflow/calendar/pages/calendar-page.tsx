import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import type { FieldError } from '../../../../platform/validation/validator.ts';

export interface CalendarPageData {
  year: number;
  days: { date: string; kind: 'holiday' | 'dayOff' | 'workingDay'; name: string; changed_by: string }[];
  changes: { changed_by: string; changed_at: Date; reason: string }[];
}

interface CalendarPageProps {
  ctx: PageContext;
  data: CalendarPageData;
  errors?: FieldError[];
  values?: Record<string, string>;
  /** Set after a change: how many open dossiers had their due date recomputed (CAL-05). */
  recomputed?: number | undefined;
}

const kinds = ['holiday', 'dayOff', 'workingDay'] as const;
const dayText = (date: string) => date.split('-').reverse().join('/');

/** The province's working calendar for one year (CAL-04): listed days, a form to set or remove one, the change log. */
export function CalendarPage({ ctx, data, errors = [], values = {}, recomputed }: CalendarPageProps) {
  const { lang } = ctx;
  const error = (field: string) => errors.find((e) => e.path === `/${field}`)?.message;
  const described = (field: string, hint?: string) => [hint, error(field) ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const when = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  const weekdayName = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  return (
    <Layout ctx={ctx} title={t(lang, 'calendar.title', { year: data.year })} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'calendar.title', { year: data.year }) }]}>
      <h1>{t(lang, 'calendar.title', { year: data.year })}</h1>
      <p>{t(lang, 'calendar.lead')}</p>
      <nav aria-label={t(lang, 'calendar.years')} class="year-nav">
        <a href={`/quan-tri/lich-lam-viec?nam=${data.year - 1}`}>{data.year - 1}</a> · <a href={`/quan-tri/lich-lam-viec?nam=${data.year + 1}`}>{data.year + 1}</a>
      </nav>
      {recomputed !== undefined ? <p class="notice" role="status">{t(lang, 'calendar.saved', { count: recomputed })}</p> : null}
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      <h2 id="days">{t(lang, 'calendar.days')}</h2>
      <div class="table-wrap" role="region" aria-labelledby="days" tabIndex={0}>
        <table>
          <thead><tr><th scope="col">{t(lang, 'calendar.date')}</th><th scope="col">{t(lang, 'calendar.kind')}</th><th scope="col">{t(lang, 'calendar.name')}</th><th scope="col">{t(lang, 'calendar.remove')}</th></tr></thead>
          <tbody>{data.days.map((d) => (
            <tr>
              <th scope="row">{weekdayName.format(new Date(`${d.date}T00:00:00Z`))} {dayText(d.date)}</th>
              <td>{t(lang, `calendar.kind.${d.kind}` as MessageKey)}</td>
              <td>{d.name}</td>
              <td>
                <form method="post" action="/quan-tri/lich-lam-viec/xoa" class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <input type="hidden" name="date" value={d.date} />
                  <label class="visually-hidden" for={`reason-${d.date}`}>{t(lang, 'calendar.removeReason', { date: dayText(d.date) })}</label>
                  <input id={`reason-${d.date}`} name="reason" type="text" required maxLength={300} placeholder={t(lang, 'calendar.reason')} />
                  <button type="submit" class="secondary">{t(lang, 'calendar.remove')}</button>
                </form>
              </td>
            </tr>
          ))}</tbody>
        </table>
      </div>
      <h2 id="set-day">{t(lang, 'calendar.setDay')}</h2>
      <form method="post" action="/quan-tri/lich-lam-viec" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class={`field${error('date') ? ' field-error' : ''}`}>
          <label for="date">{t(lang, 'calendar.date')}</label>
          {error('date') ? <p class="error-message" id="date-error">{error('date')}</p> : null}
          <input id="date" name="date" type="date" required value={values['date'] ?? ''} aria-describedby={described('date')} aria-invalid={error('date') ? 'true' : undefined} />
        </div>
        <fieldset class={`field${error('kind') ? ' field-error' : ''}`}>
          <legend>{t(lang, 'calendar.kind')}</legend>
          {kinds.map((k) => (
            <label class="choice"><input type="radio" name="kind" value={k} checked={(values['kind'] ?? 'holiday') === k} /> {t(lang, `calendar.kind.${k}` as MessageKey)}</label>
          ))}
        </fieldset>
        <div class={`field${error('name') ? ' field-error' : ''}`}>
          <label for="name">{t(lang, 'calendar.name')}</label>
          <p class="hint" id="name-hint">{t(lang, 'calendar.nameHint')}</p>
          {error('name') ? <p class="error-message" id="name-error">{error('name')}</p> : null}
          <input id="name" name="name" type="text" required maxLength={200} value={values['name'] ?? ''} aria-describedby={described('name', 'name-hint')} aria-invalid={error('name') ? 'true' : undefined} />
        </div>
        <div class={`field${error('reason') ? ' field-error' : ''}`}>
          <label for="reason">{t(lang, 'calendar.reason')}</label>
          <p class="hint" id="reason-hint">{t(lang, 'calendar.reasonHint')}</p>
          {error('reason') ? <p class="error-message" id="reason-error">{error('reason')}</p> : null}
          <input id="reason" name="reason" type="text" required maxLength={300} value={values['reason'] ?? ''} aria-describedby={described('reason', 'reason-hint')} aria-invalid={error('reason') ? 'true' : undefined} />
        </div>
        <button type="submit">{t(lang, 'calendar.save')}</button>
      </form>
      <h2 id="changes">{t(lang, 'calendar.changes')}</h2>
      {data.changes.length ? (
        <ul class="change-log">{data.changes.map((c) => <li>{when.format(new Date(c.changed_at))} — {c.changed_by}: {c.reason}</li>)}</ul>
      ) : <p>{t(lang, 'calendar.noChanges')}</p>}
    </Layout>
  );
}

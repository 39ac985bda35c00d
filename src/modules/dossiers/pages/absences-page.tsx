import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { ErrorSummary } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { AbsencesView } from '../list-absences.ts';
import { dateText } from './work-queue-page.tsx';

interface Props { ctx: PageContext; view: AbsencesView; errors?: FieldError[]; values?: Record<string, string>; notice?: string | undefined }

/**
 * Cover for absent colleagues (issue 4 §2): who is away, until when, who covers; a leader records a new absence
 * or ends one early. While an absence runs the covering officer finds the absent officer's dossiers in "my queue".
 */
export function AbsencesPage({ ctx, view, errors = [], values = {}, notice }: Props) {
  const { lang } = ctx;
  const title = t(lang, 'work.absence.title');
  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const field = (name: string, label: string, control: (described: string | undefined) => ComponentChildren) => {
    const message = error(`/${name}`);
    return (
      <div class={`field${message ? ' field-error' : ''}`}>
        <label for={name}>{label}</label>
        {message ? <p class="error-message" id={`${name}-error`}>{message}</p> : null}
        {control(message ? `${name}-error` : undefined)}
      </div>
    );
  };
  const officerSelect = (name: string) => field(name, t(lang, name === 'officerId' ? 'work.absence.officer' : 'work.absence.covering'), (described) => (
    <select id={name} name={name} aria-describedby={described} aria-invalid={described ? 'true' : undefined}>
      <option value="">{t(lang, 'work.assign.choose')}</option>
      {view.units.map((u) => (
        <optgroup label={u.name}>{u.officers.map((o) => <option value={o.accountId} selected={values[name] === o.accountId ? true : undefined}>{o.name}</option>)}</optgroup>
      ))}
    </select>
  ));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/xu-ly', label: t(lang, 'work.title') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t(lang, 'work.absence.lead')}</p>
      {notice ? <p class="notice success" role="status">{notice}</p> : null}
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ target: e.path.slice(1) || undefined, message: e.message }))} />
      <h2 id="absence-list">{t(lang, 'work.absence.list')}</h2>
      {view.absences.length === 0 ? <p>{t(lang, 'work.absence.none')}</p> : (
        <div class="table-wrap" role="region" aria-labelledby="absence-list" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'work.absence.officer')}</th><th scope="col">{t(lang, 'work.absence.covering')}</th>
              <th scope="col">{t(lang, 'work.absence.unit')}</th><th scope="col">{t(lang, 'work.absence.period')}</th>
              <th scope="col">{t(lang, 'work.absence.reason')}</th><th scope="col">{t(lang, 'work.absence.state')}</th><th scope="col">{t(lang, 'work.col.actions')}</th>
            </tr></thead>
            <tbody>{view.absences.map((a) => (
              <tr>
                <th scope="row">{a.officerName}</th><td>{a.coveringName}</td><td>{a.unitName}</td>
                <td>{dateText(a.startsOn)} – {dateText(a.endsOn)}</td><td>{a.reason}</td>
                <td>{t(lang, `work.absence.state.${a.state}` as MessageKey)}</td>
                <td>{a.state !== 'ended' ? (
                  <form method="post" action="/xu-ly/vang-mat">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <input type="hidden" name="endAbsenceId" value={String(a.id)} />
                    <button type="submit" class="secondary-button" aria-label={t(lang, 'work.absence.endOf', { name: a.officerName })}>{t(lang, 'work.absence.end')}</button>
                  </form>
                ) : null}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      <h2>{t(lang, 'work.absence.new')}</h2>
      <form method="post" action="/xu-ly/vang-mat" class="stack-form">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {view.units.length === 1 ? <input type="hidden" name="agencyId" value={String(view.units[0]!.id)} /> : field('agencyId', t(lang, 'work.absence.unit'), (described) => (
          <select id="agencyId" name="agencyId" aria-describedby={described}>
            {view.units.map((u) => <option value={String(u.id)} selected={values['agencyId'] === String(u.id) ? true : undefined}>{u.name}</option>)}
          </select>
        ))}
        {officerSelect('officerId')}
        {officerSelect('coveringOfficerId')}
        {field('startsOn', t(lang, 'work.absence.startsOn'), (described) => <input id="startsOn" name="startsOn" type="date" value={values['startsOn'] ?? view.today} aria-describedby={described} aria-invalid={described ? 'true' : undefined} />)}
        {field('endsOn', t(lang, 'work.absence.endsOn'), (described) => <input id="endsOn" name="endsOn" type="date" value={values['endsOn'] ?? ''} aria-describedby={described} aria-invalid={described ? 'true' : undefined} />)}
        {field('reason', t(lang, 'work.absence.reason'), (described) => <input id="reason" name="reason" type="text" maxLength={500} value={values['reason'] ?? ''} aria-describedby={described} aria-invalid={described ? 'true' : undefined} />)}
        <button type="submit">{t(lang, 'work.absence.submit')}</button>
      </form>
    </Layout>
  );
}

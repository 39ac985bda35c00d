import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { DossierRegisterView } from '../get-dossier-register.ts';
import { dateTimeText } from './format.ts';

export const registerPath = '/xu-ly/so-theo-doi';
export type RegisterParams = Partial<Record<'don-vi' | 'tu-ngay' | 'den-ngay' | 'kenh', string>>;

interface Props {
  ctx: PageContext;
  params: RegisterParams;
  units: { id: number; name: string }[];
  view?: DossierRegisterView | undefined;
  errors?: FieldError[];
}

/** Mẫu 06 on screen (issue 4 §6): a unit, a period and a channel; the register as a table and as a PDF to print. */
export function DossierRegisterPage({ ctx, params, units, view, errors = [] }: Props) {
  const { lang } = ctx;
  const m = (key: MessageKey, p?: Record<string, string | number>) => t(lang, key, p);
  const title = m('deskRegister.title');
  const error = (name: string) => errors.find((e) => e.path === `/${name}`)?.message;
  const values = { 'don-vi': params['don-vi'] ?? (view ? String(view.unit.id) : ''), 'tu-ngay': params['tu-ngay'] ?? view?.from ?? '', 'den-ngay': params['den-ngay'] ?? view?.to ?? '', kenh: params.kenh ?? '' };
  const pdfQuery = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString();
  const DateField = ({ name, label }: { name: 'tu-ngay' | 'den-ngay'; label: MessageKey }) => (
    <div class={`filter field${error(name) ? ' field-error' : ''}`}>
      <label for={name}>{m(label)}</label>
      {error(name) ? <p class="error-message" id={`${name}-error`}>{error(name)}</p> : null}
      <input id={name} name={name} type="date" value={values[name]} aria-describedby={error(name) ? `${name}-error` : undefined} aria-invalid={error(name) ? 'true' : undefined} />
    </div>
  );
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: m('nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      <form method="get" action={registerPath}>
        <fieldset class="filters">
          <legend>{m('deskRegister.filters')}</legend>
          <div class="filter field">
            <label for="don-vi">{m('officerSearch.unit')}</label>
            <select id="don-vi" name="don-vi">{units.map((u) => <option value={String(u.id)} selected={values['don-vi'] === String(u.id)}>{u.name}</option>)}</select>
          </div>
          <DateField name="tu-ngay" label="officerSearch.from" />
          <DateField name="den-ngay" label="officerSearch.to" />
          <div class="filter field">
            <label for="kenh">{m('deskRegister.channel')}</label>
            <select id="kenh" name="kenh">
              <option value="">{m('officerSearch.any')}</option>
              {(['online', 'desk', 'postal'] as const).map((c) => <option value={c} selected={values.kenh === c}>{m(`deskRegister.channel.${c}`)}</option>)}
            </select>
          </div>
          <div class="filter-actions"><button type="submit">{m('deskRegister.show')}</button></div>
        </fieldset>
      </form>
      {view ? (
        <>
          <h2 id="register">{m('deskRegister.heading', { unit: view.unit.name, count: view.rows.length })}</h2>
          <p><a class="button-link" href={`${registerPath}.pdf?${pdfQuery}`}>{m('deskRegister.pdf')}</a></p>
          {view.truncated ? <p class="notice">{m('deskRegister.truncated', { count: view.rows.length })}</p> : null}
          {view.rows.length === 0 ? <p>{m('notice.dossierRegister.empty')}</p> : (
            <div class="table-wrap" role="region" aria-labelledby="register" tabIndex={0}>
              <table>
                <thead><tr>
                  <th scope="col">{m('notice.dossierRegister.col.no')}</th><th scope="col">{m('notice.dossierRegister.col.code')}</th>
                  <th scope="col">{m('notice.dossierRegister.col.procedure')}</th><th scope="col">{m('notice.dossierRegister.col.applicant')}</th>
                  <th scope="col">{m('notice.dossierRegister.col.received')}</th><th scope="col">{m('notice.dossierRegister.col.due')}</th>
                  <th scope="col">{m('notice.dossierRegister.col.handedTo')}</th><th scope="col">{m('notice.dossierRegister.col.returned')}</th>
                  <th scope="col">{m('notice.dossierRegister.col.remarks')}</th>
                </tr></thead>
                <tbody>{view.rows.map((r, i) => (
                  <tr>
                    <td>{i + 1}</td>
                    <th scope="row"><a href={`/xu-ly/ho-so/${r.id}/phieu-kiem-soat`}>{r.code}</a></th>
                    <td>{r.procedureName}</td>
                    <td>{r.applicantName}{r.applicantContact ? <span class="small">{r.applicantContact}</span> : null}</td>
                    <td>{dateTimeText(lang, r.receivedAt)}</td><td>{dateTimeText(lang, r.dueAt)}</td>
                    <td>{r.handedTo ?? ''}</td><td>{dateTimeText(lang, r.returnedAt)}</td>
                    <td>{[m(`dossier.status.${r.status}` as MessageKey), r.remarks].filter(Boolean).join('. ')}</td>
                  </tr>
                ))}</tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </Layout>
  );
}

import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { ProcedureDetail } from '../get-procedure.ts';
import { dateText, label, money, timeLimitText } from './labels.ts';

/** Every published part of a procedure (P-02), from the pinned published version. */
export function ProcedurePage({ ctx, detail, canonical }: { ctx: PageContext; detail: ProcedureDetail; canonical: string }) {
  const { lang } = ctx;
  const p = detail.definition;
  const name = (lang === 'en' && p.nameEn) || p.name;
  const caseName = (code: string) => p.cases.find((c) => c.code === code)?.name ?? code;
  const communes = detail.agencies.filter((a) => a.kind === 'commune');
  const others = detail.agencies.filter((a) => a.kind !== 'commune');
  const fieldName = (lang === 'en' && detail.field.nameEn) || detail.field.name;
  return (
    <Layout ctx={ctx} title={name} description={`${name} — ${fieldName}`} canonical={canonical}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: `/thu-tuc?field=${encodeURIComponent(detail.field.code)}`, label: fieldName }, { label: name }]}>
      <article class="procedure">
        <h1>{name}</h1>
        <dl class="summary">
          <dt>{t(lang, 'procedure.code')}</dt><dd>{p.code}</dd>
          <dt>{t(lang, 'procedure.field')}</dt><dd>{fieldName}</dd>
          <dt>{t(lang, 'procedure.level')}</dt><dd>{label(lang, 'level', p.level)}</dd>
          <dt>{t(lang, 'procedure.onlineLevel')}</dt><dd><span class={`badge badge-${p.onlineLevel}`}>{label(lang, 'onlineLevel', p.onlineLevel)}</span></dd>
          <dt>{t(lang, 'procedure.applicants')}</dt><dd>{p.applicantTypes.map((a) => label(lang, 'applicant', a)).join(', ')}</dd>
        </dl>
        {p.onlineLevel === 'partial' && p.partialReason ? (
          <p class="notice"><strong>{t(lang, 'procedure.partialReason')}:</strong> {p.partialReason}</p>
        ) : null}
        {p.channels.includes('online') ? <p><a class="button-link" href={`/thu-tuc/${encodeURIComponent(p.code)}/nop-ho-so`}>{t(lang, 'procedure.applyOnline')}</a></p> : null}

        <h2 id="sequence">{t(lang, 'procedure.sequence')}</h2>
        <ol class="steps">{p.sequence.map((s) => <li>{s}</li>)}</ol>

        <h2 id="methods">{t(lang, 'procedure.methods')}</h2>
        <ul>{p.channels.map((c) => <li>{label(lang, 'channel', c)}</li>)}</ul>
        {p.methodNotes ? <p>{p.methodNotes}</p> : null}

        <h2 id="components">{t(lang, 'procedure.components')}</h2>
        <div class="table-wrap" role="region" aria-labelledby="components" tabIndex={0}>
          <table>
            <caption class="visually-hidden">{t(lang, 'procedure.componentTable')}</caption>
            <thead><tr>
              <th scope="col">{t(lang, 'procedure.componentName')}</th>
              <th scope="col">{t(lang, 'procedure.originals')}</th>
              <th scope="col">{t(lang, 'procedure.copies')}</th>
              <th scope="col">{t(lang, 'procedure.form')}</th>
            </tr></thead>
            <tbody>
              {p.components.map((c) => (
                <tr>
                  <th scope="row" class="component-name">
                    {c.name}
                    {c.note ? <span class="small">{c.note}</span> : null}
                    {!c.required ? <span class="small">{t(lang, 'procedure.optional')}</span> : null}
                    {c.caseCodes.length ? <span class="small">{t(lang, 'procedure.appliesTo', { cases: c.caseCodes.map(caseName).join('; ') })}</span> : null}
                    {c.eForm ? <span class="small">{t(lang, 'procedure.eForm')}</span> : null}
                  </th>
                  <td>{c.originals}</td>
                  <td>{c.copies}</td>
                  <td>{c.form ? (
                    <a href={`/thu-tuc/${encodeURIComponent(p.code)}/mau/${encodeURIComponent(c.code)}.pdf`} aria-label={t(lang, 'procedure.downloadFormLabel', { name: c.form.title })} download>
                      {t(lang, 'procedure.downloadForm')}
                    </a>
                  ) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2 id="cases">{t(lang, 'procedure.cases')}</h2>
        <div class="table-wrap" role="region" aria-labelledby="cases" tabIndex={0}>
          <table>
            <caption class="visually-hidden">{t(lang, 'procedure.caseTable')}</caption>
            <thead><tr>
              <th scope="col">{t(lang, 'procedure.case')}</th>
              <th scope="col">{t(lang, 'procedure.timeLimit')}</th>
              <th scope="col">{t(lang, 'procedure.fees')}</th>
            </tr></thead>
            <tbody>
              {p.cases.map((c) => (
                <tr>
                  <th scope="row">{c.name}</th>
                  <td>
                    {timeLimitText(lang, c.timeLimit)}
                    {c.onlineTimeLimit ? <span class="small">{t(lang, 'procedure.onlineTimeLimit', { limit: timeLimitText(lang, c.onlineTimeLimit) })}</span> : null}
                  </td>
                  <td>
                    {c.fees.length === 0 ? t(lang, 'procedure.noFee') : (
                      <ul class="plain">
                        {c.fees.map((f) => (
                          <li>
                            {label(lang, 'feeKind', f.kind)}: {f.name} — {f.basis === 'officerSet' ? t(lang, 'feeBasis.officerSet') : `${money(lang, f.amount)}${f.basis === 'perCopy' ? t(lang, 'feeBasis.perCopy') : ''}`}
                            {f.note ? <span class="small">{f.note}</span> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2 id="agencies">{t(lang, 'procedure.agencies')}</h2>
        <ul>
          {others.map((a) => <li><a href={`/thu-tuc?agency=${encodeURIComponent(a.code)}`}>{(lang === 'en' && a.nameEn) || a.name}</a></li>)}
          {communes.length ? <li><a href="/co-quan#communes">{t(lang, 'procedure.communesCount', { count: communes.length })}</a></li> : null}
        </ul>
        {p.competentAuthority ? <p><strong>{t(lang, 'procedure.competentAuthority')}:</strong> {p.competentAuthority}</p> : null}

        <h2 id="results">{t(lang, 'procedure.results')}</h2>
        <ul>{p.results.map((r) => <li>{r.name} ({label(lang, 'resultForm', r.form)})</li>)}</ul>

        <h2 id="requirements">{t(lang, 'procedure.requirements')}</h2>
        {p.requirements.length ? <ul>{p.requirements.map((r) => <li>{r}</li>)}</ul> : <p>{t(lang, 'procedure.noRequirements')}</p>}

        <h2 id="legal-basis">{t(lang, 'procedure.legalBasis')}</h2>
        <ul>{p.legalBasis.map((l) => <li>{lang === 'vi' ? `${l.title} số ${l.number}` : `${l.title} No. ${l.number}`}{l.issuer ? ` — ${l.issuer}` : ''}, {dateText(lang, l.issuedOn)}</li>)}</ul>

        {p.publication ? (
          <>
            <h2 id="publication">{t(lang, 'procedure.publication')}</h2>
            <p>{t(lang, 'procedure.publicationText', { number: p.publication.decisionNumber, date: dateText(lang, p.publication.decisionDate) })}</p>
          </>
        ) : null}
        {detail.publishedAt ? <p class="small">{t(lang, 'procedure.version', { version: detail.version, date: dateText(lang, detail.publishedAt) })}</p> : null}
      </article>
    </Layout>
  );
}

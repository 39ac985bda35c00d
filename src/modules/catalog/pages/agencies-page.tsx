import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { AgencyView } from '../list-agencies.ts';
import { dateText } from './labels.ts';

interface AgenciesPageProps {
  ctx: PageContext;
  current: AgencyView[];
  former: AgencyView[];
  counts: Map<string, number>;
}

/** The agency tree in force today, each linking to its procedures; dissolved units listed apart (two-tier reform). */
export function AgenciesPage({ ctx, current, former, counts }: AgenciesPageProps) {
  const { lang } = ctx;
  const name = (a: AgencyView) => (lang === 'en' && a.nameEn) || a.name;
  const item = (a: AgencyView) => (
    <li>
      {counts.get(a.code) ? <a href={`/thu-tuc?agency=${encodeURIComponent(a.code)}`}>{name(a)}</a> : name(a)}
      {counts.get(a.code) ? <span class="count"> — {t(lang, 'agencies.procedures', { count: counts.get(a.code) ?? 0 })}</span> : null}
      <span class="small">{a.code}{a.address ? ` · ${a.address}` : ''}{a.phone ? ` · ${a.phone}` : ''}</span>
    </li>
  );
  const province = current.filter((a) => a.kind === 'province');
  const provincial = current.filter((a) => a.kind === 'department' || a.kind === 'serviceCentre');
  const communes = current.filter((a) => a.kind === 'commune');
  return (
    <Layout ctx={ctx} title={t(lang, 'agencies.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'nav.agencies') }]}>
      <h1>{t(lang, 'agencies.title')}</h1>
      <ul class="agency-list">{province.map(item)}{provincial.map(item)}</ul>
      <h2 id="communes">{t(lang, 'home.communes')}</h2>
      <ul class="agency-list">{communes.map(item)}</ul>
      {former.length ? (
        <>
          <h2 id="former">{t(lang, 'agencies.former')}</h2>
          <ul class="agency-list">
            {former.map((a) => <li>{name(a)} <span class="small">{a.code} · {t(lang, 'agencies.validUntil', { date: a.validTo ? dateText(lang, a.validTo) : '' })}</span></li>)}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

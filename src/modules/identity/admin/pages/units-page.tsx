import { t } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import type { UnitNode } from '../list-units.ts';
import { adminCrumbs, AdminNav, localName } from './admin-parts.tsx';

function UnitTree({ lang, nodes }: { lang: PageContext['lang']; nodes: readonly UnitNode[] }) {
  return (
    <ul class="unit-tree">
      {nodes.map((u) => (
        <li>
          <span class="unit-name">{localName(lang, u.name, u.nameEn)}</span>
          {u.current ? null : <span class="unit-dissolved"> ({t(lang, 'admin.units.dissolved')})</span>}
          {' — '}<a href={`/quan-tri/can-bo?unit=${encodeURIComponent(u.code)}`}>{t(lang, 'admin.units.officers', { count: u.officers })}</a>
          {u.children.length ? <UnitTree lang={lang} nodes={u.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The agency tree the administrator manages, each unit linking to its officers. */
export function UnitsPage({ ctx, tree }: { ctx: PageContext; tree: UnitNode[] }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'admin.units.title')} crumbs={adminCrumbs(ctx, t(lang, 'admin.units.title'))}>
      <h1>{t(lang, 'admin.units.title')}</h1>
      <AdminNav lang={lang} current="/quan-tri/don-vi" />
      <p>{t(lang, 'admin.units.lead')}</p>
      <UnitTree lang={lang} nodes={tree} />
    </Layout>
  );
}

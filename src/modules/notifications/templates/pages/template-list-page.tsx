import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { adminCrumbs, AdminNav } from '../../../identity/admin/pages/admin-parts.tsx';
import type { TemplateListRow } from '../get-templates.ts';

export const templatesPath = '/quan-tri/mau-thong-bao';

/** The announced events (issue 5 §3): for each, whether it is mandatory and whether each language was reworded. */
export function TemplateListPage({ ctx, rows }: { ctx: PageContext; rows: TemplateListRow[] }) {
  const { lang } = ctx;
  const title = t(lang, 'notificationTemplates.title');
  const state = (customised: boolean) => t(lang, customised ? 'notificationTemplates.customised' : 'notificationTemplates.default');
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, title)}>
      <h1>{title}</h1>
      <AdminNav lang={lang} current={templatesPath} />
      <p>{t(lang, 'notificationTemplates.lead')}</p>
      <div class="table-wrap" role="region" aria-labelledby="templates-caption" tabIndex={0}>
        <table>
          <caption id="templates-caption">{t(lang, 'notificationTemplates.caption')}</caption>
          <thead><tr>
            <th scope="col">{t(lang, 'notificationTemplates.event')}</th><th scope="col">{t(lang, 'notificationTemplates.mandatory')}</th>
            <th scope="col">{t(lang, 'notificationTemplates.lang.vi')}</th><th scope="col">{t(lang, 'notificationTemplates.lang.en')}</th>
          </tr></thead>
          <tbody>{rows.map((r) => {
            const name = t(lang, `notificationTemplates.kind.${r.kind}` as MessageKey);
            return (
              <tr>
                <th scope="row">{name}</th>
                <td>{t(lang, r.mandatory ? 'notificationTemplates.yes' : 'notificationTemplates.no')}</td>
                {(['vi', 'en'] as const).map((l) => (
                  <td><a href={`${templatesPath}/${r.kind}/${l}`} aria-label={t(lang, 'notificationTemplates.editLabel', { event: name, lang: t(lang, `notificationTemplates.lang.${l}`) })}>
                    {t(lang, 'notificationTemplates.edit')}</a> ({state(r.customised[l])})</td>
                ))}
              </tr>
            );
          })}</tbody>
        </table>
      </div>
    </Layout>
  );
}

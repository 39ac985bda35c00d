import { t } from '../i18n/messages.ts';
import { Layout, type PageContext } from './layout.tsx';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string } }[];
  responses?: Record<string, { description?: string }>;
}

/** A readable, script-free rendering of the OpenAPI document, so the docs page obeys the same CSP and a11y rules. */
export function ApiDocsPage({ ctx, document }: { ctx: PageContext; document: { info?: { title?: string; version?: string }; paths?: Record<string, Record<string, Operation>> } }) {
  const { lang } = ctx;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return (
    <Layout ctx={ctx} title={t(lang, 'api.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'api.title') }]}>
      <h1>{t(lang, 'api.title')}</h1>
      <p>{t(lang, 'api.lead')} <a href="/api/openapi.json">/api/openapi.json</a></p>
      <ul class="link-list">{operations.map(({ path, method, op }) => <li><a href={`#${op.operationId ?? path}`}><code>{method} {path}</code></a> {op.summary}</li>)}</ul>
      {operations.map(({ path, method, op }) => (
        <section class="operation" aria-labelledby={op.operationId ?? path}>
          <h2 id={op.operationId ?? path}><code>{method} {path}</code></h2>
          <p><strong>operationId:</strong> <code>{op.operationId}</code></p>
          {op.summary ? <p>{op.summary}</p> : null}
          {op.description ? <p>{op.description}</p> : null}
          {op.parameters?.length ? (
            <div class="table-wrap" role="region" aria-label={`${t(lang, 'api.parameters')} ${op.operationId ?? ''}`} tabIndex={0}>
              <table>
                <caption>{t(lang, 'api.parameters')}</caption>
                <thead><tr><th scope="col">{t(lang, 'api.name')}</th><th scope="col">{t(lang, 'api.in')}</th><th scope="col">{t(lang, 'api.required')}</th><th scope="col">{t(lang, 'api.description')}</th></tr></thead>
                <tbody>{op.parameters.map((p) => (
                  <tr><th scope="row"><code>{p.name}</code></th><td>{p.in}</td><td>{p.required ? t(lang, 'api.yes') : t(lang, 'api.no')}</td><td>{p.description ?? p.schema?.type ?? ''}</td></tr>
                ))}</tbody>
              </table>
            </div>
          ) : null}
          <h3>{t(lang, 'api.responses')}</h3>
          <ul>{Object.entries(op.responses ?? {}).map(([status, r]) => <li><code>{status}</code> {r.description}</li>)}</ul>
        </section>
      ))}
    </Layout>
  );
}

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { requestLang } from '../../../platform/http/request-lang.ts';
import { Problem } from '../../catalog/api-schemas.ts';
import { CatalogFile } from '../../catalog/catalog-file-schema.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { importCatalogFromClient } from './import-catalog-from-client.ts';
import { apiScopeNames, apiScopes } from './scopes.ts';

/** The OpenAPI security schemes of API clients (issue 3 §3), for the document's `components`. */
export const clientSecuritySchemes = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key (odvc_…) or an access token from POST /oauth/token.' },
  apiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (odvc_…).' },
  oauth2: {
    type: 'oauth2', description: 'OAuth 2.0 client credentials (RFC 6749 §4.4); tokens last one hour.',
    flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: Object.fromEntries(apiScopeNames.map((s) => [s, t('en', apiScopes[s])])) } },
  },
} as const;

/** How machine routes are documented: any of the three ways an API client authenticates. */
export const clientSecurity = (scope: string): Record<string, string[]>[] => [{ bearerAuth: [] }, { apiKeyAuth: [] }, { oauth2: [scope] }];

const Tally = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
const ImportSummary = Type.Object({
  agencies: Tally, fields: Tally, synonyms: Tally,
  procedures: Type.Object({ created: Type.Integer(), newVersions: Type.Integer(), unchanged: Type.Integer(), drafts: Type.Integer() }),
  changed: Type.Boolean(),
});
// The same shape without the file's $id, which the import's own validator has already registered under that name.
const CatalogFileBody = Type.Object(CatalogFile.properties, { additionalProperties: false, description: 'A catalogue file, format 1 (docs/catalog-format.md).' });

/** Machine routes of other systems (issue 3 §3), each behind an API-client scope. */
export function registerClientApi(app: FastifyInstance, deps: { db: Kysely<Database>; now: () => Date }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post('/api/v1/catalog/import', {
    schema: {
      operationId: 'importCatalog', tags: ['catalog'], summary: 'Đẩy thay đổi danh mục thủ tục hành chính (scope catalog.import)',
      description: 'For the national TTHC database feed and provincial integrations. Takes a catalogue file (docs/catalog-format.md), '
        + 'validates it whole (every error with its JSON Pointer, nothing written) and applies it in one transaction: new versions for '
        + 'changed procedures, nothing for identical ones (idempotent). Requires an API client holding the `catalog.import` scope.',
      security: clientSecurity('catalog.import'),
      body: CatalogFileBody,
      response: { 200: ImportSummary, 400: Problem, 401: Problem, 403: Problem },
    },
    bodyLimit: 20 * 1_048_576,
    config: { access: { scope: 'catalog.import' } },
  }, async (request) => {
    const lang = requestLang(request);
    const result = await importCatalogFromClient(deps.db, request.actor, deps.now(), request.body, {
      ip: request.ip, userAgent: request.headers['user-agent'] ?? null, lang,
    });
    if (!result.ok) throw new AppError('validationFailed', result.errors.map((e) => ({ path: `/body${e.path === '/' ? '' : e.path}`, message: e.message })));
    return result.summary;
  });
}

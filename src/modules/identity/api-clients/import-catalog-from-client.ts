import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { recordAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { importCatalog, type ImportResult } from '../../catalog/import-catalog.ts';
import { actorLabel } from './create-api-client.ts';

/**
 * A catalogue file pushed by another system (the national TTHC database feed, a provincial integration): the
 * same validated, single-transaction, idempotent import as `opendvc import catalog`. Every push is audited with
 * the client as actor, accepted or not, so the trail tells which system changed the catalogue and when.
 */
export async function importCatalogFromClient(db: Kysely<Database>, actor: Actor, now: Date, file: unknown, origin: { ip: string | null; userAgent: string | null; lang: Lang }): Promise<ImportResult> {
  authorize(actor, 'catalog.import');
  const clientId = actor.kind === 'client' ? actor.clientId : null;
  const result = await importCatalog(db, file, { source: `api:${actorLabel(actor)}`, now, lang: origin.lang });
  await recordAuditEntry(db, now, {
    actorId: clientId, actorLabel: actorLabel(actor), ip: origin.ip, userAgent: origin.userAgent,
    action: 'catalog.importedByClient', targetType: 'catalog', targetId: null,
    after: result.ok ? { accepted: true, summary: result.summary } : { accepted: false, errors: result.errors.length },
  });
  return result;
}

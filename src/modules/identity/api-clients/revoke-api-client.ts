import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { authorizeClientAgency } from './authorize-client-agency.ts';
import { actorLabel } from './create-api-client.ts';
import { deleteClientAccessTokens, findClient, revokeClient } from './repository.ts';

/**
 * Revokes an API client (issue 3 §3). Its key and every access token it holds stop working on the next request,
 * since credentials are resolved fresh each time; the tokens are also deleted, as they can never be used again.
 * Revoking twice is harmless and audited once.
 */
export async function revokeApiClient(db: Kysely<Database>, actor: Actor, now: Date, clientId: string, origin: { ip: string | null; userAgent: string | null }): Promise<void> {
  authorize(actor, 'apiClient.manage');
  await db.transaction().execute(async (trx) => {
    const client = await findClient(trx, clientId);
    if (!client) throw new AppError('notFound');
    await authorizeClientAgency(trx, actor, client.agency_id);
    if (!(await revokeClient(trx, clientId, actor.kind === 'officer' ? actor.accountId : null, now))) return;
    await deleteClientAccessTokens(trx, clientId);
    await appendAuditEntry(trx, now, {
      actorId: actor.kind === 'officer' ? actor.accountId : null, actorLabel: actorLabel(actor), ip: origin.ip, userAgent: origin.userAgent,
      action: 'identity.apiClient.revoked', targetType: 'apiClient', targetId: clientId,
      before: { name: client.name, kind: client.kind, scopes: client.scopes, revokedAt: null },
      after: { name: client.name, kind: client.kind, scopes: client.scopes, revokedAt: now.toISOString() },
    });
  });
}

import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { authorizeClientAgency } from './authorize-client-agency.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { formatApiKey, hashSecret, newPublicId, newSecret } from './credentials.ts';
import { findAgencyId, insertApiClient } from './repository.ts';
import { isApiScope } from './scopes.ts';
import type { ApiClientKind } from './tables.ts';

export interface NewApiClient {
  name: string;
  kind: ApiClientKind;
  scopes: string[];
  agencyCode?: string | undefined;
}

/** What the administrator hands over, shown once: only its hash is kept. */
export type IssuedCredentials = { kind: 'apiKey'; apiKey: string } | { kind: 'oauthClient'; clientId: string; clientSecret: string };

export type CreateApiClientResult =
  | { ok: true; clientId: string; name: string; credentials: IssuedCredentials }
  | { ok: false; problems: { field: 'scopes' | 'agencyCode'; key: MessageKey }[] };

/**
 * Registers another system as an API client (issue 3 §3) with the scopes it needs and nothing more, and issues
 * its secret. The shape of the input (lengths, kinds) is checked by the route's schema; this checks what only
 * the data can tell (known scopes, an existing agency).
 */
export async function createApiClient(db: Kysely<Database>, actor: Actor, now: Date, input: NewApiClient, origin: { ip: string | null; userAgent: string | null }): Promise<CreateApiClientResult> {
  authorize(actor, 'apiClient.manage');
  const problems: { field: 'scopes' | 'agencyCode'; key: MessageKey }[] = [];
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || !scopes.every(isApiScope)) problems.push({ field: 'scopes', key: 'apiClients.scopeRequired' });
  const agencyId = input.agencyCode ? await findAgencyId(db, input.agencyCode) : null;
  if (agencyId === undefined) problems.push({ field: 'agencyCode', key: 'apiClients.unknownAgency' });
  if (problems.length || agencyId === undefined) return { ok: false, problems };
  await authorizeClientAgency(db, actor, agencyId);

  const publicId = newPublicId();
  const secret = newSecret();
  const name = input.name.trim();
  const clientId = await db.transaction().execute(async (trx) => {
    const id = await insertApiClient(trx, {
      publicId, name, agencyId, kind: input.kind, scopes, secretHash: hashSecret(secret),
      createdBy: actor.kind === 'officer' ? actor.accountId : null, now,
    });
    await appendAuditEntry(trx, now, {
      actorId: actor.kind === 'officer' ? actor.accountId : null, actorLabel: actorLabel(actor), ip: origin.ip, userAgent: origin.userAgent,
      action: 'identity.apiClient.created', targetType: 'apiClient', targetId: id,
      after: { name, kind: input.kind, scopes, agencyId, publicId },
    });
    return id;
  });
  const credentials: IssuedCredentials = input.kind === 'apiKey'
    ? { kind: 'apiKey', apiKey: formatApiKey(publicId, secret) }
    : { kind: 'oauthClient', clientId: publicId, clientSecret: secret };
  return { ok: true, clientId, name, credentials };
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'officer': case 'person': case 'client': return actor.name;
    case 'system': return actor.label;
    case 'anonymous': return 'anonymous';
  }
}

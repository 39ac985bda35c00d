import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { Actor } from '../../platform/context.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { revokeSession } from './repository.ts';
import { hashSessionToken } from './session-policy.ts';

/** Sign-out: the session is revoked server-side (a copied cookie is useless afterwards) and audited. */
export async function endSession(db: Kysely<Database>, input: { token: string; actor: Actor; ip: string | null; userAgent: string | null; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await revokeSession(trx, hashSessionToken(input.token), input.now);
    const actorId = input.actor.kind === 'person' || input.actor.kind === 'officer' ? input.actor.accountId : null;
    const actorLabel = input.actor.kind === 'person' || input.actor.kind === 'officer' ? input.actor.name : 'anonymous';
    await appendAuditEntry(trx, input.now, { actorId, actorLabel, ip: input.ip, userAgent: input.userAgent, action: 'identity.signOut', targetType: 'account', targetId: actorId });
  });
}

import type { Kysely } from 'kysely';
import { appendAuditEntry } from '../audit/append-audit-entry.ts';
import { authorize } from '../auth/authorize.ts';
import type { Actor } from '../context.ts';
import type { Database } from '../db/tables.ts';
import { AppError } from '../http/app-error.ts';
import { t, type Lang } from '../i18n/messages.ts';
import { lockOutboxMessage, restartOutboxMessage } from './repository.ts';

/**
 * An operator sends a dead message again (issue 5 §3), e.g. once the SMS gateway's key is fixed: it is pending and
 * due now, with its attempts counted from zero, so it gets the whole retry policy again. Only a dead message: one
 * still being retried is already on its way. The same message, same idempotency key: a gateway that got it before
 * does not send it twice. Audited as `outbox.resent` (without the payload).
 */
export async function resendOutboxMessage(db: Kysely<Database>, who: { actor: Actor; now: Date; lang: Lang; ip: string | null; userAgent: string | null }, id: number): Promise<void> {
  authorize(who.actor, 'outbox.manage');
  await db.transaction().execute(async (trx) => {
    const message = await lockOutboxMessage(trx, id);
    if (!message) throw new AppError('notFound');
    if (message.status !== 'dead') throw new AppError('validationFailed', [{ path: '/id', message: t(who.lang, 'outbox.resendOnlyDead') }]);
    await restartOutboxMessage(trx, id, who.now);
    const actor = who.actor;
    await appendAuditEntry(trx, who.now, {
      actorId: actor.kind === 'officer' ? actor.accountId : null, actorLabel: actor.kind === 'officer' ? actor.name : actor.kind, ip: who.ip, userAgent: who.userAgent,
      action: 'outbox.resent', targetType: 'outboxMessage', targetId: String(id),
      before: { status: message.status, attempts: message.attempts, lastError: message.last_error, topic: message.topic }, after: { status: 'pending', attempts: 0 },
    });
  });
}

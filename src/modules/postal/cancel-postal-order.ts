import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { actorIdentity } from '../dossiers/append-dossier-action.ts';
import { findDossier } from '../dossiers/repository.ts';
import { appendPostalAction } from './place-postal-order.ts';
import type { PostalOrderMessage } from './request-postal-order.ts';
import { findPostalOrder, updatePostalOrder } from './repository.ts';

/**
 * The desk cancels an order the post has not picked up yet (issue 5 §4). One not yet placed is cancelled here (the
 * worker then skips it); a placed one is cancelled at the operator through the outbox, never from the request.
 */
export async function cancelPostalOrder(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; orderId: string }) {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.receive', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  await db.transaction().execute(async (trx) => {
    const order = await findPostalOrder(trx, input.orderId, true);
    if (!order || order.dossier_id !== dossier.id) throw new AppError('notFound');
    if (order.status !== 'requested' && order.status !== 'created') throw new AppError('validationFailed', [{ path: '/orderId', message: t(lang, 'postal.error.cannotCancel') }]);
    if (order.status === 'requested') {
      await updatePostalOrder(trx, order.id, { status: 'cancelled', now });
      await appendPostalAction(trx, dossier.id, { kind: 'postalOrderCancelled', at: now, actor, reason: t('vi', 'postal.timeline.cancelledBeforePlaced'), payload: { postalOrderId: order.id } });
    } else {
      await updatePostalOrder(trx, order.id, { status: 'cancelRequested', now });
      await enqueueMessage(trx, { topic: 'postalOrder', payload: { orderId: order.id, op: 'cancel' } satisfies PostalOrderMessage, idempotencyKey: `postal-order:${order.id}:cancel`, now });
    }
    await appendAuditEntry(trx, now, { ...actorIdentity(actor), action: 'postal.order.cancelRequested', targetType: 'dossier', targetId: dossier.id, after: { orderId: order.id } });
  });
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { PostalAddress, PostalOrderStatus, PostalPurpose } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

// SQL for the postal module's own tables (postal_choice, postal_order, postal_event); no business rules here.

export async function findPostalChoice(db: Db, dossierId: string) {
  return db.selectFrom('postal_choice').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
}

export async function savePostalChoice(db: Db, c: { dossierId: string; sendPapers: boolean; returnResult: boolean; address: PostalAddress; quotedFee: number; now: Date }) {
  const values = { send_papers: c.sendPapers, return_result: c.returnResult, address: JSON.stringify(c.address), quoted_fee: c.quotedFee, updated_at: c.now };
  await db.insertInto('postal_choice').values({ dossier_id: c.dossierId, ...values }).onConflict((oc) => oc.column('dossier_id').doUpdateSet(values)).execute();
}

export async function deletePostalChoice(db: Db, dossierId: string) {
  await db.deleteFrom('postal_choice').where('dossier_id', '=', dossierId).execute();
}

export async function insertPostalOrder(db: Db, o: {
  dossierId: string; purpose: PostalPurpose; reference: string; address: PostalAddress; codAmount: number; fee: number; paymentRequestSeq: number | null; createdBy: string | null; now: Date;
}) {
  return db.insertInto('postal_order').values({
    dossier_id: o.dossierId, purpose: o.purpose, reference: o.reference, status: 'requested', address: JSON.stringify(o.address), cod_amount: o.codAmount, fee: o.fee,
    payment_request_seq: o.paymentRequestSeq, created_by: o.createdBy, created_at: o.now, updated_at: o.now,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function findPostalOrder(db: Db, id: string, lock = false) {
  const query = db.selectFrom('postal_order').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function findPostalOrderByCode(db: Db, orderCode: string, lock = false) {
  const query = db.selectFrom('postal_order').selectAll().where('order_code', '=', orderCode);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function listDossierPostalOrders(db: Db, dossierId: string) {
  return db.selectFrom('postal_order').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('reference').execute();
}

export async function updatePostalOrder(db: Db, id: string, change: { status?: PostalOrderStatus; orderCode?: string; now: Date }) {
  await db.updateTable('postal_order').set({
    ...(change.status ? { status: change.status } : {}), ...(change.orderCode ? { order_code: change.orderCode } : {}), updated_at: change.now,
  }).where('id', '=', id).execute();
}

/** Records a callback; false when the operator's event id was already recorded (a repeat). */
export async function insertPostalEvent(db: Db, e: { orderId: string | null; operatorEventId: string | null; statusCode: string | null; outcome: string; detail: Record<string, unknown>; at: Date }): Promise<boolean> {
  const inserted = await db.insertInto('postal_event').values({
    postal_order_id: e.orderId, operator_event_id: e.operatorEventId, status_code: e.statusCode, outcome: e.outcome, detail: JSON.stringify(e.detail), at: e.at,
  }).onConflict((oc) => oc.column('operator_event_id').where('outcome', '<>', 'forged').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export async function listPostalEvents(db: Db, orderIds: string[]) {
  if (!orderIds.length) return [];
  return db.selectFrom('postal_event').selectAll().where('postal_order_id', 'in', orderIds).orderBy('id').execute();
}

/** Filed dossiers awaiting the desk whose applicant sends the papers by post, with no pickup ever ordered. */
export async function listDossiersWithoutPickup(db: Db, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('postal_choice as c').innerJoin('dossier as d', 'd.id', 'c.dossier_id').select('c.dossier_id')
    .where('c.send_papers', '=', true).where('d.status', '=', 1)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('postal_order as o').select('o.id').whereRef('o.dossier_id', '=', 'c.dossier_id').where('o.purpose', '=', 'pickup'))))
    .orderBy('c.updated_at').limit(limit).execute();
  return rows.map((r) => r.dossier_id);
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { PaymentEventKind, PaymentItem, PaymentMethod, PaymentStatus } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

// SQL for the payments module's own tables (payment, payment_event); no business rules here.

export async function insertPayment(db: Db, p: {
  dossierId: string; requestSeq: number; orderReference: string; amount: number; items: PaymentItem[]; status: PaymentStatus; method: PaymentMethod;
  transactionNo?: string | null; payerAccountId?: string | null; recordedBy?: string | null; now: Date; paidAt?: Date | null;
}) {
  return db.insertInto('payment').values({
    dossier_id: p.dossierId, request_seq: p.requestSeq, order_reference: p.orderReference, amount: p.amount, items: JSON.stringify(p.items),
    status: p.status, method: p.method, transaction_no: p.transactionNo ?? null, payer_account_id: p.payerAccountId ?? null,
    recorded_by: p.recordedBy ?? null, created_at: p.now, paid_at: p.paidAt ?? null, updated_at: p.now,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function findPayment(db: Db, id: string) {
  return db.selectFrom('payment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The order by its reference, locked for the rest of the transaction when `lock` (IPN, return query, reconciliation). */
export async function findPaymentByReference(db: Db, orderReference: string, lock = false) {
  const query = db.selectFrom('payment').selectAll().where('order_reference', '=', orderReference);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function listDossierPayments(db: Db, dossierId: string) {
  return db.selectFrom('payment').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('order_reference').execute();
}

export async function updatePayment(db: Db, id: string, change: {
  status?: PaymentStatus; transactionNo?: string | null; bankCode?: string | null; gatewayCode?: string | null; mismatch?: string | null; paidAt?: Date | null; now: Date;
}) {
  await db.updateTable('payment').set({
    ...(change.status ? { status: change.status } : {}),
    ...(change.transactionNo !== undefined ? { transaction_no: change.transactionNo } : {}),
    ...(change.bankCode !== undefined ? { bank_code: change.bankCode } : {}),
    ...(change.gatewayCode !== undefined ? { gateway_code: change.gatewayCode } : {}),
    ...(change.mismatch !== undefined ? { mismatch: change.mismatch } : {}),
    ...(change.paidAt !== undefined ? { paid_at: change.paidAt } : {}),
    updated_at: change.now,
  }).where('id', '=', id).execute();
}

export async function insertPaymentEvent(db: Db, e: { paymentId: string | null; kind: PaymentEventKind; outcome: string; detail: Record<string, unknown>; at: Date }) {
  await db.insertInto('payment_event').values({ payment_id: e.paymentId, kind: e.kind, outcome: e.outcome, detail: JSON.stringify(e.detail), at: e.at }).execute();
}

export async function listPaymentEvents(db: Db, paymentIds: string[]) {
  if (!paymentIds.length) return [];
  return db.selectFrom('payment_event').selectAll().where('payment_id', 'in', paymentIds).orderBy('id').execute();
}

/** Gateway orders created since a moment that are still pending or paid: what reconciliation asks the gateway about. */
export async function listOrdersToReconcile(db: Db, method: PaymentMethod, since: Date) {
  return db.selectFrom('payment').selectAll().where('method', '=', method).where('status', 'in', ['pending', 'paid'])
    .where('created_at', '>=', since).orderBy('created_at').execute();
}

/** The back-office list (issue 5 §2): newest first, with the dossier's reference and code. */
export async function searchPayments(db: Db, filter: {
  status?: PaymentStatus | undefined; method?: PaymentMethod | undefined; mismatchOnly?: boolean; limit: number; offset: number;
  /** Only dossiers filed with or received at these agencies; undefined = all. */
  agencyIds?: number[] | undefined;
}) {
  let query = db.selectFrom('payment as p').innerJoin('dossier as d', 'd.id', 'p.dossier_id');
  if (filter.agencyIds) {
    const ids = filter.agencyIds.length ? filter.agencyIds : [-1];
    query = query.where((eb) => eb.or([eb('d.receiving_agency_id', 'in', ids), eb('d.desk_agency_id', 'in', ids)]));
  }
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.method) query = query.where('p.method', '=', filter.method);
  if (filter.mismatchOnly) query = query.where('p.mismatch', 'is not', null);
  const [rows, total] = await Promise.all([
    query.select(['p.id', 'p.order_reference', 'p.amount', 'p.status', 'p.method', 'p.transaction_no', 'p.mismatch', 'p.created_at', 'p.paid_at', 'p.dossier_id', 'd.reference', 'd.code'])
      .orderBy('p.created_at', 'desc').orderBy('p.order_reference').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

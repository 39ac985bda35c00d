import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { listActions } from '../dossiers/repository.ts';
import type { PaymentItem } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PaymentRequest {
  /** The seq of the dossier's `paymentRequested` action. */
  seq: number;
  at: Date;
  items: PaymentItem[];
  total: number;
  /** Still to pay: the dossier waits in status 6 for this request. */
  open: boolean;
}

/**
 * The fee requests of a dossier, oldest first, read from its `paymentRequested` actions (ST-06): each with its items
 * and total, and whether it is still open (the last one, while the dossier is in status 6).
 */
export async function listPaymentRequests(db: Db, dossier: { id: string; status: number }): Promise<PaymentRequest[]> {
  const actions = (await listActions(db, dossier.id)).filter((a) => a.kind === 'paymentRequested');
  return actions.map((a, i) => {
    const payload = a.payload as { items?: PaymentItem[]; total?: number };
    const items = (payload.items ?? []).map((item) => ({ ...(item.code ? { code: item.code } : {}), name: item.name, amount: Number(item.amount) }));
    return {
      seq: a.seq, at: new Date(a.at), items, total: Number(payload.total ?? items.reduce((s, item) => s + item.amount, 0)),
      open: i === actions.length - 1 && dossier.status === 6,
    };
  });
}

export async function openPaymentRequest(db: Db, dossier: { id: string; status: number }): Promise<PaymentRequest | undefined> {
  if (dossier.status !== 6) return undefined;
  return (await listPaymentRequests(db, dossier)).find((r) => r.open);
}

import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { JobDefinition } from '../../jobs.ts';
import { requestPapersPickup } from './request-postal-order.ts';
import { listDossiersWithoutPickup } from './repository.ts';

const system: Actor = { kind: 'system', label: 'Đặt lấy hồ sơ qua bưu điện (tự động)' };

/**
 * The pickup of papers sent by post is ordered right after filing, in a transaction of its own (issue 5 §4, P-15);
 * a process killed between the two would leave it unordered. This catches those: every dossier still awaiting the
 * desk whose applicant sends the papers and for which no pickup was ever ordered gets one. A failed or cancelled
 * pickup is not reordered: that is the desk's call.
 */
export async function orderMissedPickups(db: Kysely<Database>, now: Date): Promise<number> {
  let ordered = 0;
  for (const dossierId of await listDossiersWithoutPickup(db, 200)) {
    if (await requestPapersPickup(db, system, now, dossierId)) ordered++;
  }
  return ordered;
}

/** Every 15 minutes. */
export const orderMissedPickupsJob: JobDefinition = {
  name: 'postal.missed-pickups',
  cron: '*/15 * * * *',
  async handle(_data, context) {
    const ordered = await orderMissedPickups(context.db, new Date());
    if (ordered) context.log.info({ ordered }, 'missed postal pickups ordered');
  },
};

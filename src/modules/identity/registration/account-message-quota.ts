import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { countAccountMessagesSince, logAccountMessage } from './repository.ts';

/** At most this many verification, reset or notice messages per account and hour, from any number of IPs. */
export const accountMessagesPerHour = 3;

/**
 * Takes one message from the account's hourly allowance; false when it is spent. The account row is locked
 * first so two simultaneous requests cannot both take the last one.
 */
export async function takeAccountMessageQuota(trx: Transaction<Database>, accountId: string, kind: string, now: Date): Promise<boolean> {
  await trx.selectFrom('account').select('id').where('id', '=', accountId).forUpdate().executeTakeFirst();
  const sent = await countAccountMessagesSince(trx, accountId, new Date(now.getTime() - 3_600_000));
  if (sent >= accountMessagesPerHour) return false;
  await logAccountMessage(trx, accountId, kind, now);
  return true;
}

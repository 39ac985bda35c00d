import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { MessageContext } from './account-messages.ts';
import { parseContact } from './phone-number.ts';
import { sendVerification } from './register-account.ts';
import { findAccountsByContact } from './repository.ts';

/**
 * Sends a fresh link or code to a pending account's e-mail or phone (within the hourly allowance). The caller
 * always shows the same "check your inbox" answer, whether or not such an account exists.
 */
export async function resendVerification(db: Kysely<Database>, input: { contact: string; now: Date; message: MessageContext }): Promise<void> {
  const parsed = parseContact(input.contact);
  if (!parsed) return;
  const { email, phone } = parsed;
  await db.transaction().execute(async (trx) => {
    const [account] = await findAccountsByContact(trx, { email, phone });
    if (account?.status !== 'pending') return;
    await sendVerification(trx, { accountId: account.id, displayName: account.display_name, email: email ? account.email : undefined, phone: phone ? account.phone : undefined }, input);
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { phoneCodeMatches, phoneCodeMaxAttempts } from './account-messages.ts';
import { normalizeVietnamesePhone } from './phone-number.ts';
import { activateAccount, countPhoneCodeAttempt, deletePhoneCode, lockPhoneCode, recordVerifiedContact } from './repository.ts';

/**
 * Checks the 6-digit SMS code of a pending account (10 minutes, 5 tries, then a new code must be asked for).
 * Wrong number, no code, expired, exhausted or wrong: all the same `false`, so the form reveals nothing.
 */
export async function verifyPhoneCode(db: Kysely<Database>, input: { phone: string; code: string; now: Date; ip: string | null; userAgent: string | null }): Promise<boolean> {
  const phone = normalizeVietnamesePhone(input.phone);
  const code = input.code.replace(/\s/g, '');
  if (!phone || !/^\d{6}$/.test(code)) return false;
  return db.transaction().execute(async (trx) => {
    const live = await lockPhoneCode(trx, phone);
    if (!live || live.attempts >= phoneCodeMaxAttempts || new Date(live.expires_at) <= input.now) return false;
    if (!phoneCodeMatches(live.account_id, code, live.code_hash)) {
      await countPhoneCodeAttempt(trx, live.account_id);
      return false;
    }
    await deletePhoneCode(trx, live.account_id);
    await activateAccount(trx, live.account_id, input.now, false);
    await recordVerifiedContact(trx, live.account_id, 'phone', phone, 'smsCode', input.now);
    await appendAuditEntry(trx, input.now, {
      actorId: live.account_id, actorLabel: live.display_name, ip: input.ip, userAgent: input.userAgent, action: 'identity.account.verified',
      targetType: 'account', targetId: live.account_id, before: { status: 'pending' }, after: { status: 'active', verified: 'phone' },
    });
    return true;
  });
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { enqueueEmail } from '../../../platform/mail/enqueue-email.ts';
import { enqueueSms } from '../../../platform/outbox/enqueue-sms.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { issueAccountToken } from '../account-tokens.ts';
import { takeAccountMessageQuota } from './account-message-quota.ts';
import { resetLinkMinutes, resetMessage, type MessageContext } from './account-messages.ts';
import { parseContact } from './phone-number.ts';
import { findAccountsByContact } from './repository.ts';

/**
 * "Forgot password" (issue 3 §3): a 1-hour link to set a new password. It goes to the account's e-mail when it
 * has one (so following it proves that address), otherwise by SMS. The caller answers the same whether or not
 * an account exists; disabled and closed accounts get nothing.
 */
export async function requestPasswordReset(db: Kysely<Database>, input: { contact: string; now: Date; ip: string | null; userAgent: string | null; message: MessageContext }): Promise<void> {
  const parsed = parseContact(input.contact);
  if (!parsed) return;
  const { email, phone } = parsed;
  await db.transaction().execute(async (trx) => {
    const [account] = await findAccountsByContact(trx, { email, phone });
    if (!account || (account.status !== 'active' && account.status !== 'pending')) return;
    if (!(await takeAccountMessageQuota(trx, account.id, 'passwordReset', input.now))) return;
    const token = await issueAccountToken(trx, { accountId: account.id, purpose: 'setPassword', ttlMinutes: resetLinkMinutes, now: input.now });
    const message = resetMessage(input.message, account.display_name, token);
    const idempotencyKey = `reset:${token.slice(0, 16)}`;
    if (account.email) await enqueueEmail(trx, { to: account.email, subject: message.subject, text: message.text, idempotencyKey, now: input.now });
    else await enqueueSms(trx, { to: account.phone!, text: t(input.message.lang, 'sms.reset', { portal: input.message.portalName, link: message.link }), idempotencyKey, now: input.now });
    await appendAuditEntry(trx, input.now, {
      actorLabel: email ?? phone, ip: input.ip, userAgent: input.userAgent, action: 'identity.password.resetRequested',
      targetType: 'account', targetId: account.id, after: { channel: account.email ? 'email' : 'sms' },
    });
  });
}

import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { setNotificationChannels as storeChannels } from './repository.ts';
import { loadOwnAccount } from './own-account.ts';

export const notificationChannels = ['email', 'sms', 'inApp'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export type SetNotificationChannelsResult = { ok: true } | { ok: false; errors: { name: NotificationChannel; message: MessageKey }[] };

/**
 * A person chooses how optional notices reach them (issue 3 §1). The in-app inbox always stays on, and the
 * notices the law requires (receipt, supplement request, refusal, apology, result) go out whatever is chosen.
 * A channel needs somewhere to deliver to: no SMS without a phone number, no e-mail without an address.
 */
export async function setNotificationChannels(db: Kysely<Database>, input: { actor: Actor; now: Date; channels: readonly string[]; ip: string | null; userAgent: string | null }): Promise<SetNotificationChannelsResult> {
  return db.transaction().execute(async (trx) => {
    const account = await loadOwnAccount(trx, input.actor, 'profile.edit');
    const chosen = notificationChannels.filter((c) => c === 'inApp' || input.channels.includes(c));
    const errors: { name: NotificationChannel; message: MessageKey }[] = [];
    if (chosen.includes('sms') && !account.phone) errors.push({ name: 'sms', message: 'profile.channels.error.noPhone' });
    if (chosen.includes('email') && !account.email) errors.push({ name: 'email', message: 'profile.channels.error.noEmail' });
    if (errors.length) return { ok: false, errors };
    const before = [...account.notification_channels].sort();
    const after = [...chosen].sort();
    if (before.join() !== after.join()) {
      await storeChannels(trx, account.id, chosen, input.now);
      await appendAuditEntry(trx, input.now, {
        actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent,
        action: 'identity.notifications.updated', targetType: 'account', targetId: account.id,
        before: { channels: before }, after: { channels: after },
      });
    }
    return { ok: true };
  });
}

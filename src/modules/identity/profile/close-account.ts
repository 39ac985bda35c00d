import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry, recordAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { cleanQuery, foldVietnamese } from '../../../platform/text/fold.ts';
import { verifyPassword } from '../password-hash.ts';
import { revokeAccountSessions, setAccountStatus } from '../repository.ts';
import { deleteExternalIdentities, listExternalIdentities } from './repository.ts';
import { loadOwnAccount } from './own-account.ts';

export interface CloseAccountInput {
  actor: Actor;
  now: Date;
  /** The account's password; an account without one (signed in through VNeID) types the confirmation phrase. */
  password?: string | undefined;
  phrase?: string | undefined;
  ip: string | null;
  userAgent: string | null;
}

export type CloseAccountResult = { ok: true } | { ok: false; field: 'password' | 'phrase'; message: MessageKey };

// Either language's phrase is accepted, compared without case or diacritics (people type on any keyboard).
const fold = (text: string) => foldVietnamese(cleanQuery(text));
const acceptedPhrases = new Set([fold(t('vi', 'profile.close.phrase')), fold(t('en', 'profile.close.phrase'))]);

/**
 * A person closes their own account (issue 3 §1). Confirmed by the password (or the phrase), then: status
 * `closed`, every session revoked, the e-mail address, phone number and VNeID link released for a new
 * registration (the unique indexes skip closed accounts). Dossiers and the audit trail are kept as the law
 * requires. Officers cannot close their own account: administrators deactivate them.
 */
export async function closeAccount(db: Kysely<Database>, input: CloseAccountInput): Promise<CloseAccountResult> {
  const account = await loadOwnAccount(db, input.actor, 'account.close');
  const audit = { actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, targetType: 'account', targetId: account.id };
  const confirmed = account.password_hash
    ? await verifyPassword(account.password_hash, input.password ?? '')
    : acceptedPhrases.has(fold(input.phrase ?? ''));
  if (!confirmed) {
    await recordAuditEntry(db, input.now, { ...audit, action: 'identity.account.closeRefused' });
    return account.password_hash
      ? { ok: false, field: 'password', message: 'profile.close.error.password' }
      : { ok: false, field: 'phrase', message: 'profile.close.error.phrase' };
  }
  await db.transaction().execute(async (trx) => {
    const links = await listExternalIdentities(trx, account.id);
    await setAccountStatus(trx, account.id, 'closed', input.now);
    await revokeAccountSessions(trx, account.id, input.now);
    await deleteExternalIdentities(trx, account.id);
    await appendAuditEntry(trx, input.now, {
      ...audit, action: 'identity.account.closed',
      before: { status: account.status, email: account.email, phone: account.phone, externalIdentities: links },
      after: { status: 'closed' },
    });
  });
  return { ok: true };
}

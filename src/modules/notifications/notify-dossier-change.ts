import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { defaultSite } from '../../platform/views/site.ts';
import { findNotificationContact } from '../identity/notification-contacts.ts';
import { dossierMessage, isAnnounced, mandatoryKinds, type DossierEvent } from './dossier-messages.ts';
import { enqueueNotificationEmail } from './notification-email.ts';
import { enqueueNotificationSms } from './notification-sms.ts';
import { insertNotification } from './repository.ts';
import { findStoredTemplate } from './templates/repository.ts';

export interface DossierChange {
  event: DossierEvent & { fromStatus: number };
  at: Date;
  /** The applicant's account, when the dossier was filed by or for one. */
  applicantAccountId: string | null;
  /** The e-mail address given on the dossier (the applicant snapshot), preferred to the account's. */
  applicantEmail: string | null;
  /** The phone number given on the dossier (the applicant snapshot), preferred to the account's verified one. */
  applicantPhone?: string | null | undefined;
}

export interface NotifyResult { inApp: boolean; email: boolean; sms: boolean }

/**
 * Tells the applicant that their dossier changed (issue 4 §5, issue 5 §3): in the caller's transaction (the
 * action's own), an in-app notification to the applicant's account, an e-mail and an SMS through the outbox, to
 * the address and phone on the dossier or else the account's verified ones, worded by the administrator's
 * template when there is one. The notices the law requires always go out; other changes follow the person's
 * channel choices; an applicant without an account gets every channel the dossier gives a contact for. Keyed by
 * dossier and action seq, so replaying never notifies twice.
 */
export async function notifyDossierChange(trx: Transaction<Database>, change: DossierChange): Promise<NotifyResult> {
  const { event } = change;
  if (!isAnnounced(event.kind, event.fromStatus, event.toStatus)) return { inApp: false, email: false, sms: false };
  const contact = change.applicantAccountId ? await findNotificationContact(trx, change.applicantAccountId) : undefined;
  // Profiles keep no language yet: Vietnamese, the portal's first language.
  const lang = 'vi' as const;
  const template = await findStoredTemplate(trx, event.kind, lang);
  const mandatory = mandatoryKinds.has(event.kind);
  const chosen = (channel: string) => mandatory || !contact || contact.channels.includes(channel);
  const { dossier } = event;
  const label = dossier.code ?? dossier.reference;
  const linkPath = contact ? `/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}` : `/tra-cuu-ho-so?ma=${encodeURIComponent(label)}`;
  const message = dossierMessage(lang, event, defaultSite.portalName, { template, linkPath, linkUrl: '{link}' });
  let inApp = false;
  if (contact && chosen('inApp')) {
    inApp = await insertNotification(trx, {
      accountId: contact.accountId, kind: `dossier.${event.kind}`, dossierId: dossier.id, dossierLabel: label, title: message.title,
      body: message.body, link: linkPath, dedupKey: `dossier:${dossier.id}:${event.seq}:${contact.accountId}`, now: change.at,
    });
  }
  const to = change.applicantEmail?.trim() || contact?.email;
  let email = false;
  if (to && chosen('email')) {
    email = await enqueueNotificationEmail(trx, {
      to, subject: message.title, text: message.text, linkPath, idempotencyKey: `dossier:${dossier.id}:${event.seq}:email`, now: change.at,
    });
  }
  const phone = change.applicantPhone?.trim() || contact?.phone;
  let sms = false;
  if (phone && chosen('sms')) {
    sms = await enqueueNotificationSms(trx, { to: phone, text: message.sms, linkPath, idempotencyKey: `dossier:${dossier.id}:${event.seq}:sms`, now: change.at });
  }
  return { inApp, email, sms };
}

import { t, type Lang } from '../../../platform/i18n/messages.ts';
import { countSmsSegments, type SmsSegments } from '../../../platform/sms/sms-text.ts';
import { dossierMessage, type DossierEvent } from '../dossier-messages.ts';
import type { TemplateParts } from '../tables.ts';

export interface TemplatePreview {
  subject: string;
  /** The e-mail text with the link filled in, as the applicant reads it. */
  emailText: string;
  inAppTitle: string;
  inAppBody: string;
  /** The SMS as sent (folded), with how the gateway counts it. */
  sms: string;
  segments: SmsSegments;
}

/** The status a sample dossier is in after each kind of event: the preview shows a plausible one. */
const statusAfter: Record<string, number> = {
  submitted: 1, received: 2, receptionRefused: 3, supplementRequested: 5, paymentRequested: 6, withdrawalRequested: 7, stopped: 8, resolved: 9,
  earlyReturnNoticed: 9, returned: 10,
};

/**
 * What a wording would send, from a fictional sample dossier, without saving anything (issue 5 §3): the e-mail's
 * subject and text, the in-app entry and the SMS as the gateway receives it, with its segment count.
 */
export function previewTemplate(lang: Lang, kind: string, parts: TemplateParts, portal: { name: string; publicUrl: string }, now: Date): TemplatePreview {
  const reference = 'HS261124-MAUTHU';
  const event: DossierEvent = {
    kind, seq: 1, toStatus: statusAfter[kind] ?? 4, reason: t(lang, 'notificationTemplates.sample.reason'),
    payload: {},
    dossier: {
      id: '00000000-0000-4000-8000-000000000000', reference, code: '000.00.01.H99-261124-0001', procedureName: t(lang, 'notificationTemplates.sample.procedure'),
      applicantName: t(lang, 'notificationTemplates.sample.applicant'), dueAt: new Date(now.getTime() + 5 * 86_400_000),
    },
  };
  const linkPath = `/ho-so-cua-toi/${reference}`;
  const message = dossierMessage(lang, event, portal.name, { template: parts, linkPath, linkUrl: `${portal.publicUrl}${linkPath}` });
  return {
    subject: message.title, emailText: message.text.replaceAll('{link}', `${portal.publicUrl}${linkPath}`), inAppTitle: message.title,
    inAppBody: message.body, sms: message.sms, segments: countSmsSegments(message.sms),
  };
}

import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { t, type Lang } from '../../../platform/i18n/messages.ts';

/** What a message needs to know about the portal it speaks for. */
export interface MessageContext {
  lang: Lang;
  portalName: string;
  publicUrl: string;
}

export const verificationLinkHours = 24;
export const resetLinkMinutes = 60;
export const phoneCodeMinutes = 10;
export const phoneCodeMaxAttempts = 5;

export function verifyEmailMessage(m: MessageContext, name: string, token: string) {
  const link = `${m.publicUrl}/dang-ky/xac-minh?token=${token}`;
  return { subject: t(m.lang, 'mail.verify.subject', { portal: m.portalName }), text: t(m.lang, 'mail.verify.body', { name, portal: m.portalName, link }) };
}

export function duplicateNoticeMessage(m: MessageContext, name: string) {
  const link = `${m.publicUrl}/quen-mat-khau`;
  return { subject: t(m.lang, 'mail.duplicate.subject', { portal: m.portalName }), text: t(m.lang, 'mail.duplicate.body', { name, portal: m.portalName, link }) };
}

export function resetMessage(m: MessageContext, name: string, token: string) {
  const link = `${m.publicUrl}/dat-lai-mat-khau?token=${token}`;
  return { subject: t(m.lang, 'mail.reset.subject', { portal: m.portalName }), text: t(m.lang, 'mail.reset.body', { name, portal: m.portalName, link }), link };
}

export function verifySmsText(m: MessageContext, code: string): string {
  return t(m.lang, 'sms.verify', { portal: m.portalName, code });
}

export function duplicateSmsText(m: MessageContext): string {
  return t(m.lang, 'sms.duplicate', { portal: m.portalName });
}

/** A 6-digit code and the hash kept of it (bound to the account so equal codes hash differently). */
export function newPhoneCode(accountId: string): { code: string; codeHash: string } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return { code, codeHash: hashPhoneCode(accountId, code) };
}

export function hashPhoneCode(accountId: string, code: string): string {
  return createHash('sha256').update(`${accountId}:${code}`).digest('hex');
}

export function phoneCodeMatches(accountId: string, code: string, codeHash: string): boolean {
  return timingSafeEqual(Buffer.from(hashPhoneCode(accountId, code), 'hex'), Buffer.from(codeHash, 'hex'));
}

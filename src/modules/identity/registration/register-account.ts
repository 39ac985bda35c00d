import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { enqueueEmail } from '../../../platform/mail/enqueue-email.ts';
import { enqueueSms } from '../../../platform/outbox/enqueue-sms.ts';
import { issueAccountToken } from '../account-tokens.ts';
import { isValidPersonalId, isValidTaxCode } from '../identity-numbers.ts';
import { hashPassword } from '../password-hash.ts';
import { checkPasswordPolicy } from '../password-policy.ts';
import { insertAccount } from '../repository.ts';
import { takeAccountMessageQuota } from './account-message-quota.ts';
import {
  duplicateNoticeMessage, duplicateSmsText, newPhoneCode, phoneCodeMinutes, verificationLinkHours, verifyEmailMessage, verifySmsText, type MessageContext,
} from './account-messages.ts';
import { normalizeVietnamesePhone } from './phone-number.ts';
import { findAccountsByContact, insertDeclaredAttributes, replacePhoneCode } from './repository.ts';

/** The registration form after its JSON Schema check: trimmed, empty fields absent. */
export interface RegistrationInput {
  kind: 'citizen' | 'business';
  fullName?: string | undefined;
  businessName?: string | undefined;
  taxCode?: string | undefined;
  representative?: string | undefined;
  personalId?: string | undefined;
  dateOfBirth?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
  passwordConfirm: string;
  terms?: 'yes' | undefined;
}

export interface FieldProblem { field: string; key: MessageKey }

export type RegistrationOutcome =
  | { ok: false; problems: FieldProblem[] }
  /** The same answer whether an account was created or the address already had one (nothing is revealed). */
  | { ok: true; channel: 'email' | 'phone'; email?: string | undefined; phone?: string | undefined };

function checkRegistration(input: RegistrationInput, today: string): { problems: FieldProblem[]; phone: string | undefined } {
  const problems: FieldProblem[] = [];
  const need = (field: keyof RegistrationInput) => { if (!input[field]) problems.push({ field, key: 'registration.error.required' }); };
  if (input.kind === 'citizen') ['fullName', 'personalId', 'dateOfBirth'].forEach((f) => need(f as keyof RegistrationInput));
  else ['businessName', 'taxCode', 'representative'].forEach((f) => need(f as keyof RegistrationInput));
  if (input.personalId) {
    if (!isValidPersonalId(input.personalId)) problems.push({ field: 'personalId', key: 'registration.error.personalId' });
    else if (input.dateOfBirth && !isValidPersonalId(input.personalId, input.dateOfBirth)) problems.push({ field: 'personalId', key: 'registration.error.personalIdYear' });
  }
  if (input.dateOfBirth && input.dateOfBirth >= today) problems.push({ field: 'dateOfBirth', key: 'registration.error.dateOfBirth' });
  if (input.taxCode && !isValidTaxCode(input.taxCode)) problems.push({ field: 'taxCode', key: 'registration.error.taxCode' });
  const phone = input.phone ? normalizeVietnamesePhone(input.phone) ?? undefined : undefined;
  if (input.phone && !phone) problems.push({ field: 'phone', key: 'registration.error.phone' });
  if (!input.email && !input.phone) problems.push({ field: 'email', key: 'registration.error.contactRequired' });
  const personal = [input.fullName, input.businessName, input.representative, input.email, phone].filter((s): s is string => Boolean(s));
  const weak = checkPasswordPolicy(input.password, personal);
  if (weak) problems.push({ field: 'password', key: weak });
  else if (input.password !== input.passwordConfirm) problems.push({ field: 'passwordConfirm', key: 'registration.error.passwordMismatch' });
  if (input.terms !== 'yes') problems.push({ field: 'terms', key: 'registration.error.terms' });
  return { problems, phone };
}

/**
 * Registers a citizen or business with a local password (issue 3 §1, P-13). The account stays `pending` until
 * the e-mail link or the SMS code proves a contact. An address or number that already has an account gets a
 * notice instead, and the caller sees the very same answer: the form never tells a stranger who has an account.
 * Declared data is kept as unverified profile attributes.
 */
export async function registerAccount(db: Kysely<Database>, input: RegistrationInput, ctx: { now: Date; ip: string | null; userAgent: string | null; message: MessageContext }): Promise<RegistrationOutcome> {
  const { problems, phone } = checkRegistration(input, ctx.now.toISOString().slice(0, 10));
  if (problems.length) return { ok: false, problems };
  const email = input.email?.toLowerCase();
  const answer = { ok: true as const, channel: email ? 'email' as const : 'phone' as const, email, phone };
  // Hashed before looking anything up, so a taken address answers as slowly as a free one.
  const passwordHash = await hashPassword(input.password);
  try {
    await db.transaction().execute(async (trx) => {
      const existing = await findAccountsByContact(trx, { email, phone });
      if (existing.length) {
        for (const owner of existing) await noticeOwner(trx, owner, { email, phone }, ctx);
        return;
      }
      const displayName = input.kind === 'citizen' ? input.fullName! : input.businessName!;
      const accountId = await insertAccount(trx, { kind: input.kind, displayName, email: email ?? null, phone: phone ?? null, passwordHash, status: 'pending' });
      await insertDeclaredAttributes(trx, accountId, {
        fullName: input.kind === 'citizen' ? input.fullName : input.representative, personalId: input.personalId, dateOfBirth: input.dateOfBirth,
        email, phone, taxCode: input.taxCode, businessName: input.businessName, representative: input.representative,
      }, ctx.now);
      await sendVerification(trx, { accountId, displayName, email, phone }, ctx);
      await appendAuditEntry(trx, ctx.now, {
        actorId: accountId, actorLabel: displayName, ip: ctx.ip, userAgent: ctx.userAgent, action: 'identity.account.registered',
        targetType: 'account', targetId: accountId, after: { kind: input.kind, status: 'pending', email: email ?? null, phone: phone ?? null },
      });
    });
  } catch (error) {
    // Another registration took the address between our check and insert: the same answer as any duplicate.
    if ((error as { code?: string }).code !== '23505') throw error;
  }
  return answer;
}

/** Sends the e-mail link and/or the SMS code that activate a pending account, within the hourly allowance. */
export async function sendVerification(trx: Transaction<Database>, account: { accountId: string; displayName: string; email: string | null | undefined; phone: string | null | undefined }, ctx: { now: Date; message: MessageContext }): Promise<boolean> {
  if (!(await takeAccountMessageQuota(trx, account.accountId, 'verification', ctx.now))) return false;
  if (account.email) {
    const token = await issueAccountToken(trx, { accountId: account.accountId, purpose: 'verifyContact', ttlMinutes: verificationLinkHours * 60, now: ctx.now });
    await enqueueEmail(trx, { to: account.email, ...verifyEmailMessage(ctx.message, account.displayName, token), idempotencyKey: `verify-email:${token.slice(0, 16)}`, now: ctx.now });
  }
  if (account.phone) {
    const { code, codeHash } = newPhoneCode(account.accountId);
    await replacePhoneCode(trx, { accountId: account.accountId, codeHash, expiresAt: new Date(ctx.now.getTime() + phoneCodeMinutes * 60_000), now: ctx.now });
    await enqueueSms(trx, { to: account.phone, text: verifySmsText(ctx.message, code), idempotencyKey: `verify-sms:${codeHash.slice(0, 16)}`, now: ctx.now });
  }
  return true;
}

async function noticeOwner(trx: Transaction<Database>, owner: { id: string; display_name: string; email: string | null; phone: string | null }, tried: { email: string | undefined; phone: string | undefined }, ctx: { now: Date; ip: string | null; userAgent: string | null; message: MessageContext }): Promise<void> {
  const byEmail = Boolean(tried.email && owner.email && owner.email.toLowerCase() === tried.email);
  await appendAuditEntry(trx, ctx.now, {
    actorLabel: tried.email ?? tried.phone ?? '', ip: ctx.ip, userAgent: ctx.userAgent, action: 'identity.registration.duplicate',
    targetType: 'account', targetId: owner.id, after: { contact: byEmail ? 'email' : 'phone' },
  });
  if (!(await takeAccountMessageQuota(trx, owner.id, 'duplicateNotice', ctx.now))) return;
  // The owner's language is not known; notices go out in Vietnamese, the portal's first language.
  const message = { ...ctx.message, lang: 'vi' as const };
  const hour = ctx.now.toISOString().slice(0, 13);
  if (byEmail) await enqueueEmail(trx, { to: owner.email!, ...duplicateNoticeMessage(message, owner.display_name), idempotencyKey: `duplicate-email:${owner.id}:${hour}`, now: ctx.now });
  else await enqueueSms(trx, { to: owner.phone!, text: duplicateSmsText(message), idempotencyKey: `duplicate-sms:${owner.id}:${hour}`, now: ctx.now });
}

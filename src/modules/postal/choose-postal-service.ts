import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { actorIdentity } from '../dossiers/append-dossier-action.ts';
import { findOwnDossier } from '../dossiers/get-draft.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { quotePostalFee } from './postal-fees.ts';
import { deletePostalChoice, findPostalChoice, savePostalChoice } from './repository.ts';
import type { PostalAddress } from './tables.ts';

export const addressFields = ['recipient', 'phone', 'province', 'district', 'ward', 'street'] as const;

/** A Vietnamese phone number: 0 or +84 then 9 digits (spaces and dots allowed while typing). */
const phonePattern = /^(0|\+84)\d{9}$/;

/** The form field of an address part; the desk's intake form prefixes them (`postRecipient`) beside the applicant's own. */
export const addressFieldName = (name: (typeof addressFields)[number], prefix = '') => (prefix ? `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}` : name);

/** The address as typed, checked field by field (issue 5 §4): every part required, a phone the postman can call. */
export function readPostalAddress(posted: Record<string, string | undefined>, lang: Lang, prefix = ''): { address: PostalAddress; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = (name: (typeof addressFields)[number]) => (posted[addressFieldName(name, prefix)] ?? '').trim().replace(/\s+/g, ' ');
  const address = Object.fromEntries(addressFields.map((name) => [name, value(name)])) as unknown as PostalAddress;
  address.phone = address.phone.replace(/[\s.-]/g, '');
  for (const name of addressFields) {
    const text = address[name];
    const path = `/${addressFieldName(name, prefix)}`;
    if (!text) errors.push({ path, message: t(lang, `postal.error.${name}Required`) });
    else if (text.length > 120) errors.push({ path, message: t(lang, 'postal.error.tooLong') });
  }
  if (address.phone && !phonePattern.test(address.phone)) errors.push({ path: `/${addressFieldName('phone', prefix)}`, message: t(lang, 'postal.error.phoneInvalid') });
  return { address, errors };
}

/**
 * The applicant chooses, while the dossier is a draft, to send its paper components by post and/or to receive the
 * result by post, with the delivery address; the fee is quoted from the table (issue 5 §4, P-15). Choosing neither
 * removes an earlier choice. Refused field by field with `validationFailed`.
 */
export async function choosePostalService(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  reference: string; sendPapers: boolean; returnResult: boolean; posted: Record<string, string | undefined>;
}) {
  const dossier = await findOwnDossier(db, actor, input.reference);
  if (dossier.status !== 0) throw new AppError('transitionNotAllowed', [], { status: t(lang, `dossier.status.${dossier.status}` as never), action: t(lang, 'postal.choice.title') });
  if (!input.sendPapers && !input.returnResult) {
    await db.transaction().execute(async (trx) => {
      await deletePostalChoice(trx, dossier.id);
      await appendAuditEntry(trx, now, { ...actorIdentity(actor), action: 'postal.choice.removed', targetType: 'dossier', targetId: dossier.id });
    });
    return { quotedFee: 0 };
  }
  const { address, errors } = readPostalAddress(input.posted, lang);
  if (errors.length) throw new AppError('validationFailed', errors);
  const quotedFee = quotePostalFee(input);
  await db.transaction().execute(async (trx) => {
    await savePostalChoice(trx, { dossierId: dossier.id, sendPapers: input.sendPapers, returnResult: input.returnResult, address, quotedFee, now });
    await appendAuditEntry(trx, now, { ...actorIdentity(actor), action: 'postal.choice.saved', targetType: 'dossier', targetId: dossier.id, after: { sendPapers: input.sendPapers, returnResult: input.returnResult, quotedFee } });
  });
  return { quotedFee };
}

export async function getPostalChoiceOf(db: Kysely<Database>, actor: Actor, reference: string) {
  const dossier = await findOwnDossier(db, actor, reference);
  return { dossier, choice: await findPostalChoice(db, dossier.id) };
}

/**
 * A walk-in applicant asks the desk for the result by post (issue 5 §4): recorded with the dossier the desk just
 * registered, as the online applicant's choice would be; the desk orders the delivery when the result is issued.
 */
export async function chooseReturnByPostAtDesk(db: Kysely<Database>, actor: Actor, now: Date, input: { dossierId: string; address: PostalAddress }) {
  const quotedFee = quotePostalFee({ sendPapers: false, returnResult: true });
  await db.transaction().execute(async (trx) => {
    await savePostalChoice(trx, { dossierId: input.dossierId, sendPapers: false, returnResult: true, address: input.address, quotedFee, now });
    await appendAuditEntry(trx, now, { ...actorIdentity(actor), action: 'postal.choice.saved', targetType: 'dossier', targetId: input.dossierId, after: { sendPapers: false, returnResult: true, quotedFee, atDesk: true } });
  });
}

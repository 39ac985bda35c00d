import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { enqueueEmail } from '../../../platform/mail/enqueue-email.ts';
import { issueAccountToken } from '../account-tokens.ts';
import { insertAccount } from '../repository.ts';
import { auditedBy, type AdminContext, type FieldProblem, type Outcome } from './admin-context.ts';
import { findRole, insertOfficerRole, isEmailTaken } from './repository-admin.ts';
import { mayAssignRole } from './scope.ts';
import { readUnits } from './units.ts';

/** How long the activation link works: long enough to span a weekend (issue 3 §2). */
export const activationHours = 72;

export interface NewOfficer { displayName: string; email: string; phone?: string | undefined; agencyCode: string; roleCode: string }

/**
 * Creates an officer account (there is no self-registration for officers, S-f) in status `pending`, with its
 * first role, and sends an activation e-mail whose link sets the password. The link is also returned, shown
 * once to the administrator to hand over in person should the e-mail not arrive.
 */
export async function createOfficer(ctx: AdminContext & { publicUrl: string }, input: NewOfficer): Promise<Outcome<{ accountId: string; activationLink: string }>> {
  const displayName = input.displayName.normalize('NFC').replace(/\s+/g, ' ').trim();
  const email = input.email.trim();
  const phone = input.phone?.replace(/[\s.-]/g, '') || null;
  return ctx.db.transaction().execute(async (trx) => {
    const units = await readUnits(trx, ctx.now);
    const unit = units.byCode.get(input.agencyCode);
    const role = await findRole(trx, input.roleCode);
    const problems: FieldProblem[] = [];
    if (!displayName) problems.push({ field: 'displayName', key: 'admin.error.nameRequired' });
    if (await isEmailTaken(trx, email)) problems.push({ field: 'email', key: 'admin.error.emailTaken' });
    if (!unit || !unit.current) problems.push({ field: 'agency', key: 'admin.error.unknownUnit' });
    if (!role) problems.push({ field: 'role', key: 'admin.error.unknownRole' });
    if (problems.length || !unit || !role) return { ok: false, problems };
    if (!mayAssignRole(ctx.actor, unit.id, role.permissions)) throw new AppError('forbidden');

    const accountId = await insertAccount(trx, { kind: 'officer', displayName, email, phone, status: 'pending' });
    await insertOfficerRole(trx, { accountId, agencyId: unit.id, roleCode: role.code, now: ctx.now });
    const token = await issueAccountToken(trx, { accountId, purpose: 'setPassword', ttlMinutes: activationHours * 60, now: ctx.now });
    const activationLink = `${ctx.publicUrl.replace(/\/$/, '')}/dat-lai-mat-khau?token=${encodeURIComponent(token)}`;
    // The officer's language is not known yet: the message carries both, Vietnamese first.
    const params = { name: displayName, link: activationLink, hours: activationHours };
    await enqueueEmail(trx, {
      to: email,
      subject: `${t('vi', 'admin.mail.subject')} / ${t('en', 'admin.mail.subject')}`,
      text: `${t('vi', 'admin.mail.body', params)}\n\n---\n\n${t('en', 'admin.mail.body', params)}\n`,
      idempotencyKey: `officer-activation:${accountId}`, now: ctx.now,
    });
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.officer.created', targetType: 'account', targetId: accountId,
      before: null, after: { displayName, email, phone, status: 'pending', roles: [`${unit.code}:${role.code}`] },
    });
    return { ok: true, accountId, activationLink };
  });
}

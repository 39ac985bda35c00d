import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.ts';
import { enableTotp, findSecondFactor, setPendingTotpSecret } from './repository.ts';
import { createTotpSecret, totpQrSvg, totpUri, verifyTotp } from './totp.ts';

/**
 * Step 1 of TOTP enrolment: a pending secret (kept until confirmed) and its QR code for the authenticator app.
 * Null when a second factor is already on: a session past only the password must never swap the enrolled
 * authenticator for one of its own choosing (only an administrator's audited reset clears it).
 */
export async function beginTotpEnrolment(db: Kysely<Database>, input: { accountId: string; issuer: string }): Promise<{ secret: string; qrSvg: string } | null> {
  const account = await findSecondFactor(db, input.accountId);
  if (!account) throw new Error(`no account ${input.accountId}`);
  if (account.totp_enabled_at) return null;
  // Reloading the page keeps the pending secret, so a QR code already scanned stays valid.
  const secret = account.totp_secret ?? createTotpSecret();
  if (secret !== account.totp_secret) await setPendingTotpSecret(db, account.id, secret);
  return { secret, qrSvg: await totpQrSvg(totpUri(secret, account.email ?? account.display_name, input.issuer)) };
}

/**
 * Step 2: the first code from the app proves the secret was copied correctly; only then is MFA on. The
 * recovery codes are returned once, in clear, to be printed or stored; only their hashes are kept.
 */
export async function confirmTotpEnrolment(db: Kysely<Database>, input: { accountId: string; code: string; ip: string | null; userAgent: string | null; now: Date }): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  const account = await findSecondFactor(db, input.accountId);
  if (!account?.totp_secret || account.totp_enabled_at) return { ok: false };
  const result = verifyTotp(account.totp_secret, input.code.replace(/\s/g, ''), input.now);
  if (!result.ok) return { ok: false };
  const recoveryCodes = generateRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await enableTotp(trx, account.id, result.step, recoveryCodes.map(hashRecoveryCode), input.now);
    await appendAuditEntry(trx, input.now, { actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent, action: 'identity.mfa.enrolled', targetType: 'account', targetId: account.id });
  });
  return { ok: true, recoveryCodes };
}

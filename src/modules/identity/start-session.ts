import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { findSessionSso, insertSession, revokeSession } from './repository.ts';
import { hashSessionToken, newSessionToken, type SessionPolicy } from './session-policy.ts';

/**
 * Starts a session after a successful sign-in (or a step up such as passing MFA). The previous session, if
 * any, is revoked: a fresh token on every privilege change defeats session fixation. A step up keeps the link to the
 * identity provider's session, so signing out still ends both.
 */
export async function startSession(trx: Transaction<Database>, input: {
  accountId: string; officer: boolean; mfaVerified: boolean; previousToken?: string | undefined;
  ip: string | null; userAgent: string | null; now: Date; policy: SessionPolicy;
}): Promise<{ token: string }> {
  const previous = input.previousToken ? hashSessionToken(input.previousToken) : undefined;
  // Only the same person's step up keeps the provider session; signing in as someone else starts clean.
  const sso = previous ? await findSessionSso(trx, previous, input.accountId) : undefined;
  if (previous) await revokeSession(trx, previous, input.now);
  const { token, tokenHash } = newSessionToken();
  const hours = input.officer ? input.policy.absoluteHours.officer : input.policy.absoluteHours.person;
  await insertSession(trx, {
    tokenHash, accountId: input.accountId, now: input.now, absoluteExpiresAt: new Date(input.now.getTime() + hours * 3_600_000),
    mfaVerified: input.mfaVerified, ip: input.ip, userAgent: input.userAgent, sso,
  });
  return { token };
}

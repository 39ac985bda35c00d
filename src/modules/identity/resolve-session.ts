import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { findLiveSession, listOfficerGrants, revokeSession, touchSession } from './repository.ts';
import { hashSessionToken, type SessionPolicy } from './session-policy.ts';

export interface ResolvedSession {
  actor: Exclude<Actor, { kind: 'anonymous' } | { kind: 'system' }>;
  accountId: string;
  mfaVerified: boolean;
  officer: boolean;
}

// Writing last_seen on every request would turn each page view into a write; a minute's precision is enough.
const touchEveryMs = 60_000;

/**
 * The actor behind a session cookie, or null. Read fresh on every request, so deactivating an account, moving
 * an officer or revoking a role takes effect at once, on live sessions too.
 */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date, policy: SessionPolicy,
  /** false for a check that is not the user's activity (a live-updates stream's periodic check): it must not keep an idle session alive. */
  options: { touch?: boolean } = {}): Promise<ResolvedSession | null> {
  const tokenHash = hashSessionToken(token);
  const session = await findLiveSession(db, tokenHash);
  if (!session) return null;
  const officer = session.kind === 'officer';
  const idleMs = (officer ? policy.idleMinutes.officer : policy.idleMinutes.person) * 60_000;
  const expired = now.getTime() - new Date(session.last_seen_at).getTime() > idleMs || now >= new Date(session.absolute_expires_at);
  if (expired || session.status !== 'active') {
    await revokeSession(db, tokenHash, now);
    return null;
  }
  if (options.touch !== false && now.getTime() - new Date(session.last_seen_at).getTime() > touchEveryMs) await touchSession(db, tokenHash, now);
  if (officer) {
    const grants = (await listOfficerGrants(db, session.account_id)).map((g) => ({ permission: g.permission, agencyIds: new Set(g.agency_ids) }));
    return {
      accountId: session.account_id, officer, mfaVerified: session.mfa_verified,
      actor: { kind: 'officer', accountId: session.account_id, name: session.display_name, mfaVerified: session.mfa_verified, grants },
    };
  }
  return {
    accountId: session.account_id, officer, mfaVerified: session.mfa_verified,
    actor: { kind: 'person', accountId: session.account_id, accountKind: session.kind === 'business' ? 'business' : 'citizen', name: session.display_name },
  };
}

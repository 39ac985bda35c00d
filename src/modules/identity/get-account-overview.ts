import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listActorEvents } from '../../platform/audit/list-actor-events.ts';
import { findAccountOverview, listOfficerRoles, listProfileAttributes } from './repository.ts';

const signInActions = ['identity.signIn.passwordAccepted', 'identity.signIn.failed', 'identity.account.locked', 'identity.mfa.passed', 'identity.mfa.failed', 'identity.signOut'] as const;

/** The "my account" view: who I am, where each piece of my data comes from, my roles, my sign-in history. */
export async function getAccountOverview(db: Kysely<Database>, actor: Actor) {
  const accountId = actor.kind === 'person' || actor.kind === 'officer' ? actor.accountId : undefined;
  authorize(actor, 'profile.read', { ownerAccountId: accountId });
  const account = await findAccountOverview(db, accountId!);
  if (!account) throw new AppError('notFound');
  const [attributes, roles, history] = await Promise.all([
    listProfileAttributes(db, account.id),
    account.kind === 'officer' ? listOfficerRoles(db, account.id) : Promise.resolve([]),
    listActorEvents(db, account.id, signInActions),
  ]);
  return { account, attributes, roles, history };
}

export type AccountOverview = Awaited<ReturnType<typeof getAccountOverview>>;

import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize, isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listActorEvents } from '../../platform/audit/list-actor-events.ts';
import { findAccountOverview, listOfficerRoles, listProfileAttributes } from './repository.ts';

// The account's security history: sign-ins however made, and changes to the account. Modules that add an event
// add it here; the page labels each from `event.<action>` and falls back to the action code.
const signInActions = [
  'identity.account.created', 'identity.account.linked', 'identity.signIn.passwordAccepted', 'identity.signIn.succeeded', 'identity.signIn.oidc', 'identity.signIn.failed', 'identity.signIn.refusedLocked',
  'identity.account.locked', 'identity.mfa.passed', 'identity.mfa.failed', 'identity.mfa.enrolled', 'identity.signOut',
  'identity.password.reset', 'identity.password.changed', 'identity.profile.updated', 'identity.notifications.updated', 'identity.account.closeRefused',
] as const;

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
  return { account, attributes, roles, history, canReadReports: isAllowed(actor, 'report.read') };
}

export type AccountOverview = Awaited<ReturnType<typeof getAccountOverview>>;

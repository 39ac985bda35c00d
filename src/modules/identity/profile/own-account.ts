import type { Actor } from '../../../platform/context.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { findOwnAccount } from './repository.ts';

type Db = Parameters<typeof findOwnAccount>[0];

/**
 * The signed-in person's own live account, after checking the permission on it. The account is always the
 * actor's own: no page or form names an account, so nobody else's data can be reached.
 */
export async function loadOwnAccount(db: Db, actor: Actor, permission: 'profile.edit' | 'account.close') {
  const accountId = actor.kind === 'person' || actor.kind === 'officer' ? actor.accountId : undefined;
  authorize(actor, permission, { ownerAccountId: accountId });
  const account = accountId ? await findOwnAccount(db, accountId) : undefined;
  if (!account || account.status !== 'active' || account.kind === 'officer') throw new AppError('notFound');
  return account;
}

import type { Actor } from '../context.ts';
import { AppError } from '../http/app-error.ts';

/** What a protected thing says about itself: whose it is and which agency holds it. */
export interface ResourceScope {
  ownerAccountId?: string;
  agencyId?: number;
}

/** What citizens and businesses may do, always and only on their own records. */
const ownerPermissions = new Set(['profile.read', 'profile.edit', 'account.close', 'account.password', 'dossier.submit', 'dossier.read', 'dossier.withdraw']);
/** What an officer may do on their own account, whatever their roles. */
const selfPermissions = new Set(['profile.read', 'account.password']);

/**
 * The one authorisation check (deny by default). A person acts only on records they own; an officer only
 * with a permission granted at the resource's agency or an ancestor of it, and only after the second factor.
 * Without a resource, an officer needs the permission somewhere (e.g. to open a work queue). An API client
 * holds exactly its scopes, nothing else.
 */
export function isAllowed(actor: Actor, permission: string, resource: ResourceScope = {}): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'person':
      return ownerPermissions.has(permission) && resource.ownerAccountId !== undefined && resource.ownerAccountId === actor.accountId;
    case 'officer': {
      if (!actor.mfaVerified) return false;
      if (selfPermissions.has(permission) && resource.ownerAccountId === actor.accountId) return true;
      const agencyId = resource.agencyId;
      return actor.grants.some((g) => g.permission === permission && (agencyId === undefined || g.agencyIds.has(agencyId)));
    }
    case 'client':
      return actor.scopes.includes(permission);
    case 'anonymous':
      return false;
  }
}

export function authorize(actor: Actor, permission: string, resource: ResourceScope = {}): void {
  if (isAllowed(actor, permission, resource)) return;
  throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
}

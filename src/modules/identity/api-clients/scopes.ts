import type { MessageKey } from '../../../platform/i18n/messages.ts';

/**
 * Every scope an API client may hold, with its label. A scope is also the permission `authorize` checks in the
 * use case behind the machine route (a client holds only its scopes). Add one here with each new machine route.
 */
export const apiScopes = {
  'catalog.import': 'apiClient.scope.catalog.import',
} as const satisfies Record<string, MessageKey>;

export type ApiScope = keyof typeof apiScopes;

export const apiScopeNames = Object.keys(apiScopes) as ApiScope[];

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(apiScopes, value);
}

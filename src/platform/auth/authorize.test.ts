import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { authorize, isAllowed } from './authorize.ts';

const citizen: Actor = { kind: 'person', accountId: 'a-1', accountKind: 'citizen', name: 'Nguyễn Văn An' };
// Granted at agency 10, whose subtree is {10, 11, 12}.
const officer: Actor = { kind: 'officer', accountId: 'o-1', name: 'Trần Thị Bình', mfaVerified: true, grants: [{ permission: 'dossier.receive', agencyIds: new Set([10, 11, 12]) }] };

describe('authorize (S-f, deny by default)', () => {
  it('lets a citizen act on their own records only', () => {
    assert.equal(isAllowed(citizen, 'dossier.read', { ownerAccountId: 'a-1' }), true);
    assert.equal(isAllowed(citizen, 'dossier.read', { ownerAccountId: 'a-2' }), false);
    assert.equal(isAllowed(citizen, 'dossier.read'), false);
    assert.equal(isAllowed(citizen, 'dossier.receive', { ownerAccountId: 'a-1' }), false);
  });

  it('lets an officer act within the subtree of the granting agency, with the granted permission only', () => {
    assert.equal(isAllowed(officer, 'dossier.receive', { agencyId: 12 }), true);
    assert.equal(isAllowed(officer, 'dossier.receive', { agencyId: 20 }), false);
    assert.equal(isAllowed(officer, 'dossier.approve', { agencyId: 12 }), false);
    assert.equal(isAllowed(officer, 'dossier.receive'), true);
  });

  it('lets an officer read their own profile only', () => {
    assert.equal(isAllowed(officer, 'profile.read', { ownerAccountId: 'o-1' }), true);
    assert.equal(isAllowed(officer, 'profile.read', { ownerAccountId: 'a-1' }), false);
    assert.equal(isAllowed(officer, 'profile.edit', { ownerAccountId: 'o-1' }), false);
    assert.equal(isAllowed(officer, 'account.password', { ownerAccountId: 'o-1' }), true);
    assert.equal(isAllowed(officer, 'account.password', { ownerAccountId: 'a-1' }), false);
  });

  it('refuses an officer who has not passed the second factor', () => {
    assert.equal(isAllowed({ ...officer, mfaVerified: false }, 'dossier.receive', { agencyId: 12 }), false);
  });

  it('lets an API client do exactly what its scopes say, whatever the resource (issue 3 §3)', () => {
    const client: Actor = { kind: 'client', clientId: 'c-1', name: 'CSDL quốc gia về TTHC', scopes: ['catalog.import'] };
    assert.equal(isAllowed(client, 'catalog.import'), true);
    assert.equal(isAllowed(client, 'catalog.import', { agencyId: 12 }), true);
    assert.equal(isAllowed(client, 'catalog.manage'), false);
    assert.equal(isAllowed(client, 'dossier.read', { ownerAccountId: 'c-1' }), false);
    assert.equal(isAllowed({ ...client, scopes: [] }, 'catalog.import'), false);
    assert.throws(() => authorize(client, 'officer.manage'), (e: AppError) => e.code === 'forbidden' && e.status === 403);
  });

  it('refuses anonymous visitors with 401 and others with 403', () => {
    assert.throws(() => authorize({ kind: 'anonymous' }, 'profile.read', { ownerAccountId: 'a-1' }), (e: AppError) => e.code === 'unauthenticated' && e.status === 401);
    assert.throws(() => authorize(citizen, 'profile.read', { ownerAccountId: 'a-2' }), (e: AppError) => e.code === 'forbidden' && e.status === 403);
  });
});

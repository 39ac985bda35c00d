import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Grant } from '../../../platform/context.ts';
import { isSelf, manageableAgencyIds, mayAssignRole, mayManageOfficer } from './scope.ts';

// A small tree: the province (1) above the Department of Justice (2, with its branch 21) and the service centre (3).
const province = [1, 2, 21, 3];
const justice = [2, 21];
const grants = (permissions: string[], agencyIds: number[]): Grant[] => permissions.map((permission) => ({ permission, agencyIds: new Set(agencyIds) }));
const officer = (g: Grant[], mfaVerified = true): Actor => ({ kind: 'officer', accountId: 'admin-1', name: 'Quản trị', mfaVerified, grants: g });

const provinceAdmin = officer(grants(['officer.manage', 'role.manage', 'catalog.manage', 'calendar.manage', 'audit.read', 'report.read'], province));
const agencyAdmin = officer(grants(['officer.manage', 'audit.read', 'report.read'], justice));
const provinceAdminRole = ['officer.manage', 'role.manage', 'catalog.manage', 'calendar.manage', 'audit.read', 'report.read'];
const agencyAdminRole = ['officer.manage', 'audit.read', 'report.read'];
const receptionRole = ['dossier.receive', 'dossier.read', 'dossier.return'];

describe('officer administration scope (S-f)', () => {
  it('reaches the units of the officer.manage grants only, and nothing before the second factor', () => {
    assert.deepEqual([...manageableAgencyIds(agencyAdmin)].sort(), [2, 21]);
    assert.deepEqual([...manageableAgencyIds(provinceAdmin)].sort(), [1, 2, 21, 3]);
    assert.equal(manageableAgencyIds(officer(grants(['officer.manage'], province), false)).size, 0);
    assert.equal(manageableAgencyIds(officer(grants(['report.read'], province))).size, 0);
  });

  it('lets an agency admin manage an officer only when every role of theirs is inside its subtree', () => {
    assert.equal(mayManageOfficer(agencyAdmin, [2, 21], [1]), true);
    assert.equal(mayManageOfficer(agencyAdmin, [2, 3], [1]), false, 'one role at the service centre puts the officer out of reach');
    assert.equal(mayManageOfficer(agencyAdmin, [1], [1]), false);
    assert.equal(mayManageOfficer(provinceAdmin, [2, 3], [1]), true);
  });

  it('leaves an officer without roles to whoever covers the root', () => {
    assert.equal(mayManageOfficer(agencyAdmin, [], [1]), false);
    assert.equal(mayManageOfficer(provinceAdmin, [], [1]), true);
  });

  it('lets an agency admin appoint desk officers and agency admins below itself, never a province admin', () => {
    assert.equal(mayAssignRole(agencyAdmin, 21, receptionRole), true);
    assert.equal(mayAssignRole(agencyAdmin, 21, agencyAdminRole), true);
    assert.equal(mayAssignRole(agencyAdmin, 2, provinceAdminRole), false);
    assert.equal(mayAssignRole(agencyAdmin, 1, agencyAdminRole), false, 'not above itself');
    assert.equal(mayAssignRole(agencyAdmin, 3, receptionRole), false, 'not beside itself');
    assert.equal(mayAssignRole(provinceAdmin, 1, provinceAdminRole), true);
  });

  it('follows the permissions a role carries now, not its name', () => {
    // If role.manage were added to the leader role, an agency admin could no longer hand it out.
    assert.equal(mayAssignRole(agencyAdmin, 2, ['dossier.read', 'role.manage']), false);
  });

  it('refuses citizens and anonymous callers', () => {
    const citizen: Actor = { kind: 'person', accountId: 'p-1', accountKind: 'citizen', name: 'An' };
    assert.equal(mayManageOfficer(citizen, [2], [1]), false);
    assert.equal(mayAssignRole({ kind: 'anonymous' }, 2, receptionRole), false);
  });

  it("recognises the administrator's own account", () => {
    assert.equal(isSelf(agencyAdmin, 'admin-1'), true);
    assert.equal(isSelf(agencyAdmin, 'someone-else'), false);
  });
});

/**
 * Every permission the code checks, defined once (S-f: roles are data, permissions are code). The role editor
 * offers exactly these; `administrative` ones confer power over people or the system itself, so only someone
 * who holds them at a unit may hand them out there (no privilege escalation through roles).
 */
export const knownPermissions = [
  { code: 'dossier.receive', administrative: false },
  { code: 'dossier.read', administrative: false },
  { code: 'dossier.return', administrative: false },
  { code: 'dossier.register', administrative: false },
  { code: 'dossier.process', administrative: false },
  { code: 'dossier.assign', administrative: false },
  { code: 'dossier.approve', administrative: false },
  { code: 'report.read', administrative: false },
  { code: 'audit.read', administrative: true },
  { code: 'officer.manage', administrative: true },
  { code: 'role.manage', administrative: true },
  { code: 'catalog.manage', administrative: true },
  { code: 'calendar.manage', administrative: true },
  { code: 'apiClient.manage', administrative: true },
  { code: 'process.manage', administrative: true },
  { code: 'outbox.manage', administrative: true },
  { code: 'notification.manage', administrative: true },
] as const;

export type PermissionCode = (typeof knownPermissions)[number]['code'];

const administrative = new Set<string>(knownPermissions.filter((p) => p.administrative).map((p) => p.code));

export function isAdministrativePermission(permission: string): boolean {
  return administrative.has(permission);
}

export function isKnownPermission(permission: string): permission is PermissionCode {
  return knownPermissions.some((p) => p.code === permission);
}

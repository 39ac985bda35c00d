import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export interface AuditContent {
  at: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  userAgent: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/** SHA-256 over the previous hash and the entry's canonical JSON (sorted keys, so storage order cannot matter). */
export function auditEntryHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(stringify(content) ?? '').digest('hex');
}

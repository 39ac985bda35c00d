import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import type { AuditEvent } from '../../../platform/audit/append-audit-entry.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';

/** What every administration use case receives: who acts, when, and from where (for the audit trail). */
export interface AdminContext {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  origin: { ip: string | null; userAgent: string | null };
}

/** A refusal the form shows next to a field (the page turns the key into words in the reader's language). */
export interface FieldProblem { field: string; key: MessageKey }

export type Outcome<T> = ({ ok: true } & T) | { ok: false; problems: FieldProblem[] };

/** The who/where part of an audit entry for an administrative action. */
export function auditedBy(ctx: AdminContext): Pick<AuditEvent, 'actorId' | 'actorLabel' | 'ip' | 'userAgent'> {
  const actor = ctx.actor;
  const origin = { ip: ctx.origin.ip, userAgent: ctx.origin.userAgent };
  switch (actor.kind) {
    case 'officer':
    case 'person':
      return { actorId: actor.accountId, actorLabel: actor.name, ...origin };
    case 'client':
      return { actorId: null, actorLabel: `client:${actor.clientId}`, ...origin };
    case 'system':
      return { actorId: null, actorLabel: actor.label, ...origin };
    case 'anonymous':
      return { actorId: null, actorLabel: 'anonymous', ...origin };
  }
}

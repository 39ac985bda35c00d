import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import type { AuditEvent } from '../../../platform/audit/append-audit-entry.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { TimeLimit } from '../../../platform/clock/due-date.ts';
import type { ProcedureDefinition } from '../../catalog/tables.ts';

/** What the process-administration use cases receive: who acts, when, from where (for the audit trail), in which language. */
export interface ProcessContext {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  lang: Lang;
  origin: { ip: string | null; userAgent: string | null };
}

export function changedBy(ctx: ProcessContext): { id: string | null; label: string } {
  const actor = ctx.actor;
  return actor.kind === 'officer' || actor.kind === 'person' ? { id: actor.accountId, label: actor.name } : { id: null, label: actor.kind === 'system' ? actor.label : actor.kind };
}

export function auditOrigin(ctx: ProcessContext): Pick<AuditEvent, 'actorId' | 'actorLabel' | 'ip' | 'userAgent'> {
  const who = changedBy(ctx);
  return { actorId: who.id, actorLabel: who.label, ip: ctx.origin.ip, userAgent: ctx.origin.userAgent };
}

/** Every limit a dossier of the procedure can get (online limits included): the budgets must fit in the shortest. */
export function caseLimitsOf(definition: ProcedureDefinition): TimeLimit[] {
  return definition.cases.flatMap((c) => [c.timeLimit, ...(c.onlineTimeLimit ? [c.onlineTimeLimit] : [])]);
}

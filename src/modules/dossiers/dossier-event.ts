import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { ActionKind, DossierStatusCode } from './status-machine.ts';

/** The PostgreSQL notification channel of dossier changes (issue 5 §3: live updates). */
export const dossierEventsChannel = 'dossier_events';

/**
 * What is announced of one appended action: enough to route it to the pages that may show it without a query per
 * listener — the applicant's account and the units `isAllowedOnDossier` reads (receiving, desk, current step,
 * units consulted), as the dossier stands after the action. Kept small: NOTIFY payloads are limited to 8000 bytes.
 */
export interface DossierEvent {
  dossierId: string;
  reference: string;
  code: string | null;
  seq: number;
  kind: ActionKind;
  fromStatus: DossierStatusCode;
  status: DossierStatusCode;
  applicantAccountId: string | null;
  receivingAgencyId: number;
  deskAgencyId: number;
  currentAgencyId: number | null;
  consultingAgencyIds: number[];
}

/**
 * Sends the event with `pg_notify` inside the action's transaction: PostgreSQL (and PGlite) deliver it only when
 * that transaction commits, to every process listening — web processes and the worker alike — and never for an
 * action rolled back.
 */
export async function publishDossierEvent(trx: Transaction<Database>, event: DossierEvent): Promise<void> {
  await sql`select pg_notify(${dossierEventsChannel}, ${JSON.stringify(event)})`.execute(trx);
}

/** The event in a notification's payload, or null for anything that is not one (never trusted blindly). */
export function parseDossierEvent(payload: string): DossierEvent | null {
  try {
    const value = JSON.parse(payload) as Partial<DossierEvent>;
    if (typeof value.dossierId !== 'string' || typeof value.seq !== 'number' || typeof value.kind !== 'string' || typeof value.status !== 'number'
      || typeof value.receivingAgencyId !== 'number' || typeof value.deskAgencyId !== 'number' || !Array.isArray(value.consultingAgencyIds)) return null;
    return value as DossierEvent;
  } catch {
    return null;
  }
}

import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize, isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listDeskProcedures } from '../catalog/list-desk-procedures.ts';
import { findAgency, findPublishedProcedureVersion } from '../catalog/procedure-versions.ts';
import { firstStep } from '../workflow/process/process-definition.ts';
import { listProceduresReceivedAt } from '../workflow/process/list-procedures-received-at.ts';
import { processForNewDossier } from '../workflow/process/load-dossier-process.ts';

/** The units where the officer holds the desk's permission (each grant covers its subtree). */
export function deskUnitIds(actor: Actor): number[] {
  return actor.kind === 'officer' && actor.mfaVerified
    ? [...new Set(actor.grants.filter((g) => g.permission === 'dossier.receive').flatMap((g) => [...g.agencyIds]))] : [];
}

/**
 * Step 1 of walk-in reception (issue 4 §4): the procedures this officer's desk takes on paper — implemented by
 * one of its units or received there by the procedure's process — found by code or by name without diacritics.
 */
export async function listCounterProcedures(db: Kysely<Database>, actor: Actor, q: string | undefined) {
  authorize(actor, 'dossier.receive');
  const agencyIds = deskUnitIds(actor);
  const codes = agencyIds.length ? (await db.selectFrom('agency').select('code').where('id', 'in', agencyIds).execute()).map((a) => a.code) : [];
  const procedureIds = await listProceduresReceivedAt(db, codes);
  return listDeskProcedures(db, { agencyIds, procedureIds, q, limit: 50 });
}

/**
 * Step 2: what the walk-in form offers for one procedure — its cases, the units this desk receives it for (where
 * the first step of its process lands on the officer's desk), the channels it accepts on paper, the applicant
 * types and the components to scan. A procedure the desk does not take is "not found".
 */
export async function getCounterForm(db: Kysely<Database>, actor: Actor, procedureCode: string) {
  authorize(actor, 'dossier.receive');
  const procedure = await findPublishedProcedureVersion(db, procedureCode);
  if (!procedure) throw new AppError('procedureNotFound', [], { code: procedureCode });
  const { definition } = procedure;
  const agencies = [];
  for (const code of definition.implementingAgencyCodes) {
    const agency = await findAgency(db, { code });
    if (!agency) continue;
    const process = await processForNewDossier(db, procedure.procedureId, definition, agency.id);
    if (isAllowed(actor, 'dossier.receive', { agencyId: process.stepAgencyIds[firstStep(process.definition).code]! })) agencies.push({ code: agency.code, name: agency.name });
  }
  const channels = (['desk', 'postal'] as const).filter((c) => definition.channels.includes(c === 'desk' ? 'counter' : 'post'));
  if (agencies.length === 0 || channels.length === 0) throw new AppError('procedureNotFound', [], { code: procedureCode });
  return {
    procedure: { code: procedureCode, name: definition.name, cases: definition.cases.map((c) => ({ code: c.code, name: c.name })) },
    agencies, channels,
    applicantKinds: (['citizen', 'business'] as const).filter((k) => (k === 'citizen' ? definition.applicantTypes.includes('citizen') : definition.applicantTypes.some((a) => a === 'business' || a === 'organisation'))),
    components: definition.components.map((c) => ({ code: c.code, name: c.name, originals: c.originals, copies: c.copies, required: c.required, caseCodes: c.caseCodes })),
  };
}

export type CounterForm = Awaited<ReturnType<typeof getCounterForm>>;
export type CounterProcedures = Awaited<ReturnType<typeof listCounterProcedures>>;

import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { explainDueDate } from '../../platform/clock/explain-due-date.ts';
import { findAgency, getProcedureVersion } from '../catalog/procedure-versions.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { renderReceipt } from './notices/receipt.ts';
import { projectDossier, type DossierActionRecord } from './project-dossier.ts';
import { findDossier, listActions } from './repository.ts';
import type { ActionKind } from './status-machine.ts';
import type { ApplicantSnapshot } from './tables.ts';

/**
 * Mẫu 01 of a received dossier (FORM-02: retrievable in the system at any time), for its applicant and for the
 * officers of its agency. It is rebuilt from the action log as it stood at reception — the appointment and its
 * explanation are those given that day, whatever happened since.
 */
export async function renderDossierReceipt(db: Kysely<Database>, actor: Actor, dossierId: string, publicUrl: string): Promise<{ fileName: string; pdf: Buffer }> {
  const dossier = await findDossier(db, dossierId);
  const mayRead = dossier && (actor.kind === 'person'
    ? dossier.applicant_account_id === actor.accountId
    : isAllowed(actor, 'dossier.read', { agencyId: dossier.receiving_agency_id }));
  if (!dossier || !mayRead) throw new AppError('dossierNotFound');
  const actions = await listActions(db, dossier.id);
  const receivedAt = actions.findIndex((a) => a.kind === 'received');
  if (receivedAt < 0 || !dossier.code) throw new AppError('dossierNotFound');
  const [rules, version, agency] = await Promise.all([loadClockRules(db, dossier), getProcedureVersion(db, dossier.procedure_version_id), findAgency(db, { id: dossier.receiving_agency_id })]);
  const atReception = projectDossier(actions.slice(0, receivedAt + 1).map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] })), rules);
  const reception = actions[receivedAt]!;
  const definition = version.definition;
  const pdf = await renderReceipt({
    issuer: { agencyName: agency!.name, place: agency!.name.replace(/^Ủy ban nhân dân (tỉnh|thành phố|phường|xã|đặc khu) /i, '') },
    issuedAt: new Date(reception.at),
    dossier: {
      code: dossier.code, reference: dossier.reference, procedureName: definition.name, procedureCode: version.code,
      caseName: definition.cases.find((c) => c.code === dossier.case_code)?.name, applicant: dossier.applicant as ApplicantSnapshot,
    },
    components: definition.components.filter((c) => c.caseCodes.length === 0 || c.caseCodes.includes(dossier.case_code))
      .map((c) => ({ name: c.name, originals: c.originals, copies: c.copies })),
    receivedAt: new Date(reception.at), dueAt: atReception.dueAt!,
    returnPlace: agency!.address ? `Bộ phận Một cửa ${agency!.name}, ${agency!.address}` : `Bộ phận Một cửa ${agency!.name}`,
    dueDateExplanation: explainDueDate(atReception.dueDateSteps, 'vi'), receivingOfficer: reception.actor_label, publicUrl,
  });
  return { fileName: `giay-tiep-nhan-${dossier.code}.pdf`, pdf };
}

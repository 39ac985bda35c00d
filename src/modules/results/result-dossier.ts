import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { findDossier } from '../dossiers/repository.ts';
import type { ApplicantSnapshot } from '../dossiers/tables.ts';
import type { ResultDocumentInput } from './render-result.ts';

/**
 * The dossier a leader issues a result for, authorised: `dossier.approve` over one of its units (issue 5 §1;
 * an officer of another unit, or without the permission, is refused). The issuing agency is the one the dossier was
 * filed with, the competent authority; its parent heads the letter.
 */
export async function loadResultDossier(db: Kysely<Database>, actor: Actor, dossierId: string) {
  const dossier = await findDossier(db, dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.approve', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const agencyQuery = db.selectFrom('agency').select(['id', 'code', 'name', 'kind', 'parent_id']);
  const [version, agency] = await Promise.all([getProcedureVersion(db, dossier.procedure_version_id), agencyQuery.where('id', '=', dossier.receiving_agency_id).executeTakeFirst()]);
  if (!agency) throw new AppError('notFound');
  const parent = agency.parent_id ? await agencyQuery.where('id', '=', agency.parent_id).executeTakeFirst() : undefined;
  const declared = version.definition.results.map((r) => r.name);
  // P-16: a result document is generated from the template unless the procedure declares it an uploaded file.
  const declaredUploads = version.definition.results.filter((r) => r.source === 'upload').map((r) => r.name);
  const declaresTemplate = version.definition.results.length === 0 || version.definition.results.some((r) => r.source !== 'upload');
  return { dossier, version, agency, parent, declared, declaredUploads, declaresTemplate };
}

export type ResultDossier = Awaited<ReturnType<typeof loadResultDossier>>;

/** The signer's title under the agency's kind: the chair of a People's Committee, the director of a department. */
function signerTitle(kind: string): string {
  if (kind === 'commune' || kind === 'district' || kind === 'province') return 'Chủ tịch';
  if (kind === 'department') return 'Giám đốc';
  return 'Thủ trưởng cơ quan';
}

/** The template's input from the dossier's data and what the leader wrote. */
export function resultTemplateInput(loaded: ResultDossier, actor: Actor, input: { title: string; decision: string; issuedAt: Date; number: string | null; verificationUrl: string | null }): ResultDocumentInput {
  const { dossier, version, agency, parent } = loaded;
  return {
    issuer: { agencyName: agency.name, parentAgencyName: parent?.name, place: placeOf(agency.name) },
    number: input.number, issuedAt: input.issuedAt, title: input.title,
    dossier: { code: dossier.code, reference: dossier.reference, procedureName: version.definition.name, procedureCode: version.code, applicant: dossier.applicant as ApplicantSnapshot },
    decision: input.decision,
    signer: { title: signerTitle(agency.kind), name: actor.kind === 'officer' ? actor.name : '' },
    verificationUrl: input.verificationUrl,
  };
}

/** The place in "…, ngày … tháng … năm …": the locality in the agency's name ("… phường Hòa Lâm" → "Hòa Lâm"). */
export function placeOf(agencyName: string): string {
  return /(?:^|\s)(?:phường|xã|thị trấn|thành phố|huyện|tỉnh|đặc khu)\s+(.+)$/iu.exec(agencyName)?.[1] ?? agencyName;
}

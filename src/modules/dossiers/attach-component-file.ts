import type { MultipartFile } from '@fastify/multipart';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { storeMultipartFile } from '../../platform/files/multipart.ts';
import { reuseStoredFile } from '../../platform/files/reuse-stored-file.ts';
import { documentUploadPolicy } from '../../platform/files/upload-policy.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { attachDossierFile, listReusableFiles } from './dossier-files.ts';
import { findOwnDossier } from './get-draft.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';

/** Components of a dossier are uploaded under this policy (P-04), shown beside each upload field. */
export const componentUploadPolicy = documentUploadPolicy;

async function draftComponent(db: Kysely<Database>, actor: Actor, reference: string, componentCode: string) {
  const dossier = await findOwnDossier(db, actor, reference);
  if (dossier.status !== 0) throw new AppError('transitionNotAllowed', [], { status: dossier.status, action: 'drafted' });
  const version = await getProcedureVersion(db, dossier.procedure_version_id);
  const component = version.definition.components.find((c) => c.code === componentCode && (c.caseCodes.length === 0 || c.caseCodes.includes(dossier.case_code)));
  if (!component) throw new AppError('notFound');
  return { dossier, component };
}

/**
 * Attaches an uploaded file to a component of the applicant's draft (issue 4 §3, P-04): streamed to the store,
 * its type sniffed, its size enforced and its SHA-256 kept (platform/files), then linked as a component file.
 */
export async function uploadComponentFile(db: Kysely<Database>, store: FileStore, actor: Actor, now: Date, lang: Lang, input: {
  reference: string; componentCode: string; part: MultipartFile;
}) {
  const { dossier, component } = await draftComponent(db, actor, input.reference, input.componentCode);
  const file = await storeMultipartFile({ db, actor, now, store, lang }, input.part, { policy: componentUploadPolicy, field: `/${component.code}` });
  await attachDossierFile(db, { dossierId: dossier.id, storedFileId: file.id, purpose: 'component', componentCode: component.code, addedBy: file.uploadedBy, now });
  return { file, component };
}

/**
 * Attaches again a document the applicant filed in an earlier dossier or received as a result (S-d, IDX-4.3): the
 * same bytes under a new row flagged with its reuse source. Only the applicant's own documents can be chosen.
 */
export async function reuseComponentFile(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  reference: string; componentCode: string; storedFileId: string;
}) {
  const { dossier, component } = await draftComponent(db, actor, input.reference, input.componentCode);
  const source = (await listReusableFiles(db, dossier.applicant_account_id!, dossier.id)).find((f) => f.storedFileId === input.storedFileId);
  if (!source) throw new AppError('validationFailed', [{ path: `/${component.code}`, message: t(lang, 'eform.components.unknownFile') }]);
  return db.transaction().execute(async (trx) => {
    const file = await reuseStoredFile({ db: trx, actor, now }, source.storedFileId, source.purpose === 'result' ? 'result' : 'dossier');
    await attachDossierFile(trx, { dossierId: dossier.id, storedFileId: file.id, purpose: 'component', componentCode: component.code, addedBy: file.uploadedBy, now });
    return { file, component };
  });
}

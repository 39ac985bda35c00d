import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { findCurrentCertificate } from './certificates/repository.ts';
import { listDossierResults } from './repository.ts';
import { loadResultDossier } from './result-dossier.ts';
import { transitions, type DossierStatusCode } from '../dossiers/status-machine.ts';
import type { ApplicantSnapshot } from '../dossiers/tables.ts';

/** The leader's page for a dossier's result: the dossier, the certificate that would sign, the results issued. */
export async function getSignView(db: Kysely<Database>, actor: Actor, dossierId: string) {
  const loaded = await loadResultDossier(db, actor, dossierId);
  const [certificate, results] = await Promise.all([findCurrentCertificate(db, loaded.agency.id), listDossierResults(db, dossierId)]);
  const status = loaded.dossier.status as DossierStatusCode;
  return {
    dossier: { id: loaded.dossier.id, code: loaded.dossier.code, reference: loaded.dossier.reference, status, applicant: loaded.dossier.applicant as ApplicantSnapshot },
    procedure: { code: loaded.version.code, name: loaded.version.definition.name },
    agency: loaded.agency.name,
    declared: loaded.declared,
    declaredUploads: loaded.declaredUploads,
    declaresTemplate: loaded.declaresTemplate,
    certificate: certificate ? { subject: certificate.subject, serial: certificate.serial, notAfter: new Date(certificate.not_after) } : null,
    canSign: transitions[status].resultSigned !== undefined,
    canChange: transitions[status].resultRevoked !== undefined,
    results,
  };
}

export type SignView = Awaited<ReturnType<typeof getSignView>>;

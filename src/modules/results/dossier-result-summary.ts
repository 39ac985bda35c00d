import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { transitions, type DossierStatusCode } from '../dossiers/status-machine.ts';
import { listDossierResults } from './repository.ts';

type DossierHeader = Parameters<typeof isAllowedOnDossier>[2] & { id: string; status: number };

/**
 * The results of a dossier as the officer pages show them (issue 5 §1): number, status, verification link; and, for
 * a leader who may sign for it (`dossier.approve` over its unit) while a result can be signed or has been, the way to
 * the result page. Used by the dossiers module's pages, which may not read result_document themselves.
 */
export async function summariseDossierResults(db: Kysely<Database>, actor: Actor, dossier: DossierHeader) {
  const results = await listDossierResults(db, dossier.id);
  const signable = transitions[dossier.status as DossierStatusCode]?.resultSigned !== undefined;
  const leader = actor.kind === 'officer' && isAllowedOnDossier(actor, 'dossier.approve', dossier);
  return {
    dossierId: dossier.id,
    results: results.map((r) => ({ id: r.id, number: r.number, title: r.title, issuedAt: new Date(r.issued_at), status: r.status, source: r.source })),
    signLink: leader && (signable || results.length > 0) ? `/ket-qua/ho-so/${dossier.id}` : null,
    signable,
  };
}

export type DossierResultSummary = Awaited<ReturnType<typeof summariseDossierResults>>;

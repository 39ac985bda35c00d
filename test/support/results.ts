import { spawnSync } from 'node:child_process';
import type { TestServer } from './server.ts';

/** Whether poppler's `pdfsig`, the independent signature verifier, is installed (`.ci/run` installs it). */
export const pdfsigAvailable = spawnSync('pdfsig', ['-v']).status === 0;

/** The seeded dossier of a procedure, by the procedure's code. */
export async function dossierOf(server: TestServer, procedureCode: string) {
  return server.database.db.selectFrom('dossier as d').innerJoin('procedure_version as v', 'v.id', 'd.procedure_version_id')
    .innerJoin('procedure as p', 'p.id', 'v.procedure_id').select(['d.id', 'd.status']).where('p.code', '=', procedureCode).executeTakeFirstOrThrow();
}

/** A dossier's results, oldest first. */
export function resultsOf(server: TestServer, dossierId: string) {
  return server.database.db.selectFrom('result_document').selectAll().where('dossier_id', '=', dossierId).orderBy('issued_at').orderBy('number').execute();
}

/** A page's text with its white space collapsed, to match across the markup's line breaks. */
export async function collapsedText(response: Response): Promise<string> {
  return (await response.text()).replace(/\s+/g, ' ');
}

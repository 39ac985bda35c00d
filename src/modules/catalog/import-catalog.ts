import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import type { CatalogProcedure } from './catalog-file-schema.ts';
import type { ProcedureDefinition } from './tables.ts';
import { validateCatalogFile } from './validate-catalog-file.ts';
import * as repo from './repository.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';

type Tally = { created: number; updated: number; unchanged: number };
export interface ImportSummary {
  agencies: Tally;
  fields: Tally;
  procedures: { created: number; newVersions: number; unchanged: number; drafts: number };
  synonyms: Tally;
  changed: boolean;
}
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: FieldError[] };

/**
 * `opendvc import catalog FILE` (S-a): validate the whole file, then apply it in one transaction. A procedure
 * whose definition differs from its newest version gets a new version (published unless marked draft); an
 * identical one is left alone, so importing the same file twice changes nothing.
 */
export async function importCatalog(db: Kysely<Database>, input: unknown, options: { source: string; now: Date; lang: Lang }): Promise<ImportResult> {
  const [agencies, fields] = await Promise.all([repo.listAgencyRows(db), repo.listSectorRows(db)]);
  const checked = validateCatalogFile(input, { agencies: new Set(agencies.map((a) => a.code)), fields: new Set(fields.map((f) => f.code)) }, options.lang);
  if (!checked.ok) return checked;
  const file = checked.file;
  const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });
  const summary: ImportSummary = { agencies: tally(), fields: tally(), procedures: { created: 0, newVersions: 0, unchanged: 0, drafts: 0 }, synonyms: tally(), changed: false };

  await db.transaction().execute(async (trx) => {
    for (const agency of file.agencies) summary.agencies[await repo.upsertAgency(trx, agency)]++;
    let parentsMoved = 0;
    for (const agency of file.agencies) if (await repo.setAgencyParent(trx, agency.code, agency.parentCode)) parentsMoved++;
    for (const field of file.fields) summary.fields[await repo.upsertSector(trx, field)]++;
    for (const procedure of file.procedures) await importProcedure(trx, procedure, options, summary);
    for (const synonym of file.synonyms ?? []) summary.synonyms[await repo.upsertSynonym(trx, synonym)]++;
    summary.changed = [summary.agencies, summary.fields, summary.synonyms].some((x) => x.created + x.updated > 0)
      || summary.procedures.created + summary.procedures.newVersions > 0 || parentsMoved > 0;
    if (summary.changed) {
      await repo.bumpCatalogRevision(trx, options.now);
      await appendAuditEntry(trx, options.now, { actorLabel: options.source, action: 'catalog.imported', targetType: 'catalog', after: summary });
    }
  });
  return { ok: true, summary };
}

async function importProcedure(trx: Transaction<Database>, item: CatalogProcedure, options: { source: string; now: Date }, summary: ImportSummary): Promise<void> {
  const { draft, ...definition } = item;
  const hash = definitionHash(definition);
  const procedure = await repo.findOrCreateProcedure(trx, item.code);
  const latest = procedure.created ? undefined : await repo.findLatestVersion(trx, procedure.id);
  if (latest && latest.content_hash === hash && (draft ? latest.status === 'draft' : latest.status === 'published')) {
    summary.procedures.unchanged++;
    return;
  }
  if (procedure.created) summary.procedures.created++;
  else summary.procedures.newVersions++;
  const status = draft ? 'draft' : 'published';
  if (status === 'published') await repo.supersedePublishedVersions(trx, procedure.id);
  const versionId = await repo.insertVersion(trx, { procedureId: procedure.id, version: (latest?.version ?? 0) + 1, status, definition, hash, source: options.source, now: options.now });
  if (status === 'draft') {
    summary.procedures.drafts++;
    return;
  }
  const sector = await repo.sectorName(trx, definition.fieldCode);
  await repo.writeProcedureProjection(trx, {
    procedureId: procedure.id, versionId, name: definition.name, nameEn: definition.nameEn ?? null, sectorCode: definition.fieldCode,
    level: definition.level, onlineLevel: definition.onlineLevel, applicantTypes: definition.applicantTypes,
    agencyCodes: definition.implementingAgencyCodes, searchText: [definition.name, definition.code, sector, definition.nameEn ?? ''].join(' '),
  });
}

function definitionHash(definition: ProcedureDefinition): string {
  return createHash('sha256').update(stringify(definition) ?? '').digest('hex');
}

import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { AgencyCertificateTable } from '../tables.ts';

// SQL for agency_certificate and result_trust_anchor. No rules here.
type Db = Kysely<Database> | Transaction<Database>;
export type AgencyCertificateRow = Selectable<AgencyCertificateTable>;

/** The certificate an agency signs with now: its newest unretired one. */
export function findCurrentCertificate(db: Db, agencyId: number): Promise<AgencyCertificateRow | undefined> {
  return db.selectFrom('agency_certificate').selectAll().where('agency_id', '=', agencyId).where('retired_at', 'is', null)
    .orderBy('added_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export function findCertificate(db: Db, id: number): Promise<AgencyCertificateRow | undefined> {
  return db.selectFrom('agency_certificate').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds a certificate and retires the agency's earlier ones (they stay for the tokens they signed). */
export async function insertCertificate(trx: Transaction<Database>, row: Insertable<AgencyCertificateTable>): Promise<number> {
  await trx.updateTable('agency_certificate').set({ retired_at: row.added_at }).where('agency_id', '=', row.agency_id).where('retired_at', 'is', null).execute();
  const inserted = await trx.insertInto('agency_certificate').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Every token key ever used, for the JWKS: retired keys still verify the tokens they signed. */
export function listTokenKeys(db: Db) {
  return db.selectFrom('agency_certificate as c').innerJoin('agency as a', 'a.id', 'c.agency_id')
    .select(['c.token_kid', 'c.token_public_jwk', 'a.code as agencyCode', 'c.retired_at']).orderBy('c.id').execute();
}

export function findTokenKey(db: Db, kid: string) {
  return db.selectFrom('agency_certificate as c').innerJoin('agency as a', 'a.id', 'c.agency_id')
    .select(['c.token_public_jwk', 'a.code as agencyCode']).where('c.token_kid', '=', kid).executeTakeFirst();
}

export async function addTrustAnchor(db: Db, anchor: { subject: string; certificate: Uint8Array; sha256: string; now: Date }): Promise<void> {
  await db.insertInto('result_trust_anchor').values({ subject: anchor.subject, certificate: anchor.certificate, sha256: anchor.sha256, added_at: anchor.now })
    .onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

export function listTrustAnchors(db: Db) {
  return db.selectFrom('result_trust_anchor').select(['subject', 'certificate', 'sha256']).orderBy('id').execute();
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { ApiClientKind } from './tables.ts';

// SQL for the API-client tables only.
type Db = Kysely<Database> | Transaction<Database>;

export async function insertApiClient(db: Db, c: {
  publicId: string; name: string; agencyId: number | null; kind: ApiClientKind; scopes: string[]; secretHash: string; createdBy: string | null; now: Date;
}): Promise<string> {
  const row = await db.insertInto('api_client').values({
    public_id: c.publicId, name: c.name, agency_id: c.agencyId, kind: c.kind, scopes: c.scopes, secret_hash: c.secretHash,
    created_by: c.createdBy, created_at: c.now, revoked_by: null, revoked_at: null, last_used_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findClientByPublicId(db: Db, publicId: string) {
  return db.selectFrom('api_client')
    .select(['id', 'public_id', 'name', 'kind', 'scopes', 'secret_hash', 'revoked_at', 'last_used_at'])
    .where('public_id', '=', publicId).executeTakeFirst();
}

export async function findClient(db: Db, id: string) {
  return db.selectFrom('api_client').select(['id', 'public_id', 'name', 'kind', 'scopes', 'agency_id', 'revoked_at'])
    .where('id', '=', id).executeTakeFirst();
}

/** A live access token with its client, which must not have been revoked since the token was issued. */
export async function findAccessToken(db: Db, tokenHash: string) {
  return db.selectFrom('api_access_token as t').innerJoin('api_client as c', 'c.id', 't.client_id')
    .select(['t.scopes', 't.expires_at', 'c.id as client_id', 'c.name', 'c.revoked_at', 'c.last_used_at'])
    .where('t.token_hash', '=', tokenHash).executeTakeFirst();
}

export async function insertAccessToken(db: Db, t: { tokenHash: string; clientId: string; scopes: string[]; now: Date; expiresAt: Date }): Promise<void> {
  await db.insertInto('api_access_token').values({
    token_hash: t.tokenHash, client_id: t.clientId, scopes: t.scopes, issued_at: t.now, expires_at: t.expiresAt,
  }).execute();
}

export async function deleteExpiredAccessTokens(db: Db, clientId: string, now: Date): Promise<void> {
  await db.deleteFrom('api_access_token').where('client_id', '=', clientId).where('expires_at', '<=', now).execute();
}

export async function deleteClientAccessTokens(db: Db, clientId: string): Promise<void> {
  await db.deleteFrom('api_access_token').where('client_id', '=', clientId).execute();
}

export async function touchClient(db: Db, clientId: string, now: Date): Promise<void> {
  await db.updateTable('api_client').set({ last_used_at: now }).where('id', '=', clientId).execute();
}

export async function revokeClient(db: Db, clientId: string, revokedBy: string | null, now: Date): Promise<boolean> {
  const result = await db.updateTable('api_client').set({ revoked_at: now, revoked_by: revokedBy })
    .where('id', '=', clientId).where('revoked_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listClients(db: Db) {
  return db.selectFrom('api_client as c')
    .leftJoin('agency as g', 'g.id', 'c.agency_id')
    .leftJoin('account as a', 'a.id', 'c.created_by')
    .select(['c.id', 'c.public_id', 'c.name', 'c.kind', 'c.scopes', 'c.created_at', 'c.revoked_at', 'c.last_used_at',
      'g.name as agency_name', 'a.display_name as created_by_name'])
    .orderBy(sql`c.revoked_at IS NOT NULL`).orderBy('c.created_at', 'desc').execute();
}

/** Agencies in force, for the "owning agency" choice (read-only use of the catalogue's table). */
export async function listCurrentAgencies(db: Db, today: string) {
  return db.selectFrom('agency').select(['id', 'code', 'name'])
    .where('valid_from', '<=', today).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .orderBy('code').execute();
}

export async function findAgencyId(db: Db, code: string): Promise<number | undefined> {
  return (await db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/** The top units of the agency tree (the province): a client owned by no agency acts for all of them. */
export async function listRootAgencyIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('agency').select('id').where('parent_id', 'is', null).execute()).map((r) => r.id);
}

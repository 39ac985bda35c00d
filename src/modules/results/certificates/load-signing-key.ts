import type { KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { readPkcs12, type SigningIdentity } from '../signing/pkcs12.ts';
import { findCertificate, findCurrentCertificate, type AgencyCertificateRow } from './repository.ts';
import { unseal, type SealingKeys } from './seal.ts';
import { tokenPrivateKey } from './token-keys.ts';

export interface AgencySigningKey {
  row: AgencyCertificateRow;
  identity: SigningIdentity;
  token: { kid: string; privateKey: KeyObject };
}

/** The agency's current certificate, opened: the signing identity and the token key. Undefined when it has none. */
export async function loadAgencySigningKey(db: Kysely<Database> | Transaction<Database>, keys: SealingKeys, agencyId: number): Promise<AgencySigningKey | undefined> {
  const row = await findCurrentCertificate(db, agencyId);
  if (!row) return undefined;
  const identity = await readPkcs12(row.pkcs12, unseal(keys, row.sealed_with, row.passphrase_sealed));
  const privateJwk = JSON.parse(unseal(keys, row.sealed_with, row.token_private_sealed)) as Record<string, string>;
  return { row, identity, token: { kid: row.token_kid, privateKey: tokenPrivateKey(privateJwk) } };
}

/** The token key of a given certificate (current or retired), to sign the offline token of its results. */
export async function loadAgencyTokenKey(db: Kysely<Database> | Transaction<Database>, keys: SealingKeys, certificateId: number): Promise<{ kid: string; privateKey: KeyObject } | undefined> {
  const row = await findCertificate(db, certificateId);
  if (!row) return undefined;
  return { kid: row.token_kid, privateKey: tokenPrivateKey(JSON.parse(unseal(keys, row.sealed_with, row.token_private_sealed)) as Record<string, string>) };
}

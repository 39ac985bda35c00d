import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { insertAccountToken, useAccountToken } from './registration/repository.ts';
import type { AccountTokenPurpose } from './registration/tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

// Only the SHA-256 of a token is kept (SEC-02): a leaked table or backup yields no working link.
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a single-use link token (256 bits, url-safe) for the account; the raw token goes only into the message. */
export async function issueAccountToken(trx: Db, input: { accountId: string; purpose: AccountTokenPurpose; ttlMinutes: number; now: Date }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertAccountToken(trx, {
    tokenHash: hashAccountToken(token), accountId: input.accountId, purpose: input.purpose,
    expiresAt: new Date(input.now.getTime() + input.ttlMinutes * 60_000), now: input.now,
  });
  return token;
}

/** Uses a token once: the account id when it is live and of that purpose, null when unknown, expired or used. */
export async function consumeAccountToken(trx: Db, input: { token: string; purpose: AccountTokenPurpose; now: Date }): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(input.token)) return null;
  return useAccountToken(trx, { tokenHash: hashAccountToken(input.token), purpose: input.purpose, now: input.now });
}

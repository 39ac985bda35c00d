import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { hashPassword } from './password-hash.ts';
import { createTotpSecret } from './totp.ts';
import { grantOfficerRole, insertAccount } from './repository.ts';

interface DemoAccounts {
  password: string;
  people: { kind: 'citizen' | 'business'; displayName: string; email: string; phone: string; declared: Record<string, string> }[];
  officers: { displayName: string; email: string; roles: [string, string][] }[];
}

const demoFile = new URL('../../../seed/demo-accounts.json', import.meta.url);

/**
 * The demo province's people: a citizen, a business and one officer per role, all with the demo password.
 * Officers get TOTP already enrolled with a secret made here (never committed), which `npm start` prints.
 */
export async function seedDemoAccounts(db: Kysely<Database>, now: Date): Promise<void> {
  const demo = JSON.parse(await readFile(demoFile, 'utf8')) as DemoAccounts;
  const passwordHash = await hashPassword(demo.password);
  // A seed interrupted half-way is simply run again: accounts already there are left as they are.
  const existing = new Set((await db.selectFrom('account').select('email').where('email', 'in', [...demo.people, ...demo.officers].map((p) => p.email)).execute()).map((r) => r.email));
  await db.transaction().execute(async (trx) => {
    for (const person of demo.people) {
      if (existing.has(person.email)) continue;
      const id = await insertAccount(trx, { kind: person.kind, displayName: person.displayName, email: person.email, phone: person.phone, passwordHash });
      await trx.updateTable('account').set({ email_verified_at: now }).where('id', '=', id).execute();
      for (const [name, value] of Object.entries(person.declared)) {
        await trx.insertInto('profile_attribute').values({ account_id: id, name, verified: false, value, source: 'declared', recorded_at: now }).execute();
      }
    }
    for (const officer of demo.officers) {
      if (existing.has(officer.email)) continue;
      const id = await insertAccount(trx, { kind: 'officer', displayName: officer.displayName, email: officer.email, passwordHash });
      await trx.updateTable('account').set({ email_verified_at: now, totp_secret: createTotpSecret(), totp_enabled_at: now }).where('id', '=', id).execute();
      for (const [agencyCode, role] of officer.roles) await grantOfficerRole(trx, id, agencyCode, role);
    }
  });
}

/** For the start-up banner of a demo installation: who can sign in, how, and each officer's TOTP secret. */
export async function listDemoAccounts(db: Kysely<Database>): Promise<{ password: string; accounts: { kind: string; name: string; email: string; roles: string; totpSecret: string | null }[] }> {
  const demo = JSON.parse(await readFile(demoFile, 'utf8')) as DemoAccounts;
  const emails = [...demo.people, ...demo.officers].map((p) => p.email);
  const rows = await db.selectFrom('account as a')
    .leftJoin('officer_role as r', 'r.account_id', 'a.id')
    .select(['a.kind', 'a.display_name', 'a.email', 'a.totp_secret', 'r.role_code'])
    .where('a.email', 'in', emails).execute();
  return {
    password: demo.password,
    accounts: emails.flatMap((email) => {
      const mine = rows.filter((r) => r.email === email);
      const first = mine[0];
      return first ? [{ kind: first.kind, name: first.display_name, email, roles: mine.flatMap((r) => r.role_code ?? []).join(', '), totpSecret: first.totp_secret }] : [];
    }),
  };
}

import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { listProfileAttributes } from '../repository.ts';
import { checkValue, declarableAttributes, nameAttribute, normaliseValue } from './attributes.ts';
import { vietnamDay } from '../../../platform/analytics/vietnam-day.ts';
import { deleteDeclaredAttribute, setDisplayName, upsertDeclaredAttribute } from './repository.ts';
import { loadOwnAccount } from './own-account.ts';

export interface UpdateDeclaredProfileInput {
  actor: Actor;
  now: Date;
  /** The form as typed: attribute name → value; an empty value withdraws the declaration. */
  values: Record<string, string | undefined>;
  ip: string | null;
  userAgent: string | null;
}

export type UpdateDeclaredProfileResult =
  | { ok: true; changed: string[] }
  | { ok: false; errors: { name: string; message: MessageKey }[] };

/**
 * A person corrects the data they declared (issue 3 §1, P-01). Verified values (from VNeID or a national
 * database) win: a declared value may never override one, whatever the form sent. The display name follows
 * the (verified, else declared) full name or business name. Audited with before/after.
 */
export async function updateDeclaredProfile(db: Kysely<Database>, input: UpdateDeclaredProfileInput): Promise<UpdateDeclaredProfileResult> {
  return db.transaction().execute(async (trx) => {
    const account = await loadOwnAccount(trx, input.actor, 'profile.edit');
    const kind = account.kind === 'business' ? 'business' : 'citizen';
    const stored = await listProfileAttributes(trx, account.id);
    const verified = new Map(stored.filter((a) => a.verified).map((a) => [a.name, a.value]));
    const declared = new Map(stored.filter((a) => !a.verified).map((a) => [a.name, a.value]));
    const names: readonly string[] = declarableAttributes[kind];

    const errors: { name: string; message: MessageKey }[] = [];
    const wanted = new Map<string, string>();
    for (const [name, raw] of Object.entries(input.values)) {
      if (raw === undefined) continue;
      if (!names.includes(name)) { errors.push({ name, message: 'profile.error.notDeclarable' }); continue; }
      const value = normaliseValue(name, raw);
      const locked = verified.get(name);
      if (locked !== undefined) {
        if (value !== '' && value !== locked) errors.push({ name, message: 'profile.error.verified' });
        continue;
      }
      wanted.set(name, value);
    }
    const today = vietnamDay(input.now);
    const dateOfBirth = verified.get('dateOfBirth') ?? wanted.get('dateOfBirth') ?? declared.get('dateOfBirth');
    for (const [name, value] of wanted) {
      if (value === '') continue;
      const problem = checkValue(name, value, { dateOfBirth: name === 'personalId' ? dateOfBirth : undefined, today });
      if (problem) errors.push({ name, message: problem });
    }
    const nameField = nameAttribute[kind];
    if (!verified.has(nameField) && (wanted.get(nameField) ?? declared.get(nameField) ?? '') === '') {
      errors.push({ name: nameField, message: 'profile.error.nameRequired' });
    }
    if (errors.length) return { ok: false, errors };

    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    for (const [name, value] of wanted) {
      const old = declared.get(name) ?? '';
      if (old === value) continue;
      before[name] = old || null;
      after[name] = value || null;
      if (value === '') await deleteDeclaredAttribute(trx, account.id, name);
      else await upsertDeclaredAttribute(trx, account.id, name, value, input.now);
    }
    const displayName = verified.get(nameField) ?? wanted.get(nameField) ?? declared.get(nameField) ?? account.display_name;
    if (displayName !== account.display_name) {
      before['displayName'] = account.display_name;
      after['displayName'] = displayName;
      await setDisplayName(trx, account.id, displayName, input.now);
    }
    const changed = Object.keys(after);
    if (changed.length) {
      await appendAuditEntry(trx, input.now, {
        actorId: account.id, actorLabel: account.display_name, ip: input.ip, userAgent: input.userAgent,
        action: 'identity.profile.updated', targetType: 'account', targetId: account.id, before, after,
      });
    }
    return { ok: true, changed };
  });
}

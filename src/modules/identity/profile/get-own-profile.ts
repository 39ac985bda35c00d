import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { listProfileAttributes } from '../repository.ts';
import { declarableAttributes } from './attributes.ts';
import { loadOwnAccount } from './own-account.ts';

/** What the profile form shows: each attribute a person of this kind may declare, its declared and verified values. */
export async function getOwnProfile(db: Kysely<Database>, actor: Actor) {
  const account = await loadOwnAccount(db, actor, 'profile.edit');
  const kind = account.kind === 'business' ? 'business' : 'citizen';
  const attributes = await listProfileAttributes(db, account.id);
  const fields = declarableAttributes[kind].map((name) => ({
    name,
    declared: attributes.find((a) => a.name === name && !a.verified)?.value,
    verified: attributes.find((a) => a.name === name && a.verified),
  }));
  return {
    account: { kind, displayName: account.display_name, email: account.email, phone: account.phone, channels: account.notification_channels, hasPassword: account.password_hash !== null },
    fields,
  };
}

export type OwnProfile = Awaited<ReturnType<typeof getOwnProfile>>;

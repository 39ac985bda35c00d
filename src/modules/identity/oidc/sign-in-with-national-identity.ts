import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { appendAuditEntry, recordAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { insertAccount } from '../repository.ts';
import { mapClaims, type MappedIdentity } from './map-claims.ts';
import type { ProviderIdentity } from './complete-oidc-login.ts';
import type { OidcProviderSettings } from './settings.ts';
import {
  findAccountByEmail, findAccountById, findExternalIdentity, findProviderSubjectOfAccount, insertExternalIdentity, isPhoneTaken,
  listVerifiedAttributes, updateAccountFromProvider, upsertVerifiedAttributes,
} from './repository-oidc.ts';

export type NationalSignInRefusal = 'accountDisabled' | 'emailInUse' | 'identityLinkedElsewhere' | 'accountLinkedToOther' | 'linkSessionChanged';
export type NationalSignInOutcome = { ok: true; accountId: string; created: boolean; linked: boolean } | { ok: false; reason: NationalSignInRefusal };
type Refusal = { ok: false; reason: NationalSignInRefusal; accountId: string | undefined };

type Audit = { ip: string | null; userAgent: string | null; now: Date };

/**
 * A citizen or business signed in at the national identity provider (VNeID/DVCQG; issue 3 §1, P-06, P-13).
 * Which account it is:
 * 1. the account already linked to this (provider, subject);
 * 2. else, when the login was started from the account page, the person signed in there (still the same one);
 * 3. else the live account with the same e-mail, only if both sides vouch for it (our account's e-mail was
 *    verified and the provider marks its own verified) — otherwise the person is told to sign in and link;
 * 4. else a new account: a business when the claims carry a tax code, otherwise a citizen.
 * The provider's claims are then stored as verified profile data with their source (declared values are kept
 * apart and never touched) and the display name follows the verified name.
 */
export async function signInWithNationalIdentity(db: Kysely<Database>, input: {
  settings: OidcProviderSettings; identity: ProviderIdentity; actor: Actor; ip: string | null; userAgent: string | null; now: Date;
}): Promise<NationalSignInOutcome> {
  const { settings, identity } = input;
  const provider = settings.issuer.href;
  const mapped = mapClaims(identity.claims, settings.claims);
  const audit: Audit = { ip: input.ip, userAgent: input.userAgent, now: input.now };
  // Refusals are audited after the transaction: the embedded database has a single connection.
  const refuse = (reason: NationalSignInRefusal, accountId?: string): Refusal => ({ ok: false, reason, accountId });
  const outcome = await db.transaction().execute(async (trx): Promise<Extract<NationalSignInOutcome, { ok: true }> | Refusal> => {
    const linked = await findExternalIdentity(trx, provider, identity.subject);
    let accountId: string;
    let created = false;
    let newlyLinked = false;
    if (identity.login.link_account_id) {
      const target = identity.login.link_account_id;
      if (input.actor.kind !== 'person' || input.actor.accountId !== target) return refuse('linkSessionChanged', target);
      if (linked && linked.id !== target) return refuse('identityLinkedElsewhere', target);
      if (!linked) {
        if (await findProviderSubjectOfAccount(trx, provider, target)) return refuse('accountLinkedToOther', target);
        await link(trx, { provider, settings, subject: identity.subject, accountId: target, rule: 'accountPage', actorLabel: input.actor.name }, audit);
        newlyLinked = true;
      }
      accountId = target;
    } else if (linked) {
      if (linked.status !== 'active' || linked.kind === 'officer') return refuse('accountDisabled', linked.id);
      accountId = linked.id;
    } else {
      const email = mapped.attributes.email;
      const local = email ? await findAccountByEmail(trx, email) : undefined;
      if (local) {
        const safe = local.kind !== 'officer' && local.status === 'active' && local.email_verified_at !== null
          && identity.claims[`${settings.claims.email}_verified`] === true && !(await findProviderSubjectOfAccount(trx, provider, local.id));
        if (!safe) return refuse('emailInUse', local.id);
        await link(trx, { provider, settings, subject: identity.subject, accountId: local.id, rule: 'verifiedEmail', actorLabel: local.display_name }, audit);
        accountId = local.id;
        newlyLinked = true;
      } else {
        accountId = await createAccount(trx, { provider, settings, subject: identity.subject, mapped }, audit);
        created = true;
      }
    }
    await recordVerifiedProfile(trx, { accountId, settings, mapped, subject: identity.subject }, audit);
    return { ok: true, accountId, created, linked: newlyLinked };
  });
  if (outcome.ok) return outcome;
  await recordAuditEntry(db, input.now, {
    actorId: outcome.accountId ?? null, actorLabel: mapped.attributes.fullName ?? identity.subject, ip: input.ip, userAgent: input.userAgent,
    action: 'identity.signIn.failed', targetType: outcome.accountId ? 'account' : null, targetId: outcome.accountId ?? null,
    after: { reason: outcome.reason, provider: settings.label },
  });
  return { ok: false, reason: outcome.reason };
}

async function link(trx: Transaction<Database>, l: { provider: string; settings: OidcProviderSettings; subject: string; accountId: string; rule: string; actorLabel: string }, audit: Audit) {
  await insertExternalIdentity(trx, { provider: l.provider, subject: l.subject, accountId: l.accountId, now: audit.now });
  await appendAuditEntry(trx, audit.now, {
    actorId: l.accountId, actorLabel: l.actorLabel, ip: audit.ip, userAgent: audit.userAgent, action: 'identity.account.linked',
    targetType: 'account', targetId: l.accountId, before: null, after: { provider: l.settings.label, issuer: l.provider, subject: l.subject, rule: l.rule },
  });
}

async function createAccount(trx: Transaction<Database>, c: { provider: string; settings: OidcProviderSettings; subject: string; mapped: MappedIdentity }, audit: Audit): Promise<string> {
  const { attributes, accountKind } = c.mapped;
  const displayName = (accountKind === 'business' ? attributes.businessName : undefined) ?? attributes.fullName ?? c.settings.label;
  // A phone number already held by another account stays a verified attribute only: accounts never share one.
  const phone = attributes.phone && !(await isPhoneTaken(trx, attributes.phone)) ? attributes.phone : null;
  const accountId = await insertAccount(trx, { kind: accountKind, displayName, email: attributes.email ?? null, phone });
  if (attributes.email) await updateAccountFromProvider(trx, accountId, { emailVerifiedAt: audit.now }, audit.now);
  await insertExternalIdentity(trx, { provider: c.provider, subject: c.subject, accountId, now: audit.now });
  await appendAuditEntry(trx, audit.now, {
    actorId: accountId, actorLabel: displayName, ip: audit.ip, userAgent: audit.userAgent, action: 'identity.account.created',
    targetType: 'account', targetId: accountId, before: null,
    after: { kind: accountKind, displayName, email: attributes.email ?? null, phone, provider: c.settings.label, issuer: c.provider, subject: c.subject },
  });
  return accountId;
}

async function recordVerifiedProfile(trx: Transaction<Database>, r: { accountId: string; settings: OidcProviderSettings; mapped: MappedIdentity; subject: string }, audit: Audit) {
  const account = await findAccountById(trx, r.accountId);
  const before = await listVerifiedAttributes(trx, r.accountId);
  const changed = Object.fromEntries(Object.entries(r.mapped.attributes).filter(([name, value]) => before[name] !== value));
  await upsertVerifiedAttributes(trx, r.accountId, r.mapped.attributes, r.settings.label, audit.now);
  const verifiedName = (account?.kind === 'business' ? r.mapped.attributes.businessName : undefined) ?? r.mapped.attributes.fullName;
  const rename = verifiedName && verifiedName !== account?.display_name ? verifiedName : undefined;
  if (rename) await updateAccountFromProvider(trx, r.accountId, { displayName: rename }, audit.now);
  await appendAuditEntry(trx, audit.now, {
    actorId: r.accountId, actorLabel: rename ?? account?.display_name ?? r.subject, ip: audit.ip, userAgent: audit.userAgent, action: 'identity.signIn.oidc',
    targetType: 'account', targetId: r.accountId,
    before: { displayName: account?.display_name ?? null, verified: Object.fromEntries(Object.keys(changed).map((name) => [name, before[name] ?? null])) },
    after: { provider: r.settings.label, displayName: rename ?? account?.display_name ?? null, verified: changed },
  });
}

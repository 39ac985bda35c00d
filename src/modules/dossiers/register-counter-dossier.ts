import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize, isAllowed } from '../../platform/auth/authorize.ts';
import { toLocal } from '../../platform/clock/local-time.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang, type MessageKey } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import { findAgency, findPublishedProcedureVersion } from '../catalog/procedure-versions.ts';
import type { ProcedureDefinition } from '../catalog/tables.ts';
import { findVerifiedCitizen } from '../identity/find-verified-citizen.ts';
import { checkValue, normaliseValue } from '../identity/profile/attributes.ts';
import { firstStep } from '../workflow/process/process-definition.ts';
import { processForNewDossier } from '../workflow/process/load-dossier-process.ts';
import { appendDossierAction } from './append-dossier-action.ts';
import { findStoredFile } from '../../platform/files/repository.ts';
import { findCounterDossierByIdempotencyKey } from './desk-repository.ts';
import { attachDossierFile } from './dossier-files.ts';
import { allocateDossierCode } from './dossier-code.ts';
import { insertDossier } from './repository.ts';
import { newDossierReference } from './submit-dossier.ts';
import type { ApplicantSnapshot } from './tables.ts';

/** The applicant as the desk officer typed it from the papers (the snapshot adds birth date or representative). */
export type CounterApplicant = ApplicantSnapshot & { dateOfBirth?: string; representative?: string };

export interface CounterDossierInput {
  procedureCode: string;
  caseCode: string;
  receivingAgencyCode: string;
  /** `desk`: handed in at the counter; `postal`: the papers came by post (BCCI). */
  channel: 'desk' | 'postal';
  /** Postal only: the day the post delivered the papers (YYYY-MM-DD) and the postal item number. */
  postalDeliveredOn?: string | undefined;
  postalItemNumber?: string | undefined;
  applicant: {
    kind: 'citizen' | 'business';
    name: string;
    personalId?: string | undefined;
    dateOfBirth?: string | undefined;
    taxCode?: string | undefined;
    representative?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    address?: string | undefined;
  };
  /** Link the dossier to the citizen account whose VERIFIED identity number it carries. */
  linkAccount: boolean;
  summary?: string | undefined;
  /** "Tiếp nhận ngay": accept at once (code, due date); otherwise it waits in "chờ tiếp nhận". */
  receiveNow: boolean;
  /** Chosen by the form: a double click or a resent form registers one dossier. */
  idempotencyKey: string;
  /** The scans of the paper components (DuocSoHoa), already stored by this officer. */
  scans: { componentCode: string; storedFileId: string }[];
}

export interface CounterDossierResult {
  id: string;
  reference: string;
  code: string | null;
  created: boolean;
  linkedAccount: boolean;
}

const channelOfCatalog = { desk: 'counter', postal: 'post' } as const;

/**
 * The desk enters a dossier for someone who came to the counter or sent the papers by post (issue 4 §4; S-b,
 * ST-01, ST-02): only procedures its desk receives, the applicant's data checked like a profile (CCCD, tax code),
 * linked to a citizen account only on a VERIFIED identity number, the scans of the paper components kept as
 * digitised component files (IDX-4.2), and — when the officer chooses "Tiếp nhận ngay" — received with its code
 * (CODE-01) and due date (DL-01) in the same transaction. One idempotency key, one dossier.
 */
export async function registerCounterDossier(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: CounterDossierInput): Promise<CounterDossierResult> {
  authorize(actor, 'dossier.receive');
  if (actor.kind !== 'officer') throw new AppError('forbidden');
  const existing = await findCounterDossierByIdempotencyKey(db, input.idempotencyKey);
  if (existing) return { id: existing.id, reference: existing.reference, code: existing.code, created: false, linkedAccount: existing.applicant_account_id !== null };

  const procedure = await findPublishedProcedureVersion(db, input.procedureCode);
  if (!procedure) throw new AppError('procedureNotFound', [], { code: input.procedureCode });
  const definition = procedure.definition;
  const errors: FieldError[] = [];
  const fail = (path: string, key: MessageKey, params?: Record<string, string | number>) => errors.push({ path, message: t(lang, key, params) });

  const agency = definition.implementingAgencyCodes.includes(input.receivingAgencyCode) ? await findAgency(db, { code: input.receivingAgencyCode }) : undefined;
  if (!agency) throw new AppError('validationFailed', [{ path: '/receivingAgencyCode', message: t(lang, 'dossier.agencyNotImplementing') }]);
  const process = await processForNewDossier(db, procedure.procedureId, definition, agency.id);
  const deskAgencyId = process.stepAgencyIds[firstStep(process.definition).code]!;
  // Only the desk that receives this procedure for this unit may enter it: another unit's desk is refused.
  if (!isAllowed(actor, 'dossier.receive', { agencyId: deskAgencyId })) throw new AppError('forbidden');

  if (!input.caseCode) fail('/caseCode', 'deskIntake.error.caseRequired');
  else if (!definition.cases.some((c) => c.code === input.caseCode)) fail('/caseCode', 'dossier.unknownCase');
  if (!definition.channels.includes(channelOfCatalog[input.channel])) fail('/channel', input.channel === 'postal' ? 'deskIntake.error.noPostal' : 'deskIntake.error.noCounter');
  const postal = input.channel === 'postal' ? checkPostal(input, now, fail) : undefined;
  const applicant = checkApplicant(input.applicant, definition, now, fail);
  const scans = await checkScans(db, actor.accountId, definition, input, fail);
  if (errors.length) throw new AppError('validationFailed', errors);

  const linked = input.linkAccount && applicant.kind === 'citizen' && applicant.personalId ? await findVerifiedCitizen(db, applicant.personalId) : undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const reference = newDossierReference(now);
      const summary = input.summary?.trim() || definition.name;
      const id = await insertDossier(trx, {
        reference, procedureId: procedure.procedureId, procedureVersionId: procedure.versionId, caseCode: input.caseCode,
        applicantAccountId: linked?.accountId ?? null, applicant, channel: input.channel, receivingAgencyId: agency.id,
        deskAgencyId, processId: process.processId, summary, formData: {}, idempotencyKey: input.idempotencyKey, now,
      });
      await appendDossierAction(trx, id, {
        kind: 'submitted', at: now, actor,
        payload: { channel: input.channel, atCounter: true, ...(postal ?? {}), ...(linked ? { linkedAccount: true } : {}) },
      });
      for (const scan of scans) {
        await attachDossierFile(trx, { dossierId: id, storedFileId: scan.storedFileId, purpose: 'component', componentCode: scan.componentCode, actionSeq: 1, addedBy: actor.accountId, now });
      }
      let code: string | null = null;
      if (input.receiveNow) {
        code = await allocateDossierCode(trx, agency, now);
        await appendDossierAction(trx, id, { kind: 'received', at: now, actor, payload: { code } });
      }
      return { id, reference, code, created: true, linkedAccount: linked !== undefined };
    });
  } catch (error) {
    // The same key committed first (a double click on another instance): answer with that dossier.
    const winner = await findCounterDossierByIdempotencyKey(db, input.idempotencyKey);
    if (winner) return { id: winner.id, reference: winner.reference, code: winner.code, created: false, linkedAccount: winner.applicant_account_id !== null };
    throw error;
  }
}

type Fail = (path: string, key: MessageKey, params?: Record<string, string | number>) => void;

function checkPostal(input: CounterDossierInput, now: Date, fail: Fail): { postalDeliveredOn: string; postalItemNumber: string } | undefined {
  const deliveredOn = normaliseValue('dateOfBirth', input.postalDeliveredOn ?? '');
  const itemNumber = (input.postalItemNumber ?? '').trim().toUpperCase();
  const today = toLocal(now).date;
  if (!deliveredOn) fail('/postalDeliveredOn', 'deskIntake.error.postalDate');
  else if (checkValue('dateOfBirth', deliveredOn, { today }) === 'profile.error.date') fail('/postalDeliveredOn', 'profile.error.date');
  else if (deliveredOn > today) fail('/postalDeliveredOn', 'deskIntake.error.postalDateFuture');
  if (!/^[A-Z0-9-]{6,30}$/.test(itemNumber)) fail('/postalItemNumber', 'deskIntake.error.postalItem');
  return { postalDeliveredOn: deliveredOn, postalItemNumber: itemNumber };
}

function checkApplicant(a: CounterDossierInput['applicant'], definition: ProcedureDefinition, now: Date, fail: Fail): CounterApplicant {
  const text = (value: string | undefined, max = 300) => (value ?? '').trim().replace(/\s+/g, ' ').slice(0, max);
  const name = text(a.name, 200);
  const phone = text(a.phone, 20).replace(/[\s.]/g, '');
  const email = text(a.email, 200).toLowerCase();
  const address = text(a.address);
  const today = toLocal(now).date;
  if (a.kind === 'business' && !definition.applicantTypes.some((type) => type === 'business' || type === 'organisation')) fail('/applicantKind', 'deskIntake.error.kindNotAllowed');
  if (a.kind === 'citizen' && !definition.applicantTypes.includes('citizen')) fail('/applicantKind', 'deskIntake.error.kindNotAllowed');
  if (!name) fail('/name', 'deskIntake.error.nameRequired');
  if (phone && !/^\+?\d{8,15}$/.test(phone)) fail('/phone', 'deskIntake.error.phone');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('/email', 'deskIntake.error.email');
  const contact = { ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(address ? { address } : {}) };
  if (a.kind === 'citizen') {
    const personalId = normaliseValue('personalId', a.personalId ?? '');
    const dateOfBirth = a.dateOfBirth?.trim() ? normaliseValue('dateOfBirth', a.dateOfBirth) : '';
    const dateProblem = dateOfBirth ? checkValue('dateOfBirth', dateOfBirth, { today }) : null;
    if (dateProblem) fail('/dateOfBirth', dateProblem);
    if (!personalId) fail('/personalId', 'deskIntake.error.personalIdRequired');
    else {
      const idProblem = checkValue('personalId', personalId, { dateOfBirth: dateProblem ? undefined : dateOfBirth || undefined, today });
      if (idProblem) fail('/personalId', idProblem);
    }
    return { kind: 'citizen', name, personalId, ...(dateOfBirth ? { dateOfBirth } : {}), ...contact };
  }
  const taxCode = normaliseValue('taxCode', a.taxCode ?? '');
  const representative = text(a.representative, 200);
  if (!taxCode) fail('/taxCode', 'deskIntake.error.taxCodeRequired');
  else if (checkValue('taxCode', taxCode, { today })) fail('/taxCode', 'profile.error.taxCode');
  if (!representative) fail('/representative', 'deskIntake.error.representativeRequired');
  return { kind: 'business', name, taxCode, representative, ...contact };
}

/** Each scan is a file this officer stored just now, for a component of the chosen case. */
async function checkScans(db: Kysely<Database>, accountId: string, definition: ProcedureDefinition, input: CounterDossierInput, fail: Fail) {
  const components = definition.components.filter((c) => c.caseCodes.length === 0 || c.caseCodes.includes(input.caseCode));
  const stored = await Promise.all(input.scans.map((s) => findStoredFile(db, s.storedFileId)));
  const own = new Set(stored.flatMap((f) => (f && f.uploaded_by === accountId && f.digitised ? [f.id] : [])));
  for (const scan of input.scans) {
    if (!components.some((c) => c.code === scan.componentCode)) fail(`/scan-${scan.componentCode}`, 'deskIntake.error.scanComponent', { component: scan.componentCode });
    else if (!own.has(scan.storedFileId)) fail(`/scan-${scan.componentCode}`, 'error.fileNotFound');
  }
  return input.scans;
}

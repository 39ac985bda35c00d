import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { explainDueDate } from '../../platform/clock/explain-due-date.ts';
import { routeBy } from '../../platform/clock/rules.ts';
import { findAgency, getProcedureVersion } from '../catalog/procedure-versions.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { renderApologyNotice } from './notices/apology-notice.ts';
import { renderReceipt } from './notices/receipt.ts';
import { renderReceptionRefusal } from './notices/reception-refusal.ts';
import { renderSupplementRequest } from './notices/supplement-request.ts';
import { renderStopNotice } from './notices/stop-notice.ts';
import { t, type MessageKey } from '../../platform/i18n/messages.ts';
import { projectDossier, type DossierActionRecord } from './project-dossier.ts';
import { findDossier, listActions } from './repository.ts';
import type { ActionKind } from './status-machine.ts';
import type { ApplicantSnapshot } from './tables.ts';

/** The actions that issue a notice to the applicant (FORM-01): Mẫu 01, 02, 03, 04 and the stop notice (DL-11). */
export const noticeActions: ReadonlySet<ActionKind> = new Set(['received', 'supplementRequested', 'receptionRefused', 'extended', 'stopped']);

/** The notices rendered once and stored with the dossier when issued (issue 4 §5): every notice above. */
export const storedNoticeActions: ReadonlySet<ActionKind> = noticeActions;

type NoticeDossier = NonNullable<Awaited<ReturnType<typeof findDossier>>>;

/** Who may read a dossier's notices: its applicant, and the officers who may read the dossier. */
export function mayReadDossierNotices(actor: Actor, dossier: NoticeDossier): boolean {
  return actor.kind === 'person' ? dossier.applicant_account_id === actor.accountId : isAllowedOnDossier(actor, 'dossier.read', dossier);
}

/**
 * The notice an action issued, as a PDF (FORM-02: retrievable in the system at any time), for the dossier's
 * applicant and the officers of its agency; anyone else gets "not found". It is rebuilt from the action log as it
 * stood at that action, so a receipt keeps the appointment and explanation given that day.
 */
export async function renderDossierNotice(db: Kysely<Database>, actor: Actor, input: { dossierId: string; seq: number; publicUrl: string }): Promise<{ fileName: string; pdf: Buffer }> {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier || !mayReadDossierNotices(actor, dossier)) throw new AppError('dossierNotFound');
  return buildDossierNotice(db, dossier, input.seq, input.publicUrl);
}

/**
 * The notice of one action, rebuilt from the action log as it stood then, without asking who wants it: for
 * `renderDossierNotice` (which authorises first) and for storing the notice with the dossier (the system).
 */
export async function buildDossierNotice(db: Kysely<Database>, dossier: NoticeDossier, seq: number, publicUrl: string): Promise<{ fileName: string; pdf: Buffer }> {
  const input = { seq, publicUrl };
  const actions = await listActions(db, dossier.id);
  const index = actions.findIndex((a) => a.seq === input.seq);
  const action = actions[index];
  if (!action || !noticeActions.has(action.kind as ActionKind)) throw new AppError('notFound');
  const [rules, version, agency] = await Promise.all([loadClockRules(db, dossier), getProcedureVersion(db, dossier.procedure_version_id), findAgency(db, { id: dossier.receiving_agency_id })]);
  const asOfAction = projectDossier(actions.slice(0, index + 1).map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] })), rules);
  const definition = version.definition;
  const at = new Date(action.at);
  const base = {
    issuer: { agencyName: agency!.name, place: agency!.name.replace(/^Ủy ban nhân dân (tỉnh|thành phố|phường|xã|đặc khu) /i, '') },
    issuedAt: at,
    dossier: {
      code: asOfAction.code, reference: dossier.reference, procedureName: definition.name, procedureCode: version.code,
      caseName: definition.cases.find((c) => c.code === dossier.case_code)?.name, applicant: dossier.applicant as ApplicantSnapshot,
    },
  };
  const payload = action.payload as { items?: { name: string; reason: string }[]; guidance?: string; newDueAt?: string; previousDueAt?: string; throughDesk?: boolean; settlement?: unknown };
  const name = (form: string) => `${form}-${asOfAction.code ?? dossier.reference}-${action.seq}.pdf`;
  switch (action.kind) {
    case 'received':
      return {
        fileName: name('giay-tiep-nhan'),
        pdf: await renderReceipt({
          ...base, dossier: { ...base.dossier, code: asOfAction.code! },
          components: definition.components.filter((c) => c.caseCodes.length === 0 || c.caseCodes.includes(dossier.case_code))
            .map((c) => ({ name: c.name, originals: c.originals, copies: c.copies })),
          receivedAt: at, dueAt: asOfAction.dueAt!,
          // DL-03: a paper dossier reaches the handling unit the same working day, or the next one after 15:00.
          routeBy: dossier.channel === 'online' ? undefined : routeBy(rules.calendar, at, dossier.channel),
          returnPlace: agency!.address ? `Bộ phận Một cửa ${agency!.name}, ${agency!.address}` : `Bộ phận Một cửa ${agency!.name}`,
          dueDateExplanation: explainDueDate(asOfAction.dueDateSteps, 'vi'), receivingOfficer: action.actor_label, publicUrl: input.publicUrl,
        }),
      };
    case 'supplementRequested':
      return {
        fileName: name('phieu-yeu-cau-bo-sung'),
        pdf: await renderSupplementRequest({
          ...base, receivedAt: asOfAction.receivedAt, items: payload.items ?? [], guidance: payload.guidance || undefined,
          // A specialist's request goes out through the one-stop, in the desk's name (DL-05).
          officer: payload.throughDesk ? 'Bộ phận Một cửa' : action.actor_label, publicUrl: input.publicUrl,
        }),
      };
    case 'receptionRefused':
      return { fileName: name('phieu-tu-choi'), pdf: await renderReceptionRefusal({ ...base, reasons: [action.reason ?? ''], officer: action.actor_label }) };
    case 'stopped': {
      // A dossier stopped before acceptance has no code and was never handled: there is no stop notice to give.
      if (!asOfAction.code) throw new AppError('notFound');
      const before = projectDossier(actions.slice(0, index).map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] })), rules);
      const step = rules.process?.definition.steps.find((s) => s.code === before.currentStep);
      return {
        fileName: name('thong-bao-dung-xu-ly'),
        pdf: await renderStopNotice({
          ...base, dossier: { ...base.dossier, code: asOfAction.code }, stage: step?.name ?? t('vi', `dossier.status.${before.status}` as MessageKey),
          reason: action.reason ?? '', settlement: typeof payload.settlement === 'string' ? payload.settlement : undefined,
          signer: { title: 'Lãnh đạo cơ quan', name: action.actor_label },
        }),
      };
    }
    default:
      return {
        fileName: name('phieu-xin-loi-hen-lai'),
        pdf: await renderApologyNotice({
          ...base, dossier: { ...base.dossier, code: asOfAction.code! }, receivedAt: asOfAction.receivedAt!,
          previousDueAt: new Date(payload.previousDueAt!), newDueAt: new Date(payload.newDueAt!), reason: action.reason ?? '',
          signer: { title: 'Lãnh đạo cơ quan', name: action.actor_label }, publicUrl: input.publicUrl,
        }),
      };
  }
}

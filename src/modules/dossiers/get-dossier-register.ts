import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { addDays, toLocal } from '../../platform/clock/local-time.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang, type MessageKey } from '../../platform/i18n/messages.ts';
import { listRegisterRows, listUnits } from './desk-repository.ts';
import { renderDossierRegister, type RegisterRow } from './notices/dossier-register.ts';
import { readableUnitIds } from './search-dossiers.ts';
import type { DossierStatusCode } from './status-machine.ts';
import type { ApplicantSnapshot } from './tables.ts';

export interface RegisterQuery {
  unitId?: number | undefined;
  /** Local dates in Vietnam (YYYY-MM-DD), both included; by default the current month up to today. */
  from?: string | undefined;
  to?: string | undefined;
  channel?: 'online' | 'desk' | 'postal' | undefined;
}

const maxDays = 366;
const maxRows = 5000;

/**
 * Mẫu 06, the dossier register of one of the officer's units for a period (issue 4 §6; S-b, S-i): every dossier
 * the unit received in it (filed with it or received at its desk), optionally of one channel, from intake to
 * return. Only units the officer may read; a period of at most a year.
 */
export async function getDossierRegister(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, query: RegisterQuery) {
  const readable = readableUnitIds(actor);
  if (readable.length === 0) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const units = await listUnits(db, readable);
  if (query.unitId !== undefined && !readable.includes(query.unitId)) throw new AppError('forbidden');
  const unit = units.find((u) => u.id === query.unitId) ?? units[0]!;
  const today = toLocal(now).date;
  const from = query.from ?? `${today.slice(0, 8)}01`;
  const to = query.to ?? today;
  const errors = [];
  if (to < from) errors.push({ path: '/den-ngay', message: t(lang, 'deskRegister.error.order') });
  else if (addDays(from, maxDays) <= to) errors.push({ path: '/den-ngay', message: t(lang, 'deskRegister.error.tooLong', { days: maxDays }) });
  if (errors.length) throw new AppError('validationFailed', errors);
  const period = { from: new Date(`${from}T00:00:00+07:00`), to: new Date(`${addDays(to, 1)}T00:00:00+07:00`) };
  const found = await listRegisterRows(db, { unitId: unit.id, from: period.from, to: period.to, channel: query.channel, limit: maxRows });
  const rows: (RegisterRow & { id: string })[] = found.map((d) => {
    const applicant = d.applicant as ApplicantSnapshot;
    return {
      id: d.id, code: d.code ?? d.reference, applicantName: applicant.name,
      applicantContact: [applicant.address, applicant.phone].filter(Boolean).join(' · ') || undefined,
      procedureName: d.procedure_name ?? '', receivedAt: new Date(d.received_at!), dueAt: d.due_at ? new Date(d.due_at) : null,
      handedTo: d.current_unit && d.current_agency_id !== d.desk_agency_id ? d.current_unit : d.status >= 4 && d.status !== 3 ? d.receiving_unit : undefined,
      returnedAt: d.returned_at ? new Date(d.returned_at) : null, status: d.status as DossierStatusCode,
      remarks: d.channel === 'online' ? undefined : t(lang, `deskRegister.channel.${d.channel}` as MessageKey),
    };
  });
  return { units, unit, from, to, channel: query.channel, period: { from: period.from, to: new Date(period.to.getTime() - 1) }, rows, truncated: found.length === maxRows };
}

export type DossierRegisterView = Awaited<ReturnType<typeof getDossierRegister>>;

/** The same register as a printable PDF (A4 landscape, FORM-02). */
export async function renderDossierRegisterPdf(db: Kysely<Database>, actor: Actor, now: Date, query: RegisterQuery): Promise<{ fileName: string; pdf: Buffer }> {
  const view = await getDossierRegister(db, actor, now, 'vi', query);
  const pdf = await renderDossierRegister({
    issuer: { agencyName: view.unit.name, place: view.unit.name.replace(/^Ủy ban nhân dân (tỉnh|thành phố|phường|xã|đặc khu|huyện) /i, '').replace(/ tỉnh .*$/, '') },
    issuedAt: now, period: view.period, rows: view.rows,
  });
  return { fileName: `so-theo-doi-ho-so-${view.unit.code}-${view.from}-${view.to}.pdf`, pdf };
}

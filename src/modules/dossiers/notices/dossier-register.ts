import { t } from '../../../platform/i18n/messages.ts';
import { drawParagraph } from '../../../platform/pdf/body-text.ts';
import { drawTable } from '../../../platform/pdf/table.ts';
import type { DossierStatusCode } from '../status-machine.ts';
import { beginNotice } from './begin-notice.ts';
import { dateOnly, dateTime } from './notice-format.ts';
import type { NoticeBase } from './notice-input.ts';

export interface RegisterRow {
  code: string;
  applicantName: string;
  /** Address and phone, printed under the name. */
  applicantContact?: string | undefined;
  procedureName: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** The unit the dossier was handed to for handling. */
  handedTo?: string | undefined;
  returnedAt?: Date | null | undefined;
  status: DossierStatusCode;
  remarks?: string | undefined;
}

export interface DossierRegisterInput extends NoticeBase {
  period: { from: Date; to: Date };
  rows: RegisterRow[];
}

/**
 * Mẫu 06, the dossier register of a desk (FORM-01 `dossierRegister`, FORM-02: A4), in landscape for its many
 * columns: one row per dossier from intake to return; a long register breaks across pages, repeating the header row.
 */
export async function renderDossierRegister(input: DossierRegisterInput): Promise<Buffer> {
  const lang = input.lang ?? 'vi';
  const period = t(lang, 'notice.dossierRegister.period', { from: dateOnly(lang, input.period.from), to: dateOnly(lang, input.period.to) });
  const notice = beginNotice('dossierRegister', 'A4-landscape', input, null, [period]);
  const { pdf } = notice;
  const m = (key: Parameters<typeof t>[1]) => t(lang, key);
  const when = (at: Date | null | undefined) => (at ? dateTime(lang, at) : '');
  if (input.rows.length === 0) {
    drawParagraph(pdf, notice.y, m('notice.dossierRegister.empty'), { font: 'italic', align: 'center' });
    return pdf.finish(`${notice.footer} · ${period}`);
  }
  drawTable(pdf, notice.y, {
    columns: [
      { header: m('notice.dossierRegister.col.no'), weight: 1.2, align: 'center' },
      { header: m('notice.dossierRegister.col.code'), weight: 5.4 },
      { header: m('notice.dossierRegister.col.procedure'), weight: 4.6 },
      { header: m('notice.dossierRegister.col.applicant'), weight: 4.6 },
      { header: m('notice.dossierRegister.col.received'), weight: 3, align: 'center' },
      { header: m('notice.dossierRegister.col.due'), weight: 3, align: 'center' },
      { header: m('notice.dossierRegister.col.handedTo'), weight: 3.6 },
      { header: m('notice.dossierRegister.col.returned'), weight: 3, align: 'center' },
      { header: m('notice.dossierRegister.col.remarks'), weight: 3.6 },
    ],
    rows: input.rows.map((row, i) => [
      String(i + 1), row.code, row.procedureName,
      row.applicantContact ? `${row.applicantName}\n${row.applicantContact}` : row.applicantName,
      when(row.receivedAt), when(row.dueAt), row.handedTo ?? '', when(row.returnedAt),
      [t(lang, `dossier.status.${row.status}`), row.remarks].filter(Boolean).join('. '),
    ]),
  });
  return pdf.finish(`${notice.footer} · ${period}`);
}

import { timeliness } from '../../../platform/clock/rules.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { drawField } from '../../../platform/pdf/body-text.ts';
import { drawTable } from '../../../platform/pdf/table.ts';
import { beginNotice } from './begin-notice.ts';
import { dateTime } from './notice-format.ts';
import type { NoticeBase, NoticeDossier } from './notice-input.ts';

/** One hand-over of the dossier (DL-08): who gave it to whom and when, and how the receiving step went. */
export interface HandOver {
  /** The unit and officer handing over, e.g. "Bộ phận một cửa – Lê Thị Mơ". */
  from: string;
  to: string;
  at: Date;
  /** The step's due time; null when the step has no budget. */
  stepDueAt: Date | null;
  /** When the receiver finished the step (handed it on); unset while the step is open. */
  completedAt?: Date | undefined;
  note?: string | undefined;
}

export interface ControlSheetInput extends NoticeBase {
  dossier: NoticeDossier & { code: string };
  receivedAt: Date;
  dueAt: Date | null;
  handlingUnit: string;
  coordinatingUnits?: string[] | undefined;
  /** In order; `handOversFromActions` builds them from the action rows. */
  handOvers: HandOver[];
}

/**
 * Mẫu 05, the control sheet (FORM-01 `controlSheet`, DL-08), on A4: one line per hand-over with its time, the step's
 * due time and early / on time / late by the one lateness rule (CAL-08).
 */
export async function renderControlSheet(input: ControlSheetInput): Promise<Buffer> {
  const notice = beginNotice('controlSheet', 'A4', input, input.dossier);
  const { pdf, lang } = notice;
  let y = drawField(pdf, notice.y, t(lang, 'notice.controlSheet.applicant'), input.dossier.applicant.name);
  y = drawField(pdf, y, t(lang, 'notice.procedure'), input.dossier.procedureName);
  y = drawField(pdf, y, t(lang, 'notice.controlSheet.handlingUnit'), input.handlingUnit);
  if (input.coordinatingUnits?.length) y = drawField(pdf, y, t(lang, 'notice.controlSheet.coordinating'), input.coordinatingUnits.join('; '));
  y = drawField(pdf, y, t(lang, 'notice.receivedOn'), dateTime(lang, input.receivedAt));
  if (input.dueAt) y = drawField(pdf, y, t(lang, 'notice.dueOn'), dateTime(lang, input.dueAt));
  const result = (h: HandOver) => {
    if (!h.completedAt) return t(lang, 'notice.timeliness.pending');
    return h.stepDueAt ? t(lang, `notice.timeliness.${timeliness(h.stepDueAt, h.completedAt)}`) : '';
  };
  drawTable(pdf, y + 6, {
    columns: [
      { header: t(lang, 'notice.controlSheet.col.no'), weight: 1.5, align: 'center' },
      { header: t(lang, 'notice.controlSheet.col.handOver'), weight: 7 },
      { header: t(lang, 'notice.controlSheet.col.time'), weight: 3.5, align: 'center' },
      { header: t(lang, 'notice.controlSheet.col.stepDue'), weight: 3.5, align: 'center' },
      { header: t(lang, 'notice.controlSheet.col.result'), weight: 3, align: 'center' },
      { header: t(lang, 'notice.controlSheet.col.note'), weight: 3 },
    ],
    rows: input.handOvers.map((h, i) => [
      String(i + 1),
      `${t(lang, 'notice.controlSheet.from', { who: h.from })}\n${t(lang, 'notice.controlSheet.to', { who: h.to })}`,
      dateTime(lang, h.at),
      h.stepDueAt ? dateTime(lang, h.stepDueAt) : '',
      result(h),
      h.note ?? '',
    ]),
    scale: 0.85,
  });
  return pdf.finish(notice.footer);
}

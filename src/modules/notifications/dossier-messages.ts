import { t, type Lang, type MessageKey } from '../../platform/i18n/messages.ts';
import { plainSmsText } from '../../platform/sms/sms-text.ts';
import { dateTimeText } from './format.ts';
import type { TemplateParts } from './tables.ts';

/** A dossier action as the applicant is told of it (issue 4 §5): what happened and where the dossier stands now. */
export interface DossierEvent {
  kind: string;
  seq: number;
  toStatus: number;
  reason: string | null;
  payload: Record<string, unknown>;
  dossier: {
    id: string; reference: string; code: string | null; procedureName: string; applicantName: string;
    /** The appointment for the result after the action (NgayHenTra), when there is one. */
    dueAt: Date | null;
  };
}

/**
 * The notices the law requires the applicant to get (TT 01/2018 Art. 16-19, FORM-01): receipt, supplement request,
 * refusal, apology with a new appointment, result ready. They go out whatever channels the person chose.
 */
export const mandatoryKinds: ReadonlySet<string> = new Set(['received', 'supplementRequested', 'receptionRefused', 'extended', 'resolved']);

/** Actions that change the appointment without changing the status: the applicant is told of those too. */
export const appointmentKinds: ReadonlySet<string> = new Set(['extended', 'earlyReturnNoticed', 'dueDateRecomputed']);

/** Whether an action is announced to the applicant: a status change, or a new appointment. */
export function isAnnounced(kind: string, fromStatus: number, toStatus: number): boolean {
  return fromStatus !== toStatus || appointmentKinds.has(kind);
}

type Template = TemplateParts;

/**
 * The default wording of each announced event's notice (issue 5 §3): an administrator may override any of them
 * (notification_template, migration 0023). `{label}` is the dossier's code, else its reference; the SMS are written
 * with diacritics and folded when queued.
 */
const templates: Record<string, Record<Lang, Template>> = {
  submitted: {
    vi: { title: 'Hồ sơ {label} đã được gửi thành công', lead: 'Hồ sơ của Ông/Bà đã được gửi tới cơ quan tiếp nhận và đang chờ cán bộ Bộ phận Một cửa kiểm tra.',
      sms: '{portal}: Hồ sơ {reference} đã được gửi, đang chờ Bộ phận Một cửa kiểm tra. Xem {link}' },
    en: { title: 'Dossier {label} has been submitted', lead: 'Your dossier has been sent to the receiving agency and awaits checking by the one-stop desk.',
      sms: '{portal}: Dossier {reference} was submitted and awaits checking. See {link}' },
  },
  received: {
    vi: { title: 'Hồ sơ {label} đã được tiếp nhận', lead: 'Hồ sơ của Ông/Bà đã được tiếp nhận. Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lưu cùng hồ sơ.',
      sms: '{portal}: Hồ sơ {label} đã được tiếp nhận. Hẹn trả kết quả {dueAt}. Xem {link}' },
    en: { title: 'Dossier {label} has been received', lead: 'Your dossier has been received. The receipt with the appointment for the result is kept with the dossier.',
      sms: '{portal}: Dossier {label} was received. Result due {dueAt}. See {link}' },
  },
  receptionRefused: {
    vi: { title: 'Hồ sơ {label} không được tiếp nhận', lead: 'Cơ quan tiếp nhận từ chối tiếp nhận hồ sơ của Ông/Bà vì lý do dưới đây.',
      sms: '{portal}: Hồ sơ {label} không được tiếp nhận. Lý do: {reason}. Xem {link}' },
    en: { title: 'Dossier {label} was not accepted', lead: 'The receiving agency refused to accept your dossier for the reason below.',
      sms: '{portal}: Dossier {label} was not accepted. Reason: {reason}. See {link}' },
  },
  supplementRequested: {
    vi: { title: 'Hồ sơ {label} cần bổ sung, hoàn thiện', lead: 'Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ theo nội dung dưới đây.',
      sms: '{portal}: Hồ sơ {label} cần bổ sung: {reason}. Xem {link}' },
    en: { title: 'Dossier {label} needs completing', lead: 'Please complete your dossier as set out below.',
      sms: '{portal}: Dossier {label} needs completing: {reason}. See {link}' },
  },
  supplemented: {
    vi: { title: 'Hồ sơ {label} đã được bổ sung', lead: 'Hồ sơ đã được bổ sung và tiếp tục được giải quyết.',
      sms: '{portal}: Hồ sơ {label} đã được bổ sung và tiếp tục được giải quyết.' },
    en: { title: 'Dossier {label} has been completed', lead: 'The dossier has been completed and its handling continues.',
      sms: '{portal}: Dossier {label} was completed and is handled further.' },
  },
  forwarded: {
    vi: { title: 'Hồ sơ {label} đang được xử lý', lead: 'Hồ sơ của Ông/Bà đã được chuyển đến bộ phận chuyên môn để giải quyết.',
      sms: '{portal}: Hồ sơ {label} đang được xử lý. Xem {link}' },
    en: { title: 'Dossier {label} is being processed', lead: 'Your dossier has been passed to the department that handles it.',
      sms: '{portal}: Dossier {label} is being processed. See {link}' },
  },
  paymentRequested: {
    vi: { title: 'Hồ sơ {label}: đề nghị thực hiện nghĩa vụ tài chính', lead: 'Đề nghị Ông/Bà thực hiện nghĩa vụ tài chính để hồ sơ tiếp tục được giải quyết.',
      sms: '{portal}: Hồ sơ {label} cần thực hiện nghĩa vụ tài chính. Xem {link}' },
    en: { title: 'Dossier {label}: payment requested', lead: 'Please pay the amounts due so that your dossier can be handled further.',
      sms: '{portal}: Dossier {label}: payment requested. See {link}' },
  },
  paid: {
    vi: { title: 'Hồ sơ {label}: đã ghi nhận nghĩa vụ tài chính', lead: 'Nghĩa vụ tài chính đã được ghi nhận; hồ sơ tiếp tục được giải quyết.',
      sms: '{portal}: Đã ghi nhận nghĩa vụ tài chính của hồ sơ {label}.' },
    en: { title: 'Dossier {label}: payment recorded', lead: 'Your payment has been recorded; the dossier is handled further.',
      sms: '{portal}: Payment for dossier {label} recorded.' },
  },
  withdrawalRequested: {
    vi: { title: 'Đã nhận yêu cầu rút hồ sơ {label}', lead: 'Yêu cầu rút hồ sơ của Ông/Bà đã được ghi nhận và đang chờ cơ quan giải quyết xem xét.',
      sms: '{portal}: Đã nhận yêu cầu rút hồ sơ {label}.' },
    en: { title: 'Request to withdraw dossier {label} received', lead: 'Your request to withdraw the dossier has been recorded and awaits the agency\'s decision.',
      sms: '{portal}: Request to withdraw dossier {label} received.' },
  },
  withdrawalRefused: {
    vi: { title: 'Yêu cầu rút hồ sơ {label} không được chấp nhận', lead: 'Cơ quan giải quyết không chấp nhận yêu cầu rút hồ sơ; hồ sơ tiếp tục được giải quyết.',
      sms: '{portal}: Yêu cầu rút hồ sơ {label} không được chấp nhận.' },
    en: { title: 'Request to withdraw dossier {label} refused', lead: 'The agency did not accept the request to withdraw; the dossier is handled further.',
      sms: '{portal}: Request to withdraw dossier {label} refused.' },
  },
  stopped: {
    vi: { title: 'Hồ sơ {label} đã dừng xử lý', lead: 'Cơ quan giải quyết đã dừng xử lý hồ sơ của Ông/Bà.',
      sms: '{portal}: Hồ sơ {label} đã dừng xử lý. Lý do: {reason}. Xem {link}' },
    en: { title: 'Handling of dossier {label} has stopped', lead: 'The agency has stopped handling your dossier.',
      sms: '{portal}: Handling of dossier {label} stopped. Reason: {reason}. See {link}' },
  },
  resolved: {
    vi: { title: 'Hồ sơ {label} đã có kết quả', lead: 'Hồ sơ của Ông/Bà đã được giải quyết xong. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.',
      sms: '{portal}: Hồ sơ {label} đã có kết quả. Mời Ông/Bà nhận kết quả. Xem {link}' },
    en: { title: 'The result of dossier {label} is ready', lead: 'Your dossier has been decided. Please collect the result as you chose when filing.',
      sms: '{portal}: The result of dossier {label} is ready. See {link}' },
  },
  returned: {
    vi: { title: 'Hồ sơ {label} đã trả kết quả', lead: 'Kết quả giải quyết hồ sơ đã được trả cho Ông/Bà.',
      sms: '{portal}: Kết quả hồ sơ {label} đã được trả.' },
    en: { title: 'The result of dossier {label} has been handed over', lead: 'The result of your dossier has been handed over to you.',
      sms: '{portal}: The result of dossier {label} was handed over.' },
  },
  extended: {
    vi: { title: 'Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {label}', lead: 'Cơ quan giải quyết xin lỗi Ông/Bà vì hồ sơ chưa được giải quyết đúng hẹn và hẹn lại ngày trả kết quả.',
      sms: '{portal}: Xin lỗi vì hồ sơ {label} chưa có kết quả đúng hẹn. Hẹn lại {dueAt}. Lý do: {reason}' },
    en: { title: 'Apology and new appointment for dossier {label}', lead: 'The agency apologises that your dossier could not be decided on time and gives a new appointment.',
      sms: '{portal}: We apologise: dossier {label} is late. New date {dueAt}. Reason: {reason}' },
  },
  earlyReturnNoticed: {
    vi: { title: 'Kết quả hồ sơ {label} có thể nhận trước hẹn', lead: 'Kết quả giải quyết hồ sơ của Ông/Bà có thể nhận sớm hơn ngày hẹn.',
      sms: '{portal}: Kết quả hồ sơ {label} có thể nhận trước hẹn. Xem {link}' },
    en: { title: 'The result of dossier {label} can be collected early', lead: 'The result of your dossier can be collected before the appointment.',
      sms: '{portal}: The result of dossier {label} can be collected early. See {link}' },
  },
  dueDateRecomputed: {
    vi: { title: 'Ngày hẹn trả kết quả hồ sơ {label} đã thay đổi', lead: 'Lịch làm việc của cơ quan thay đổi nên ngày hẹn trả kết quả được tính lại.',
      sms: '{portal}: Ngày hẹn trả kết quả hồ sơ {label} đổi thành {dueAt}.' },
    en: { title: 'The appointment for dossier {label} has changed', lead: 'The agency\'s working calendar changed, so the appointment was recalculated.',
      sms: '{portal}: The result of dossier {label} is now due {dueAt}.' },
  },
};

const fallback: Record<Lang, Template> = {
  vi: { title: 'Hồ sơ {label} được cập nhật', lead: 'Trạng thái hồ sơ của Ông/Bà đã thay đổi.', sms: '{portal}: Hồ sơ {label}: {status}. Xem {link}' },
  en: { title: 'Dossier {label} was updated', lead: 'The status of your dossier has changed.', sms: '{portal}: Dossier {label}: {status}. See {link}' },
};

const words = {
  vi: {
    greeting: 'Kính gửi Ông/Bà {name},', procedure: 'Thủ tục', reference: 'Số tham chiếu', code: 'Mã hồ sơ', status: 'Trạng thái',
    dueAt: 'Ngày hẹn trả kết quả', newDueAt: 'Ngày hẹn mới', reason: 'Lý do', items: 'Nội dung cần bổ sung', guidance: 'Hướng dẫn',
    fees: 'Khoản phải nộp', link: 'Xem chi tiết hồ sơ', footer: 'Thư này được gửi tự động từ {portal}; xin đừng trả lời thư này.',
  },
  en: {
    greeting: 'Dear {name},', procedure: 'Procedure', reference: 'Reference', code: 'Dossier code', status: 'Status',
    dueAt: 'Appointment for the result', newDueAt: 'New appointment', reason: 'Reason', items: 'To complete', guidance: 'Guidance',
    fees: 'Amounts due', link: 'See the dossier', footer: 'This message was sent automatically by {portal}; please do not reply.',
  },
} as const;

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/** The placeholders a template may use; any other `{name}` is refused when an administrator saves one. */
export const templatePlaceholders = ['label', 'code', 'reference', 'procedure', 'status', 'dueAt', 'reason', 'portal', 'link'] as const;

/** Every event kind with a notice of its own, in the order the administration page lists them. */
export const announcedKinds: readonly string[] = Object.keys(templates);

/** The code's wording of one kind's notice: what applies when no administrator has changed it. */
export function defaultTemplate(kind: string, lang: Lang): Template {
  return templates[kind]?.[lang] ?? fallback[lang];
}

/** Statuses after which no result is pending: no appointment to give. */
const closed = new Set([3, 8, 10]);

export interface DossierMessage {
  /** The in-app title and the e-mail subject. */
  title: string;
  /** The in-app text: one line per fact. */
  body: string;
  /** The e-mail text; `{link}` becomes the dossier's address when the worker sends it. */
  text: string;
  /** The SMS as sent: plain GSM-7 text without diacritics, the link absolute when `linkUrl` is given. */
  sms: string;
}

export interface MessageOptions {
  /** An administrator's wording, when there is one; else the default. */
  template?: TemplateParts | undefined;
  /** The dossier's page in the portal, for the in-app entry. */
  linkPath?: string | undefined;
  /** The same page as an absolute address, for the SMS. */
  linkUrl?: string | undefined;
}

/**
 * What the applicant is told of a dossier event, in Vietnamese or English: the dossier's code or reference, the
 * procedure, the new status in words, the appointment when known, and the reason for refusals, supplements, stops
 * and apologies, with the supplement items and amounts due.
 */
export function dossierMessage(lang: Lang, event: DossierEvent, portalName: string, options: MessageOptions = {}): DossierMessage {
  const w = words[lang];
  const { dossier } = event;
  const template = options.template ?? defaultTemplate(event.kind, lang);
  const params: Record<string, string> = {
    label: dossier.code ?? dossier.reference, code: dossier.code ?? '', reference: dossier.reference, procedure: dossier.procedureName,
    status: t(lang, `dossier.status.${event.toStatus}` as MessageKey), dueAt: dossier.dueAt ? dateTimeText(lang, dossier.dueAt) : '',
    reason: event.reason?.trim() ?? '', portal: portalName,
  };
  // The e-mail keeps `{link}` for the worker, which knows the portal's public address.
  const lead = fill(template.lead, params);
  const title = fill(template.title, { ...params, link: options.linkPath ?? '' });
  const facts: string[] = [`${w.procedure}: ${dossier.procedureName}`];
  if (dossier.code) facts.push(`${w.code}: ${dossier.code}`);
  facts.push(`${w.reference}: ${dossier.reference}`);
  facts.push(`${w.status}: ${t(lang, `dossier.status.${event.toStatus}` as MessageKey)}`);
  if (dossier.dueAt && !closed.has(event.toStatus)) facts.push(`${event.kind === 'extended' ? w.newDueAt : w.dueAt}: ${dateTimeText(lang, dossier.dueAt)}`);
  if (event.reason?.trim()) facts.push(`${w.reason}: ${event.reason.trim()}`);
  const items = Array.isArray(event.payload['items']) ? event.payload['items'] as { name?: unknown; reason?: unknown; amount?: unknown }[] : [];
  if (items.length && event.kind === 'supplementRequested') {
    facts.push(`${w.items}:`, ...items.map((i) => `- ${String(i.name ?? '')}${i.reason ? `: ${String(i.reason)}` : ''}`));
  }
  if (items.length && event.kind === 'paymentRequested') {
    const money = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
    facts.push(`${w.fees}:`, ...items.map((i) => `- ${String(i.name ?? '')}${typeof i.amount === 'number' ? `: ${money.format(i.amount)} đ` : ''}`));
  }
  if (typeof event.payload['guidance'] === 'string' && event.payload['guidance'].trim()) facts.push(`${w.guidance}: ${event.payload['guidance'].trim()}`);
  const body = [fill(lead, { link: options.linkPath ?? '' }), ...facts].join('\n');
  const sms = plainSmsText(fill(template.sms, { ...params, link: options.linkUrl ?? options.linkPath ?? '' }));
  const text = [
    fill(w.greeting, { name: dossier.applicantName }), '', lead, '', ...facts, '', `${w.link}: {link}`, '',
    '--', fill(w.footer, { portal: portalName }), '',
  ].join('\n');
  return { title, body, text, sms };
}

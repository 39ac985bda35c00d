import type { Lang } from '../../../platform/i18n/messages.ts';
import type { ApplicantSnapshot } from '../tables.ts';
import type { FormSet } from './form-set.ts';

/** The agency issuing a notice, as printed in its heading. */
export interface NoticeIssuer {
  /** The governing body, printed above the agency (e.g. "UBND tỉnh Hòa Bình Xanh"); optional. */
  parentAgencyName?: string | undefined;
  agencyName: string;
  /** The unit that signs, e.g. "Bộ phận tiếp nhận và trả kết quả"; defaults to the one-stop desk. */
  unitName?: string | undefined;
  /** The place in "…, ngày … tháng … năm …" (the commune or district seat). */
  place: string;
}

/** The dossier a notice is about, as the caller read it (the notices never read the database). */
export interface NoticeDossier {
  /** CODE-01, once received; null before acceptance (CODE-02: the reference is printed instead). */
  code: string | null;
  reference: string;
  procedureName: string;
  procedureCode?: string | undefined;
  caseName?: string | undefined;
  applicant: ApplicantSnapshot;
}

/** What every notice takes besides its own content. */
export interface NoticeBase {
  issuer: NoticeIssuer;
  /** The date printed in the heading. */
  issuedAt: Date;
  /** FORM-01, default `tt01-2018`. */
  formSet?: FormSet | undefined;
  /** Vietnamese by default; English only for a courtesy copy. */
  lang?: Lang | undefined;
}

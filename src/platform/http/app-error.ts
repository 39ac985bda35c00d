import type { FieldError } from '../validation/validator.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** Stable error codes (documented in docs/errors.md); clients branch on these, never on the text. */
export const errorCodes = {
  validationFailed: { status: 400, message: 'error.validationFailed' },
  unauthenticated: { status: 401, message: 'error.unauthenticated' },
  forbidden: { status: 403, message: 'error.forbidden' },
  csrfInvalid: { status: 403, message: 'error.csrfInvalid' },
  notFound: { status: 404, message: 'error.notFound' },
  procedureNotFound: { status: 404, message: 'error.procedureNotFound' },
  dossierNotFound: { status: 404, message: 'error.dossierNotFound' },
  transitionNotAllowed: { status: 409, message: 'error.transitionNotAllowed' },
  dossierHeld: { status: 409, message: 'error.dossierHeld' },
  dossierCodesExhausted: { status: 503, message: 'error.dossierCodesExhausted' },
  fileTooLarge: { status: 413, message: 'error.fileTooLarge' },
  fileTypeNotAllowed: { status: 415, message: 'error.fileTypeNotAllowed' },
  fileEmpty: { status: 400, message: 'error.fileEmpty' },
  fileNotFound: { status: 404, message: 'error.fileNotFound' },
  rateLimited: { status: 429, message: 'error.rateLimited' },
  resultNotFound: { status: 404, message: 'error.resultNotFound' },
  signingCertificateMissing: { status: 409, message: 'error.signingCertificateMissing' },
  timestampFailed: { status: 502, message: 'error.timestampFailed' },
  resultPdfUnsupported: { status: 422, message: 'error.resultPdfUnsupported' },
  internal: { status: 500, message: 'error.internal' },
  unavailable: { status: 503, message: 'error.unavailable' },
} as const satisfies Record<string, { status: number; message: MessageKey }>;

export type ErrorCode = keyof typeof errorCodes;

/** The one error type of OpenDVC: a use case throws it, the HTTP layer renders it as a page or RFC 9457 problem. */
export class AppError extends Error {
  readonly status: number;
  readonly messageKey: MessageKey;

  constructor(readonly code: ErrorCode, readonly fieldErrors: FieldError[] = [], readonly params: Record<string, string | number> = {}) {
    super(code);
    this.status = errorCodes[code].status;
    this.messageKey = errorCodes[code].message;
  }
}

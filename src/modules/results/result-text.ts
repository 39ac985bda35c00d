import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import type { ResultText } from './issue-signed-result.ts';

/** The leader's title and decision text: both required, within bounds. */
export function requireResultText(input: { title?: string | undefined; decision?: string | undefined }, lang: Lang): ResultText {
  const title = input.title?.trim().normalize('NFC') ?? '';
  const decision = input.decision?.trim().normalize('NFC') ?? '';
  const errors = [
    ...(title.length === 0 || title.length > 300 ? [{ path: '/title', message: t(lang, 'results.titleRequired') }] : []),
    ...(decision.length === 0 || decision.length > 5000 ? [{ path: '/decision', message: t(lang, 'results.decisionRequired') }] : []),
  ];
  if (errors.length) throw new AppError('validationFailed', errors);
  return { title, decision };
}

/** The title of an uploaded result and the file itself: a PDF by its content (`%PDF-`), refused where the procedure declares no uploaded result. */
export function requireUploadedResult(input: { title?: string | undefined; upload?: Buffer | undefined }, declared: boolean, lang: Lang): ResultText {
  const title = input.title?.trim().normalize('NFC') ?? '';
  const errors = [
    ...(title.length === 0 || title.length > 300 ? [{ path: '/title', message: t(lang, 'results.titleRequired') }] : []),
    ...(!declared || !input.upload?.subarray(0, 1024).includes('%PDF-') ? [{ path: '/file', message: t(lang, 'results.upload.fileRequired') }] : []),
  ];
  if (errors.length) throw new AppError('validationFailed', errors);
  return { title, decision: '' };
}

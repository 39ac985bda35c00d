import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';

/** A reason, a list item or a note the rules make mandatory: trimmed, or a field error at `path`. */
export function requireText(value: string | undefined, path: string, lang: Lang): string {
  const text = (value ?? '').trim();
  if (!text) throw new AppError('validationFailed', [{ path, message: t(lang, 'dossier.reasonRequired') }]);
  return text;
}

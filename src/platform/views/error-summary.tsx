import { t, type Lang } from '../i18n/messages.ts';

/** One problem of a refused form: its message and, when it belongs to a field, that field's id. */
export interface SummaryError { target?: string | undefined; message: string }

/**
 * The list of problems at the top of a refused form, each linking to its field (WCAG 3.3.1), announced as an
 * alert. Nothing is rendered when there is no problem.
 */
export function ErrorSummary({ lang, errors }: { lang: Lang; errors: readonly SummaryError[] }) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t(lang, 'form.errorSummary')}</h2>
      <ul>{errors.map((e) => <li>{e.target ? <a href={`#${e.target}`}>{e.message}</a> : e.message}</li>)}</ul>
    </div>
  );
}

/** Field errors from the validator (JSON Pointers such as `/body/identifier` or `/caseCode`), for the summary. */
export function pointerErrors(errors: readonly { path: string; message: string }[]): SummaryError[] {
  return errors.map((e) => ({ target: e.path.split('/').pop() || undefined, message: e.message }));
}

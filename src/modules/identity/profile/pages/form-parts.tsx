import type { ComponentChildren } from 'preact';
import { ErrorSummary as SharedErrorSummary } from '../../../../platform/views/error-summary.tsx';
import type { Lang } from '../../../../platform/i18n/messages.ts';

/** A field's problem, already in the reader's language. */
export interface FormError { name: string; message: string }

export function ErrorSummary({ lang, errors }: { lang: Lang; errors: FormError[] }) {
  return <SharedErrorSummary lang={lang} errors={errors.map((e) => ({ target: e.name, message: e.message }))} />;
}

export function SuccessNotice({ children }: { children: ComponentChildren }) {
  return <p class="notice success" role="status">{children}</p>;
}

/** A labelled input with its hint and error tied to it through aria-describedby. */
export function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: string | undefined; error?: string | undefined; children: (describedBy: string | undefined, invalid: 'true' | undefined) => ComponentChildren }) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={name}>{label}</label>
      {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
      {error ? <p class="error-message" id={`${name}-error`}>{error}</p> : null}
      {children(describedBy, error ? 'true' : undefined)}
    </div>
  );
}

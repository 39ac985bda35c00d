import type { ComponentChildren } from 'preact';
import { ErrorSummary as SharedErrorSummary } from '../../../../platform/views/error-summary.tsx';
import type { Lang } from '../../../../platform/i18n/messages.ts';

/** Field name → message, for the fields that failed. */
export type FieldMessages = Record<string, string>;

export function ErrorSummary({ lang, errors }: { lang: Lang; errors: FieldMessages }) {
  return <SharedErrorSummary lang={lang} errors={Object.entries(errors).map(([target, message]) => ({ target, message }))} />;
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'password' | 'date';
  autocomplete?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
}

/** A labelled input with its hint and error tied to it (aria-describedby); passwords are never echoed back. */
export function Field({ name, label, value, error, hint, type = 'text', autocomplete, maxLength = 254, inputMode }: FieldProps) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={name}>{label}</label>
      {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
      {error ? <p class="error-message" id={`${name}-error`}>{error}</p> : null}
      {/* Preact types input attributes per `type` literal; this one component serves every text-like type. */}
      <input id={name} name={name} type={type as 'text'} value={type === 'password' ? undefined : value ?? ''} autocomplete={autocomplete} maxLength={maxLength}
        inputMode={inputMode} aria-describedby={describedBy || undefined} aria-invalid={error ? 'true' : undefined} />
    </div>
  );
}

export function CsrfForm({ action, csrfToken, children }: { action: string; csrfToken: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} class="stack-form" novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
}

import { t, type Lang } from '../../../platform/i18n/messages.ts';
import { hintOf, propertiesOf, type EForm } from '../../catalog/e-form.ts';
import { answerText, isRequired, type Answers, type Prefill } from '../e-form-answers.ts';

const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** Where a prefilled value came from, in words (P-01): "Từ CSDL quốc gia về dân cư, xác minh ngày 02/01/2026". */
export function prefillNote(lang: Lang, prefill: Prefill | undefined, value: unknown): string | undefined {
  if (!prefill) return undefined;
  const { source } = prefill;
  if (source.kind === 'verified') {
    return t(lang, 'eform.source.verified', { source: source.source, date: source.at ? dateFormat.format(source.at) : '' });
  }
  // A declared or earlier value the applicant has since changed is theirs now, not the profile's.
  if (JSON.stringify(prefill.value) !== JSON.stringify(value)) return undefined;
  return source.kind === 'declared' ? t(lang, 'eform.source.declared') : t(lang, 'eform.source.previous', { reference: source.reference });
}

interface FieldProps {
  lang: Lang;
  form: EForm;
  name: string;
  value: unknown;
  prefill?: Prefill | undefined;
  error?: string | undefined;
}

/**
 * One e-form field rendered from its schema and UI hints (issue 4 §3): a label with the required marker, the help
 * text and the prefill source tied by aria-describedby, the error in place, fieldsets for choices. A verified value
 * is shown locked: read-only text and no input, so the server never takes it from the post.
 */
export function EFormField({ lang, form, name, value, prefill, error }: FieldProps) {
  const property = propertiesOf(form)[name]!;
  const hint = hintOf(form, name);
  const required = isRequired(form, name);
  const label = <>{property.title}{required ? null : <span class="small"> {t(lang, 'eform.optional')}</span>}</>;
  const note = prefillNote(lang, prefill, value);
  const ids = [hint.help ? `${name}-hint` : '', note ? `${name}-source` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const helpText = hint.help ? <p class="hint" id={`${name}-hint`}>{hint.help}</p> : null;
  const sourceText = note ? <p class={`hint provenance${prefill?.source.kind === 'verified' ? ' verified' : ''}`} id={`${name}-source`}>{note}</p> : null;
  const errorText = error ? <p class="error-message" id={`${name}-error`}>{error}</p> : null;

  if (prefill?.source.kind === 'verified') {
    return (
      <div class="field field-locked" id={name}>
        <p class="locked-label">{property.title}</p>
        <p>{answerText(form, name, value, lang)}</p>
        {sourceText}
      </div>
    );
  }

  const values = (property.enum ?? property.items?.enum ?? []) as unknown[];
  const titleOf = (v: unknown, i: number) => hint.enumTitles?.[i] ?? String(v);
  const widget = hint.widget ?? (property.type === 'boolean' ? 'checkbox' : property.type === 'array' ? 'checkboxes' : values.length ? (values.length <= 4 ? 'radio' : 'select')
    : property.format === 'date' ? 'date' : property.format === 'email' ? 'email' : property.type === 'integer' || property.type === 'number' ? 'number' : 'text');

  if (widget === 'radio' || widget === 'checkboxes') {
    const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
    return (
      <fieldset class={`field choices${error ? ' field-error' : ''}`} id={name} aria-describedby={ids}>
        <legend>{label}</legend>
        {helpText}{sourceText}{errorText}
        {values.map((v, i) => (
          <label class="checkbox"><input type={widget === 'radio' ? 'radio' : 'checkbox'} name={name} value={String(v)} checked={chosen.includes(String(v))} /> {titleOf(v, i)}</label>
        ))}
      </fieldset>
    );
  }
  if (widget === 'checkbox') {
    return (
      <div class={`field${error ? ' field-error' : ''}`} id={name}>
        {errorText}
        <label class="checkbox"><input type="checkbox" name={name} value="true" checked={value === true} aria-describedby={ids} /> {label}</label>
        {helpText}
      </div>
    );
  }
  const text = value === undefined || value === null ? '' : String(value);
  const common = { id: `${name}-input`, name, 'aria-describedby': ids, 'aria-invalid': error ? (true as const) : undefined };
  let input;
  if (widget === 'select') {
    input = (
      <select {...common}>
        <option value="">{t(lang, 'eform.choose')}</option>
        {values.map((v, i) => <option value={String(v)} selected={text === String(v)}>{titleOf(v, i)}</option>)}
      </select>
    );
  } else if (widget === 'textarea') {
    input = <textarea {...common} rows={4} maxLength={property.maxLength}>{text}</textarea>;
  } else {
    const type = widget === 'date' ? 'date' : widget === 'email' ? 'email' : widget === 'tel' ? 'tel' : widget === 'number' ? 'number' : 'text';
    const autocomplete = hint.prefill === 'profile.name' ? 'name' : hint.prefill === 'profile.phone' ? 'tel' : hint.prefill === 'profile.email' ? 'email' : hint.prefill === 'profile.birthDate' ? 'bday' : undefined;
    input = <input {...common} type={type as 'text'} value={text} maxLength={property.maxLength} inputMode={type === 'number' ? ('numeric' as const) : undefined} autocomplete={autocomplete} />;
  }
  return (
    <div class={`field${error ? ' field-error' : ''}`} id={name}>
      <label for={`${name}-input`}>{label}</label>
      {helpText}{sourceText}{errorText}
      {input}
    </div>
  );
}

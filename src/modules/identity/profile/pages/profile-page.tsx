import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { attributeLabel, displayValue, genders } from '../attributes.ts';
import type { OwnProfile } from '../get-own-profile.ts';
import { ErrorSummary, Field, SuccessNotice, type FormError } from './form-parts.tsx';

export const when = (lang: PageContext['lang'], d: Date) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(d));

const hints: Partial<Record<string, MessageKey>> = {
  dateOfBirth: 'profile.hint.dateOfBirth', personalId: 'profile.hint.personalId', taxCode: 'profile.hint.taxCode',
};
const autocomplete: Partial<Record<string, string>> = { fullName: 'name', address: 'street-address', businessName: 'organization', dateOfBirth: 'bday', gender: 'sex' };

interface Props {
  ctx: PageContext;
  csrfToken: string;
  profile: OwnProfile;
  /** What was typed, kept when the form comes back with errors. */
  values?: Record<string, string | undefined>;
  errors?: FormError[];
  saved?: boolean;
}

/** "Sửa thông tin khai báo": declared data editable, verified data shown locked with its source (issue 3 §1). */
export function ProfilePage({ ctx, csrfToken, profile, values, errors = [], saved }: Props) {
  const { lang } = ctx;
  const title = t(lang, 'profile.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/tai-khoan', label: t(lang, 'account.title') }, { label: title }]}>
      <h1>{title}</h1>
      {saved ? <SuccessNotice>{t(lang, 'profile.saved')}</SuccessNotice> : null}
      <ErrorSummary lang={lang} errors={errors} />
      <p>{t(lang, 'profile.lead')}</p>
      <form method="post" action="/tai-khoan/thong-tin" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {profile.fields.map(({ name, declared, verified }) => {
          const label = attributeLabel(lang, name);
          if (verified) {
            return (
              <div class="field field-locked" id={name}>
                <p class="locked-label">{label}</p>
                <p class="locked-value">{displayValue(lang, name, verified.value)}</p>
                <p class="hint">{t(lang, 'profile.locked', { source: verified.source, time: when(lang, verified.recorded_at) })}</p>
              </div>
            );
          }
          const value = values ? values[name] ?? '' : declared === undefined ? '' : name === 'gender' ? declared : displayValue(lang, name, declared);
          const hint = hints[name];
          const error = errors.find((e) => e.name === name)?.message;
          return (
            <Field name={name} label={label} hint={hint ? t(lang, hint) : undefined} error={error}>
              {(describedBy, invalid) => name === 'gender' ? (
                <select id={name} name={name} aria-describedby={describedBy} aria-invalid={invalid} autocomplete={autocomplete[name]}>
                  <option value="" selected={value === ''}>{t(lang, 'profile.gender.unset')}</option>
                  {genders.map((g) => <option value={g} selected={value === g}>{t(lang, `profile.gender.${g}`)}</option>)}
                </select>
              ) : (
                <input id={name} name={name} type="text" value={value} maxLength={300} autocomplete={autocomplete[name]}
                  inputMode={name === 'personalId' ? 'numeric' : undefined} aria-describedby={describedBy} aria-invalid={invalid} />
              )}
            </Field>
          );
        })}
        <button type="submit">{t(lang, 'profile.save')}</button>
      </form>
    </Layout>
  );
}

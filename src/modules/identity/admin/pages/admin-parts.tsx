import type { ComponentChildren } from 'preact';
import { ErrorSummary as SharedErrorSummary } from '../../../../platform/views/error-summary.tsx';
import { t, type Lang, type MessageKey } from '../../../../platform/i18n/messages.ts';
import type { Crumb, PageContext } from '../../../../platform/views/layout.tsx';

/** A message for one form field, already in the reader's language; `field` is the input's name. */
export interface FormError { field: string; message: string }

export const when = (lang: Lang, d: Date) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(d));

export const localName = (lang: Lang, vi: string, en: string | null) => (lang === 'en' && en ? en : vi);

export function adminCrumbs(ctx: PageContext, here: string, parent?: Crumb): Crumb[] {
  return [{ href: '/', label: t(ctx.lang, 'nav.home') }, { href: '/tai-khoan', label: t(ctx.lang, 'account.title') },
    ...(parent ? [parent] : []), { label: here }];
}

/** Links between the administration pages; the current one is marked for screen readers. */
export function AdminNav({ lang, current }: { lang: Lang; current: string }) {
  const links: [string, MessageKey][] = [
    ['/quan-tri/can-bo', 'admin.officers.title'], ['/quan-tri/phan-quyen', 'admin.assignments.title'],
    ['/quan-tri/don-vi', 'admin.units.title'], ['/quan-tri/vai-tro', 'admin.roles.title'],
    ['/quan-tri/quy-trinh', 'process.nav'], ['/quan-tri/mau-thong-bao', 'notificationTemplates.nav'], ['/quan-tri/thu-gui', 'outbox.nav'],
  ];
  return (
    <nav class="admin-nav" aria-label={t(lang, 'admin.title')}>
      <ul>{links.map(([href, key]) => <li>{href === current ? <a href={href} aria-current="page">{t(lang, key)}</a> : <a href={href}>{t(lang, key)}</a>}</li>)}</ul>
    </nav>
  );
}

export function ErrorSummary({ lang, errors }: { lang: Lang; errors: readonly FormError[] }) {
  return <SharedErrorSummary lang={lang} errors={errors.map((e) => ({ target: e.field, message: e.message }))} />;
}

/** A labelled field with its hint and error tied to the control by aria-describedby. */
export function Field({ id, label, hint, errors, children }: {
  id: string; label: string; hint?: string | undefined; errors: readonly FormError[]; children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}) {
  const error = errors.find((e) => e.field === id)?.message;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p class="error-message" id={`${id}-error`}>{error}</p> : null}
      {children(describedBy, Boolean(error))}
    </div>
  );
}

export function Done({ message }: { message: string | undefined }) {
  return message ? <p class="notice" role="status">{message}</p> : null;
}

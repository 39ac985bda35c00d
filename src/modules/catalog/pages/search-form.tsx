import { t, type Lang } from '../../../platform/i18n/messages.ts';

/** The keyword box; a plain GET form so it works without JavaScript. */
export function SearchForm({ lang, q, children }: { lang: Lang; q: string; children?: preact.ComponentChildren }) {
  return (
    <form class="search-form" method="get" action="/thu-tuc" role="search">
      <label for="q">{t(lang, 'search.label')}</label>
      <p class="hint" id="q-hint">{t(lang, 'search.hint')}</p>
      <div class="search-row">
        <input type="search" id="q" name="q" value={q} maxLength={200} aria-describedby="q-hint" autocomplete="off" />
        <button type="submit">{t(lang, 'search.submit')}</button>
      </div>
      {children}
    </form>
  );
}

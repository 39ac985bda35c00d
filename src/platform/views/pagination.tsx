import { t, type Lang } from '../i18n/messages.ts';

interface PaginationProps {
  lang: Lang;
  page: number;
  pageSize: number;
  total: number;
  /** Builds the link of a page, keeping the current filters. */
  href: (page: number) => string;
}

/** Previous / numbered / next links; plain links so paging works without JavaScript. */
export function Pagination({ lang, page, pageSize, total, href }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={t(lang, 'pagination.label')}>
      <ul>
        {page > 1 ? <li><a href={href(page - 1)} rel="prev">{t(lang, 'pagination.previous')}</a></li> : null}
        {shown.map((p, i) => (
          <>
            {i > 0 && p - (shown[i - 1] ?? p) > 1 ? <li aria-hidden="true">…</li> : null}
            <li>{p === page ? <span aria-current="page">{p}</span> : <a href={href(p)} aria-label={t(lang, 'pagination.page', { page: p })}>{p}</a>}</li>
          </>
        ))}
        {page < pages ? <li><a href={href(page + 1)} rel="next">{t(lang, 'pagination.next')}</a></li> : null}
      </ul>
    </nav>
  );
}

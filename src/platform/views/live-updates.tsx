import { t, type Lang } from '../i18n/messages.ts';

/**
 * Where a page shows its live updates (issue 5 §3): a polite live region, empty until an event comes, and the
 * script that listens. Without JavaScript (or EventSource) nothing happens and the page is as it was; the region
 * is there from the start because screen readers announce changes only to a region they already know.
 */
export function LiveUpdates({ lang, dossier }: { lang: Lang; dossier?: string }) {
  const stream = dossier === undefined ? '/su-kien' : `/su-kien?ho-so=${encodeURIComponent(dossier)}`;
  return (
    <>
      <div class="live-updates" role="status" aria-live="polite" data-live-stream={stream}
        data-live-reload={t(lang, 'live.reload')} data-live-unread-suffix={t(lang, 'inbox.unreadSuffix')}></div>
      <script src="/assets/live-updates.js" defer></script>
    </>
  );
}

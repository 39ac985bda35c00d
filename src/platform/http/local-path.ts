/**
 * `next` (where to go after sign-in or a language switch) kept only when it is a path on this site, so it can
 * never become an open redirect (SEC-01). Browsers drop tabs and newlines from a URL and read `\` as `/`, so
 * `/<TAB>/evil.example` or `/\evil.example` would be followed as `//evil.example`: those characters, and any
 * other control character or space, are refused rather than cleaned.
 */
export function localPath(next: string | null | undefined): string | undefined {
  return next && /^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/.test(next) ? next : undefined;
}

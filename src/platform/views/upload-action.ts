/**
 * The action URL of a multipart upload form: the CSRF token rides in the query string because the server checks
 * it before the handler streams the body (platform/http/authentication.ts accepts it there for multipart only).
 */
export function uploadAction(path: string, csrfToken: string | undefined): string {
  if (!csrfToken) return path;
  return `${path}${path.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrfToken)}`;
}

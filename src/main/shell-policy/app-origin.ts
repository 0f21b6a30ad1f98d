/** The app's pages are served from this custom scheme, never from file://. */
export const APP_SCHEME = 'sparekey';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The app scheme behaves like a secure, standard origin (so the CSP, `'self'`
 * and the sender check work as for https), and gets no more than that: no CSP
 * bypass, no service workers, no stream or CORS privileges.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

/**
 * Maps a request URL on the app scheme to a file path inside the renderer
 * folder, or null for anything outside it (another host, `..`, encoded slashes).
 */
export function rendererFileFor(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') return 'index.html';
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\\')))
    return null;
  return segments.join('/');
}

/**
 * Which web links the app hands to the user's browser. The renderer can ask to
 * open any address (a link with target=_blank, window.open); a script slipped
 * into it could use that to send the user to a look-alike sign-in page from a
 * trusted window. So an address stored on one of the user's accounts (its
 * sign-in page, extra sign-in addresses, support page) opens at once; any other
 * http(s) address is shown to the user by the main process, in a dialog the
 * renderer cannot draw or answer, and opens only if they agree; anything else
 * is refused. Plain functions, unit-tested without Electron.
 */

export type LinkDecision =
  | { action: 'open'; url: string }
  | { action: 'ask'; url: string; host: string }
  | { action: 'refuse' };

/** The canonical form of a web address (WHATWG URL, as Chromium reports it), or null if it is not one. */
export function webAddress(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '') return null;
  return url;
}

/**
 * Decides what happens to a link the renderer asked to open. `storedLinks` is
 * read lazily and only until a match is found (the addresses kept on accounts).
 */
export function decideExternalLink(requested: string, storedLinks: Iterable<string>): LinkDecision {
  const url = webAddress(requested);
  if (url === null) return { action: 'refuse' };
  for (const stored of storedLinks) {
    if (webAddress(stored)?.href === url.href) return { action: 'open', url: url.href };
  }
  return { action: 'ask', url: url.href, host: url.host };
}

/** The subset of Electron's MessageBoxOptions the question uses. */
export interface LinkQuestion {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

/** The button index of "Open in browser" in `linkQuestion`. */
export const OPEN_LINK_BUTTON = 1;

/**
 * The main process's question for an address not stored on any account: the
 * host on its own line (in ASCII, as `URL` gives it, so a look-alike of
 * Unicode letters shows as xn--…), then the whole address. Cancel is the
 * default, for Enter and Escape.
 */
export function linkQuestion(decision: { url: string; host: string }): LinkQuestion {
  return {
    type: 'question',
    title: 'Open a web page',
    message: `Open ${decision.host} in your browser?`,
    detail: `This address is not stored on any of your accounts:\n\n${decision.url}`,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

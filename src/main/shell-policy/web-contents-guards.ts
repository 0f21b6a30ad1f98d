/**
 * The guards every web contents and the session get (Electron's security
 * checklist: no navigation, no new windows, no webviews, no permissions; links
 * open in the user's browser only when they are web links). Typed structurally,
 * so they are unit-tested without Electron.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface GuardableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
}

/** A link the app may hand to the user's browser: an absolute http(s) URL, nothing else. */
export function isExternalWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

export function guardWebContents(
  contents: GuardableWebContents,
  openExternal: (url: string) => void,
): void {
  const refuse = (event: PreventableEvent) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(({ url }) => {
    // Links to sign-in and support pages open in the user's browser, never inside the app
    // (which ones open at once and which are asked about first: external-links.ts).
    if (isExternalWebLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function guardSession(session: GuardableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

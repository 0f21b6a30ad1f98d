import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
} from '../../../src/main/shell-policy/app-origin.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell-policy/content-security-policy.js';
import { isTrustedSender } from '../../../src/main/shell-policy/sender-check.js';
import {
  guardSession,
  guardWebContents,
  isExternalWebLink,
  type PreventableEvent,
} from '../../../src/main/shell-policy/web-contents-guards.js';
import { printWindowOptions } from '../../../src/main/shell-policy/print-window.js';
import { appWindowOptions } from '../../../src/main/shell-policy/window-options.js';

/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security),
 * item by item, against the configuration and handlers the shell actually
 * applies (src/main/index.ts builds them from these modules). The CSP is also
 * checked in Chromium (tests/e2e/content-security-policy.spec.ts) and the fuses
 * in tests/unit/packaging.
 */
const web = appWindowOptions('/app/out/preload/index.cjs', false).webPreferences;
/** The hidden window recovery sheets are printed from: the same items hold. */
const printing = printWindowOptions().webPreferences;

/** A stand-in web contents that records the guards installed on it. */
function guardedContents() {
  const listeners = new Map<string, (event: PreventableEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const opened: string[] = [];
  guardWebContents(
    {
      on: (event, listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        openHandler = handler;
      },
    },
    (url) => opened.push(url),
  );
  const fire = (event: string) => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { fire, open: (url: string) => openHandler!({ url }), opened };
}

describe("Electron's security checklist", () => {
  it('1 and 17: only secure content, from a custom protocol, never file://', () => {
    expect(APP_ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(APP_ENTRY_URL).not.toMatch(/^(file|http):/);
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });

  it('2, 3 and 4: no Node.js integration anywhere, context isolation, the sandbox', () => {
    for (const preferences of [web, printing]) {
      expect(preferences).toMatchObject({
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        contextIsolation: true,
        sandbox: true,
      });
    }
    // The print window has nothing to expose to its page, and no script to run.
    expect(printing).not.toHaveProperty('preload');
    expect(printing.javascript).toBe(false);
    expect(web).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
    });
  });

  it('5: every permission request and check is refused', () => {
    let requested: boolean | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    guardSession({
      setPermissionRequestHandler: (handler) =>
        handler(null, 'media', (granted) => {
          requested = granted;
        }),
      setPermissionCheckHandler: (handler) => {
        check = handler;
      },
    });
    expect(requested).toBe(false);
    expect(check!(null, 'clipboard-read', 'sparekey://app', {})).toBe(false);
  });

  it('6, 8, 9 and 10: web security on, no insecure content, no experimental or Blink features', () => {
    for (const preferences of [web, printing]) {
      expect(preferences.webSecurity).toBe(true);
      expect(preferences.allowRunningInsecureContent).toBe(false);
      expect(preferences.experimentalFeatures).toBe(false);
      expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    }
  });

  it('7: a Content-Security-Policy without inline script, eval or network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('11 and 12: no webviews, no navigation, no redirects', () => {
    expect(web.webviewTag).toBe(false);
    expect(printing.webviewTag).toBe(false);
    const contents = guardedContents();
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.fire('will-navigate')).toBe(true);
    expect(contents.fire('will-redirect')).toBe(true);
  });

  it('13 and 14: no new windows; only web links go to the browser', () => {
    const contents = guardedContents();
    for (const url of [
      'https://accounts.google.com/signin/recovery',
      'http://bank.example/help',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'sparekey://app/index.html',
      'https://',
    ]) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(contents.opened).toEqual([
      'https://accounts.google.com/signin/recovery',
      'http://bank.example/help',
    ]);
    expect(isExternalWebLink('not a url')).toBe(false);
  });

  it('15: a current Electron', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const major = Number(/(\d+)/.exec(pkg.devDependencies.electron ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(45);
  });

  it('16: IPC is answered only for the top frame of the app window on the app origin', () => {
    const top = { frameUrl: APP_ENTRY_URL, isTopFrame: true, isAppWindow: true };
    expect(isTrustedSender(top, [APP_ORIGIN])).toBe(true);
    expect(isTrustedSender({ ...top, isTopFrame: false }, [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender({ ...top, frameUrl: 'https://evil.example/' }, [APP_ORIGIN])).toBe(
      false,
    );
  });

  it('19: the preload exposes only the contract (window.sparekey and its events), nothing of Electron', () => {
    const preload = readFileSync('src/preload/index.ts', 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\('([^']+)'/g)].map((match) => match[1]);
    expect(exposed).toEqual(['sparekey', 'sparekeyEvents']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });

  it('devtools only in development (never in the print window)', () => {
    expect(web.devTools).toBe(false);
    expect(printing.devTools).toBe(false);
    expect(appWindowOptions('/p', true).webPreferences.devTools).toBe(true);
  });
});

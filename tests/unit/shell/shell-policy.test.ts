import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, rendererFileFor } from '../../../src/main/shell-policy/app-origin.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell-policy/content-security-policy.js';
import { isTrustedSender } from '../../../src/main/shell-policy/sender-check.js';
import { appWindowOptions } from '../../../src/main/shell-policy/window-options.js';

describe('window options (Electron security checklist)', () => {
  it('isolates and sandboxes the renderer, with no Node and no webviews', () => {
    const { webPreferences } = appWindowOptions('/app/preload.cjs', false);
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('allows devtools only in development', () => {
    expect(appWindowOptions('/p', true).webPreferences.devTools).toBe(true);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
  it('allows only the app’s own scripts, no inline script, and no network', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('sender check', () => {
  const allowed = [APP_ORIGIN];
  it('accepts the top frame of the app window on the app origin', () => {
    expect(
      isTrustedSender(
        { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true, isAppWindow: true },
        allowed,
      ),
    ).toBe(true);
  });
  it.each([
    ['an iframe', { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: false, isAppWindow: true }],
    [
      'another window',
      { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true, isAppWindow: false },
    ],
    ['a remote page', { frameUrl: 'https://evil.example/', isTopFrame: true, isAppWindow: true }],
    ['a file URL', { frameUrl: 'file:///tmp/x.html', isTopFrame: true, isAppWindow: true }],
    [
      'a look-alike host',
      { frameUrl: 'sparekey://app.evil/index.html', isTopFrame: true, isAppWindow: true },
    ],
    ['an unknown URL', { frameUrl: undefined, isTopFrame: true, isAppWindow: true }],
  ])('refuses %s', (_name, facts) => {
    expect(isTrustedSender(facts, allowed)).toBe(false);
  });
});

describe('app protocol paths', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(rendererFileFor(`${APP_ORIGIN}/`)).toBe('index.html');
    expect(rendererFileFor(`${APP_ORIGIN}/assets/index-1.js`)).toBe('assets/index-1.js');
  });
  it.each([
    `${APP_ORIGIN}/../secret`,
    `${APP_ORIGIN}/assets/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/a%2f..%2f..%2fb`,
  ])('never leaves the renderer folder: %s', (url) => {
    const file = rendererFileFor(url);
    expect(
      file === null || file.split('/').every((segment) => segment !== '..' && segment !== ''),
    ).toBe(true);
  });
  it.each([
    `${APP_ORIGIN}/a%5c..%5cb`,
    'sparekey://other/index.html',
    'https://app/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(rendererFileFor(url)).toBeNull();
  });
});

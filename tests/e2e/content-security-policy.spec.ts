import { expect, test } from './support/test-host.js';

test.describe("the app's Content-Security-Policy, enforced by Chromium", () => {
  test('an injected inline script does not run, and the page cannot reach the network', async ({
    app,
  }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Create your Sparekey vault' })).toBeVisible();
    const violations: string[] = [];
    await page.exposeFunction('__reportViolation', (directive: string) =>
      violations.push(directive),
    );
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { __reportViolation: (d: string) => void }).__reportViolation(
          event.effectiveDirective,
        ),
      );
    });

    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      let fetchOutcome = 'reached';
      try {
        await fetch(`${location.origin}/index.html`);
      } catch {
        fetchOutcome = 'refused';
      }
      return {
        injected: (window as unknown as { __injected?: boolean }).__injected ?? false,
        fetchOutcome,
      };
    });

    expect(outcome).toEqual({ injected: false, fetchOutcome: 'refused' });
    await expect.poll(() => violations.sort()).toEqual(['connect-src', 'script-src-elem']);
  });
});

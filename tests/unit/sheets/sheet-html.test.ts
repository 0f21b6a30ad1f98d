import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestVault } from '../../support/temp-vault.js';
import { fillKitVault } from './sheet-fixtures.js';

describe('recovery sheet HTML', () => {
  it('is one self-contained document: no script, nothing fetched, its style allowed by its own hash', async () => {
    const { vault, clock } = await createTestVault();
    fillKitVault(vault, clock);
    const sheet = await vault.sheets.render({ all: true }, { paper: 'a4', includeUsed: true });
    const { html } = sheet;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    const names = new Set(tags.map((tag) => /^<([a-zA-Z0-9]+)/.exec(tag)?.[1]?.toLowerCase()));
    for (const forbidden of [
      'script',
      'iframe',
      'object',
      'embed',
      'link',
      'img',
      'form',
      'input',
      'base',
    ]) {
      expect(names.has(forbidden), forbidden).toBe(false);
    }
    const badAttributes = tags.filter((tag) =>
      /\s(src|href|srcset|action|style|on[a-z]+)=/i.test(tag),
    );
    expect(badAttributes).toEqual([]);
    expect(/url\(|@import/i.test(html)).toBe(false);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256')
      .update(styles[0] as string)
      .digest('base64');
    expect(sheet.contentSecurityPolicy).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`,
    );
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${sheet.contentSecurityPolicy.replace(/'/g, '&#39;')}">`,
    );
    expect(sheet.title).toBe('Emergency kit: 4 accounts');
    vault.close();
  });

  it('escapes every value from the vault (names, notes, labels)', async () => {
    const { vault, clock } = await createTestVault();
    const accounts = fillKitVault(vault, clock);
    const hostile = accounts.get('hostile')?.id as string;
    vault.backupCodes.add(hostile, {
      codes: ['zz9zz-zz9zz'],
      label: 'x" onmouseover="y',
      replace: false,
    });
    const { html } = await vault.sheets.render(
      { accountIds: [hostile, accounts.get('bank')?.id as string] },
      { paper: 'letter', includeUsed: false },
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a&amp;b &quot;quoted&quot; &lt;/style&gt;');
    expect(html).toContain('Bring your passport &lt;and&gt; a bill.');
    expect(html).toContain('“x&quot; onmouseover=&quot;y”');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('size:letter');
    vault.close();
  });

  it('lists used codes only when asked, and never in the grid of codes to use', async () => {
    const { vault, clock } = await createTestVault();
    const github = fillKitVault(vault, clock).get('github');
    if (!github) throw new Error('fixture');
    const grid = (html: string) =>
      /<ol class="code-grid[^"]*">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    const without = (
      await vault.sheets.render({ accountIds: [github.id] }, { paper: 'a4', includeUsed: false })
    ).html;
    const withUsed = (
      await vault.sheets.render({ accountIds: [github.id] }, { paper: 'a4', includeUsed: true })
    ).html;
    for (const code of github.unused) {
      expect(grid(without)).toContain(code);
      expect(grid(withUsed)).toContain(code);
    }
    for (const code of github.used) {
      expect(without).not.toContain(code);
      expect(grid(withUsed)).not.toContain(code);
      expect(withUsed).toMatch(
        new RegExp(`<s>${code}</s> used \\d+ \\w+ \\d{4}: signed in on the laptop`),
      );
    }
    expect(without).toContain('13 of 16 unused');
    vault.close();
  });

  it('refuses an unknown account and an empty vault, and rendering changes nothing', async () => {
    const { vault } = await createTestVault();
    await expect(
      vault.sheets.render({ all: true }, { paper: 'a4', includeUsed: false }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      vault.sheets.render(
        { accountIds: ['0123456789abcdef'] },
        { paper: 'a4', includeUsed: false },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const account = vault.accounts.add({ issuer: 'Forum' });
    const before = vault.backups.state().changes;
    await vault.sheets.render({ accountIds: [account.id] }, { paper: 'a4', includeUsed: false });
    expect(vault.backups.state().changes).toBe(before);
    expect(vault.sheets.lastPrinted(account.id)).toBeNull();
    vault.close();
  });
});

describe('marking a sheet printed', () => {
  it('records when, on which paper, and a sheets.print event per account, in one transaction', async () => {
    const { vault, clock } = await createTestVault();
    const accounts = fillKitVault(vault, clock);
    const ids = [...accounts.values()].map((account) => account.id);
    const sheet = await vault.sheets.render({ all: true }, { paper: 'letter', includeUsed: true });
    clock.advance(5_000);
    const prints = vault.sheets.markPrinted(sheet.accountIds, {
      paper: 'letter',
      includeUsed: true,
      printedAt: sheet.printedAt,
    });
    expect(prints).toHaveLength(4);
    for (const id of ids) {
      expect(vault.sheets.lastPrinted(id)).toEqual({
        accountId: id,
        printedAt: sheet.printedAt,
        paper: 'letter',
        includeUsed: true,
      });
      const events = vault.history.list(id, { feature: 'sheets' });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'sheets.print',
        at: sheet.printedAt,
        detail: { paper: 'letter', includeUsed: true, accounts: 4 },
      });
    }
    expect(() =>
      vault.sheets.markPrinted([ids[0] as string, '0123456789abcdef'], {
        paper: 'a4',
        includeUsed: false,
      }),
    ).toThrow(/no account/);
    // Nothing of the refused call was written.
    expect(vault.sheets.lastPrinted(ids[0] as string)?.paper).toBe('letter');
    expect(() =>
      vault.sheets.markPrinted(ids, {
        paper: 'a4',
        includeUsed: false,
        printedAt: clock.now() + 1,
      }),
    ).toThrow(/future/);
    vault.close();
  });
});

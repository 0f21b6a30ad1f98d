import { describe, expect, it } from 'vitest';
import {
  decideExternalLink,
  linkQuestion,
  OPEN_LINK_BUTTON,
} from '../../../src/main/shell-policy/external-links.js';
import {
  rawClipboardFormat,
  secretClipboardEntry,
} from '../../../src/main/shell-policy/secret-clipboard.js';
import { storedLinks } from '../../../src/main/shell-policy/stored-links.js';
import { createTestVault } from '../../support/temp-vault.js';

const STORED = ['https://bank.example/login', 'https://github.com/'];

describe('links the renderer asks to open (window.open, target=_blank)', () => {
  it('an address stored on an account opens at once, however the renderer writes it', () => {
    for (const asked of [
      'https://bank.example/login',
      'https://BANK.example/login',
      'https://bank.example:443/login',
      'https://github.com',
    ]) {
      expect(decideExternalLink(asked, STORED), asked).toEqual({
        action: 'open',
        url: new URL(asked).href,
      });
    }
  });

  it('any other web address is asked about, naming its real host', () => {
    expect(decideExternalLink('https://bank.example/login?next=/x', STORED)).toEqual({
      action: 'ask',
      url: 'https://bank.example/login?next=/x',
      host: 'bank.example',
    });
    // A user name before the host does not make it the host.
    expect(decideExternalLink('https://bank.example@evil.example/login', STORED)).toMatchObject({
      action: 'ask',
      host: 'evil.example',
    });
    // A look-alike in other scripts shows as xn--…, not as the name it imitates.
    expect(decideExternalLink('https://gіthub.com/login', STORED)).toMatchObject({
      action: 'ask',
      host: 'xn--gthub-n2e.com',
    });
    // With the vault locked, nothing is stored: every address is asked about.
    expect(decideExternalLink(STORED[0]!, [])).toMatchObject({ action: 'ask' });
  });

  it('anything but an http(s) address is refused', () => {
    for (const asked of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'sparekey://app/index.html',
      'data:text/html,<script>alert(1)</script>',
      'mailto:someone@example.com',
      'smb://server/share',
      'https://',
      'not a url',
    ]) {
      expect(decideExternalLink(asked, STORED), asked).toEqual({ action: 'refuse' });
    }
  });

  it('reads the stored addresses only until one matches', () => {
    let read = 0;
    function* lazy() {
      for (const url of STORED) {
        read++;
        yield url;
      }
      throw new Error('read past the match');
    }
    expect(decideExternalLink('https://bank.example/login', lazy()).action).toBe('open');
    expect(read).toBe(1);
  });

  it('the question: the host and the whole address, Cancel by default and for Escape', () => {
    const question = linkQuestion({ url: 'https://evil.example/a?b=c', host: 'evil.example' });
    expect(question.message).toBe('Open evil.example in your browser?');
    expect(question.detail).toContain('https://evil.example/a?b=c');
    expect(question.buttons[question.defaultId]).toBe('Cancel');
    expect(question.buttons[question.cancelId]).toBe('Cancel');
    expect(question.buttons[OPEN_LINK_BUTTON]).toBe('Open in browser');
  });

  it('the stored addresses are the sign-in pages, extra sign-in addresses and support pages of the accounts', async () => {
    const { vault } = await createTestVault();
    const bank = vault.accounts.add({ issuer: 'Bank', url: 'bank.example/login' });
    const mail = vault.accounts.add({ issuer: 'Mail' });
    vault.logins.set(mail.id, { urls: ['https://mail.example/sso', 'webmail.example'] });
    vault.recovery.update(bank.id, { supportUrl: 'https://bank.example/help' });
    vault.accounts.add({ issuer: 'Nothing stored' });

    expect([...storedLinks(vault)].sort()).toEqual([
      'https://bank.example/help',
      'https://bank.example/login',
      'https://mail.example/sso',
      'https://webmail.example/',
    ]);
    expect(decideExternalLink('https://webmail.example', storedLinks(vault)).action).toBe('open');
    expect(decideExternalLink('https://evil.example/', storedLinks(vault)).action).toBe('ask');
    vault.close();
  });
});

describe('a copied secret is marked for clipboard managers and clipboard history', () => {
  const bytes = (value: unknown) => [...(value as Uint8Array)];

  it('Windows: excluded from monitoring, clipboard history and the cloud clipboard', () => {
    const entry = secretClipboardEntry('123456', 'win32');
    expect(entry['text/plain']).toBe('123456');
    expect(
      bytes(entry[rawClipboardFormat('ExcludeClipboardContentFromMonitorProcessing')]),
    ).toEqual([1]);
    expect(bytes(entry[rawClipboardFormat('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(bytes(entry[rawClipboardFormat('CanUploadToCloudClipboard')])).toEqual([0, 0, 0, 0]);
    expect(Object.keys(entry)).toHaveLength(4);
  });

  it('macOS: the concealed type of nspasteboard.org', () => {
    expect(secretClipboardEntry('hunter2', 'darwin')).toEqual({
      'text/plain': 'hunter2',
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': 'hunter2',
    });
  });

  it('Linux and the BSDs: KDE’s password-manager hint', () => {
    for (const platform of ['linux', 'freebsd', 'openbsd'] as const) {
      expect(secretClipboardEntry('0954 0266', platform)).toEqual({
        'text/plain': '0954 0266',
        'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret',
      });
    }
  });
});

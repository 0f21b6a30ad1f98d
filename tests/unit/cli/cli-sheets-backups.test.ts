import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_NEEDED, findBrowser } from '../../../src/cli/browser-pdf.js';
import { defaultPaper } from '../../../src/cli/commands/sheet.js';
import { paperForLocale } from '../../../src/shared/sheets.js';
import { cliSandbox } from '../../support/cli.js';
import { decodeQrCodesInFile, pdfPagesAsPng, pdfText } from '../../support/pdf.js';
import { findSecretsInFiles, secretForms } from '../../support/secret-scan.js';
import { tempFolder } from '../../support/temp-vault.js';

const PASSWORD = 'cli sheet password';
const { sandbox, cli } = cliSandbox(PASSWORD);
const SEED = 'KUVJJOM753IHTNDSZVCNKL7GII4SJHB4';
const CODES = ['q7m2k-x9p4a', 'b3n8v-c5w2e', 'h6t1r-y4u8i', 'z2x9c-v7b3n', 'm5k8j-h2g6f'];

function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

async function ok(args: string[], extra: Parameters<typeof cli>[1] = {}) {
  const result = await cli(args, extra);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

async function setUp() {
  await ok(['init']);
  await ok(['add', 'Quokkabank', '--account', 'wombat', '--secret', '-'], { input: SEED });
  await ok(['codes', 'add', 'quokkabank', '--yes'], { input: CODES.join('\n') });
  await ok(['codes', 'use', 'quokkabank', CODES[1] as string]);
  await ok([
    'add',
    'Numbatmail',
    '--otpauth',
    'otpauth://totp/Numbatmail:echidna?secret=JBSWY3DPEHPK3PXP',
  ]);
  await ok(['recovery', 'quokkabank', '--notes', 'Ask for Ms Bilby at the branch.']);
}

describe('sparekey sheet', () => {
  it('sheet --all --pdf --out kit.pdf: a 0600 PDF whose text and QR codes check out; nothing of it elsewhere on disk', async () => {
    await setUp();
    const temp = join(sandbox.home, 'tmp');
    (await import('node:fs')).mkdirSync(temp);
    const out = join(sandbox.home, 'kit.pdf');
    const result = await ok(['sheet', '--all', '--pdf', '--out', out, '--paper', 'a4'], {
      env: { TMPDIR: temp },
    });
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Wrote a recovery sheet for 2 accounts (PDF, A4) to ${out}.`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = pdfText(out);
    for (const code of CODES.filter((code) => code !== CODES[1])) expect(text).toContain(code);
    expect(text).not.toContain(CODES[1]);
    expect(text).toContain('Ask for Ms Bilby at the branch.');
    const shown = JSON.parse((await ok(['--json', 'show', 'quokkabank', '--reveal'])).stdout);
    const other = JSON.parse((await ok(['--json', 'show', 'numbatmail', '--reveal'])).stdout);
    const qr = (
      await Promise.all(pdfPagesAsPng(out, tempFolder()).map(decodeQrCodesInFile))
    ).flat();
    expect(qr.sort()).toEqual([shown.otpauth, other.otpauth].sort());

    const secrets = [
      { label: 'seed', forms: secretForms(SEED, { base32: true }) },
      { label: 'grouped seed', forms: secretForms('KUVJ JOM7 53IH') },
      ...CODES.map((code) => ({ label: code, forms: secretForms(code) })),
      { label: 'notes', forms: secretForms('Ms Bilby') },
    ];
    const elsewhere = allFiles(sandbox.home).filter((path) => path !== out);
    expect(elsewhere).toContain(sandbox.vaultPath);
    expect(findSecretsInFiles(elsewhere, secrets)).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);

    // Printing is recorded, so the sheet is current for the health check.
    const history = await ok(['--json', 'health']);
    expect(history.stdout).not.toContain('habits.sheet-outdated');
    await ok(['codes', 'add', 'quokkabank', '--replace', '--yes'], {
      input: 'aaaa-1111\nbbbb-2222\n',
    });
    const later = JSON.parse((await ok(['--json', 'health'])).stdout);
    expect(
      later.findings.filter((f: { ruleId: string }) => f.ruleId === 'habits.sheet-outdated'),
    ).toHaveLength(1);
  });

  it('writes secrets only where told: no --out is refused, --out - prints the HTML, an existing file is never replaced', async () => {
    await setUp();
    const refused = await cli(['sheet', 'quokkabank']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('written only where you say: --out FILE');
    expect(refused.stdout).toBe('');

    const printed = await ok(['sheet', 'quokkabank', '--out', '-', '--include-used']);
    expect(printed.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(printed.stdout).toContain(`<s>${CODES[1]}</s> used`);

    const existing = join(sandbox.home, 'sheet.html');
    writeFileSync(existing, 'keep me');
    const clash = await cli(['sheet', 'quokkabank', '--out', existing]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('already exists');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    // There is no --force: the help says so, and the option is refused.
    const help = await ok(['sheet', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('an existing file is never replaced');
    expect(help.stdout).not.toContain('--force');
    const forced = await cli(['sheet', 'quokkabank', '--out', existing, '--force']);
    expect(forced.code).not.toBe(0);
    expect(forced.stderr).toContain("unknown option '--force'");
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    const letter = join(sandbox.home, 'letter.html');
    await ok(['sheet', 'quokkabank', '--out', letter, '--paper', 'letter']);
    expect(statSync(letter).mode & 0o777).toBe(0o600);
    expect(readFileSync(letter, 'utf8')).toContain('size:letter');

    const both = await cli(['sheet', 'quokkabank', '--all', '--out', '-']);
    expect(both.code).toBe(1);
    const paper = await cli(['sheet', 'quokkabank', '--out', '-', '--paper', 'a3']);
    expect(paper.stderr).toContain('--paper takes a4 or letter');
  });

  it('--pdf says what to install when no browser is found, and writes nothing', async () => {
    await setUp();
    const out = join(sandbox.home, 'kit.pdf');
    const missing = await cli(['sheet', '--all', '--pdf', '--out', out], {
      env: { SPAREKEY_CHROMIUM: '/nowhere/chromium' },
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'SPAREKEY_CHROMIUM is set to /nowhere/chromium, which does not exist.',
    );
    expect(readdirSync(sandbox.home)).not.toContain('kit.pdf');

    expect(findBrowser({}, 'linux', () => false)).toBeNull();
    expect(findBrowser({}, 'linux', (path) => path === '/usr/bin/google-chrome')).toBe(
      '/usr/bin/google-chrome',
    );
    expect(findBrowser({}, 'darwin', (path) => path.includes('Google Chrome.app'))).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    expect(
      findBrowser({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32', (path) =>
        path.endsWith('chrome.exe'),
      ),
    ).toMatch(/Google.Chrome.Application.chrome\.exe$/);
    expect(BROWSER_NEEDED).toContain('sudo apt-get install chromium');
    expect(BROWSER_NEEDED).toContain('SPAREKEY_CHROMIUM');
  });

  it('chooses US Letter for North American locales, A4 elsewhere', () => {
    expect(defaultPaper({ LANG: 'en_US.UTF-8' })).toBe('letter');
    expect(defaultPaper({ LC_PAPER: 'fr_CA.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('letter');
    expect(defaultPaper({ LANG: 'en_GB.UTF-8' })).toBe('a4');
    expect(defaultPaper({})).toBe('a4');
    // The app reads the browser's form of the same thing (navigator.language).
    expect(paperForLocale('en-US')).toBe('letter');
    expect(paperForLocale('es-MX')).toBe('letter');
    expect(paperForLocale('en-GB')).toBe('a4');
    expect(paperForLocale('de')).toBe('a4');
  });
});

describe('sparekey backup, verify, restore', () => {
  it('backs up, lists, verifies, catches damage (exit 3), and restores only with --force', async () => {
    await setUp();
    const backup = JSON.parse((await ok(['--json', 'backup'])).stdout);
    expect(backup.path).toMatch(/backups\/cli-\d{4}-\d{2}-\d{2}T[\d-]+\.\d{3}Z\.sparekey$/);
    expect(statSync(backup.path).mode & 0o777).toBe(0o600);
    const list = await ok(['backup', '--list']);
    expect(list.stdout).toContain('cli-');
    expect(list.stdout).toContain('Every change is in a backup.');

    const verified = await ok(['verify', backup.path]);
    expect(verified.stdout).toMatch(
      /^OK: .* is intact\. The SQLite integrity check passed and all \d+ records decrypt\.\n$/,
    );
    expect((await ok(['verify'])).stdout).toContain(`OK: ${sandbox.vaultPath} is intact.`);
    expect(
      (await cli(['verify', backup.path], { env: { SPAREKEY_PASSWORD: 'wrong password' } })).code,
    ).toBe(2);

    await ok(['add', 'After the backup']);
    const refused = await cli(['restore', backup.path]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    const restored = await ok(['restore', backup.path, '--force']);
    expect(restored.stderr).toContain('The vault it replaced is kept at');
    expect((await ok(['list'])).stdout).not.toContain('After the backup');

    const copy = join(sandbox.home, 'damaged.sparekey');
    await ok(['backup', '--out', copy]);
    truncateSync(copy, statSync(copy).size - 4096);
    const damaged = await cli(['verify', copy]);
    expect(damaged.code).toBe(3);
    expect(damaged.stderr).toMatch(/^sparekey: DAMAGED: .*truncated/);
    const badRestore = await cli(['restore', copy, '--force']);
    expect(badRestore.code).toBe(3);
    expect((await ok(['list'])).stdout).toContain('Quokkabank');
  });
});

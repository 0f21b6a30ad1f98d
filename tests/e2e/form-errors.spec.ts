import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { corpusPath } from '../support/corpus.js';
import {
  ACME_URI,
  createVault,
  expectNoMachineText,
  openAccountTab,
} from './support/app-actions.js';
import { type AppHost, E2E_PASSWORD, expect, test } from './support/test-host.js';

/**
 * Every form of the app, given nothing, too much and something malformed: each
 * refusal is a sentence at the field it concerns (marked, described by it,
 * focused), and nothing on screen is a schema's, a library's, the system's or
 * the command line's text. No form leaves it to the browser's own tooltips.
 */

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The field is refused with `sentence`: marked, described by it first (its
 * hint may follow), and nothing machine-made shows. A button that opens the
 * file chooser is described by its refusal, and its drop zone outlined.
 */
async function refusedAt(page: Page, field: Locator, sentence: string | RegExp): Promise<void> {
  const isButton = (await field.evaluate((element) => element.tagName)) === 'BUTTON';
  if (!isButton) await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(
    typeof sentence === 'string' ? new RegExp(`^${escaped(sentence)}`) : sentence,
  );
  await expectNoMachineText(page, String(sentence));
  // The browser's own validation never speaks: every form says noValidate.
  await expect(page.locator('form:not([novalidate])')).toHaveCount(0);
}

test('the first-run and unlock screens', async ({ app }) => {
  const { page } = app;
  const password = page.getByLabel('New password');
  const repeat = page.getByLabel('Repeat the password');
  const create = page.getByRole('button', { name: 'Create vault' });

  // Empty: both fields refused, summed up at the top, which takes the focus.
  await create.click();
  await refusedAt(page, password, 'Type a password.');
  await refusedAt(page, repeat, 'Type the password again.');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('2 fields need a change');
  await expect(summary).toBeFocused();

  // Too short; then too long (past the contract's 1,024 characters, weak but wanted anyway).
  await password.fill('short');
  await repeat.fill('short');
  await create.click();
  await refusedAt(page, password, 'The password needs at least 8 characters; it has 5.');
  const long = 'x'.repeat(1500);
  await password.fill(long);
  await repeat.fill(long);
  await page.getByLabel('Use this weak password anyway').check();
  await create.click();
  await refusedAt(page, password, 'The new password is too long: at most 1,024 characters.');
  expect(app.session.status().state).toBe('no-vault');

  // Malformed: the two differ.
  await password.fill(E2E_PASSWORD);
  await repeat.fill(`${E2E_PASSWORD}!`);
  await create.click();
  await refusedAt(page, repeat, 'The two passwords differ; type the same password twice.');
  await repeat.fill(E2E_PASSWORD);
  await create.click();
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  const unlock = page.getByRole('button', { name: 'Unlock' });
  const field = page.getByLabel('Password');
  await unlock.click();
  await refusedAt(page, field, 'Type the password.');
  await field.fill('y'.repeat(2000));
  await unlock.click();
  await refusedAt(page, field, 'The password is too long: at most 1,024 characters.');
  await field.fill('not the password');
  await unlock.click();
  await refusedAt(page, field, 'Wrong password: it does not unlock this vault.');
  await expect(field).toBeFocused();
  // Typing again takes the refusal away.
  await field.fill(E2E_PASSWORD);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await unlock.click();
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();
});

test('adding and editing an account, and its setup key', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  const form = page.getByRole('form', { name: 'Add an account' });
  const save = form.getByRole('button', { name: 'Add account' });
  const key = form.getByLabel('Setup key or otpauth:// link');
  const issuer = form.getByLabel('Issuer (site or service)');

  await save.click();
  await refusedAt(page, issuer, 'Give the issuer (the site or service) or an account name.');
  await expect(issuer).toBeFocused();

  // Too long: a name past 200 characters, notes past 20,000, a link past 4,096.
  await issuer.fill('N'.repeat(300));
  await form.getByLabel('Notes').fill('n'.repeat(20_001));
  await save.click();
  await refusedAt(page, issuer, 'The issuer is too long: at most 200 characters.');
  await refusedAt(
    page,
    form.getByLabel('Notes'),
    'The notes are too long: at most 20,000 characters.',
  );
  await expect(page.getByRole('alert')).toContainText('2 fields need a change');
  await issuer.fill('ACME');
  await form.getByLabel('Notes').fill('');
  await key.fill(`otpauth://totp/X?secret=${'A'.repeat(5000)}`);
  await save.click();
  await refusedAt(
    page,
    key,
    'This is longer than any setup key or otpauth:// link: paste only the key or the link.',
  );

  // Malformed: a key that is not Base32, a page that is not a web address, a period in words.
  await key.fill('hello world!');
  await form.getByLabel('Period (seconds)').fill('thirty');
  await save.click();
  await refusedAt(
    page,
    form.getByLabel('Period (seconds)'),
    'The period is a whole number of seconds from 1 to 300 (most sites use 30).',
  );
  await form.getByLabel('Period (seconds)').fill('30');
  await save.click();
  await refusedAt(page, key, /is not a Base32 character/);
  await key.fill('JBSWY3DPEHPK3PXP');
  await form.getByLabel('Sign-in page').fill('javascript:alert(1)');
  await save.click();
  await refusedAt(page, form.getByLabel('Sign-in page'), /is not a web address/);
  await form.getByLabel('Sign-in page').fill('acme.example/login');
  await save.click();
  await expect(page.getByRole('heading', { name: 'ACME', level: 2 })).toBeVisible();
  expect(await app.core.listAccounts({})).toHaveLength(1);

  // Editing: the same words at the same fields.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit ACME' });
  await edit.getByLabel('Issuer (site or service)').fill('');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await refusedAt(
    page,
    edit.getByLabel('Issuer (site or service)'),
    'Give the issuer (the site or service) or an account name.',
  );
  await edit.getByLabel('Tags').fill(`work, ${'t'.repeat(150)}`);
  await edit.getByLabel('Issuer (site or service)').fill('ACME');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await refusedAt(page, edit.getByLabel('Tags'), 'A tag is too long: at most 100 characters.');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // The setup key replaced: empty, then malformed.
  await page.getByRole('button', { name: 'Replace setup key…' }).click();
  const replace = page.getByRole('form', { name: 'Replace the setup key' });
  await replace.getByRole('button', { name: 'Save setup key' }).click();
  await refusedAt(
    page,
    replace.getByLabel('Setup key or otpauth:// link'),
    'Paste an otpauth:// link or type the setup key.',
  );
  await replace.getByLabel('Setup key or otpauth:// link').fill('otpauth://totp/X?issuer=X');
  await replace.getByRole('button', { name: 'Save setup key' }).click();
  await refusedAt(
    page,
    replace.getByLabel('Setup key or otpauth:// link'),
    'The otpauth URI has no secret parameter.',
  );
});

/** A vault with ACME (a seed, a contact) and GitHub (16 backup codes), ACME selected. */
async function livedIn(app: AppHost): Promise<{ acme: string; github: string }> {
  await createVault(app.page);
  const acme = await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  const github = await app.core.addAccount({ issuer: 'GitHub', accountName: 'octocat' });
  await app.core.addBackupCodes({
    accountId: github.id,
    codes: Array.from({ length: 16 }, (_, i) => `${41_000 + i}-${52_000 + i}`),
  });
  await app.page.reload();
  await app.page.getByRole('option', { name: /ACME Co/ }).click();
  return { acme: acme.id, github: github.id };
}

test('contacts, ways in, recovery details and the sign-in', async ({ app }) => {
  const { page } = app;
  await livedIn(app);

  // A contact: empty, too long, not a phone number, not an e-mail address.
  await page.getByRole('button', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Add your first contact' }).click();
  const phone = page.getByLabel('Phone number, with its country code');
  const add = page.getByRole('button', { name: 'Add phone number' });
  await add.click();
  await refusedAt(page, phone, 'Type the phone number, with its country code (+44 7700 900123).');
  await phone.fill('7'.repeat(400));
  await add.click();
  await refusedAt(page, phone, 'The phone number is too long: at most 320 characters.');
  await phone.fill('call me maybe');
  await add.click();
  await refusedAt(page, phone, /not "call me maybe"/);
  await page.getByLabel('Label (optional)').fill('l'.repeat(150));
  await phone.fill('+44 7700 900123');
  await add.click();
  await refusedAt(
    page,
    page.getByLabel('Label (optional)'),
    'The label is too long: at most 100 characters.',
  );
  await page.getByRole('radio', { name: 'E-mail address' }).check();
  const mail = page.getByRole('textbox', { name: 'E-mail address' });
  await mail.fill('alice@');
  await page.getByLabel('Label (optional)').fill('');
  await page.getByRole('button', { name: 'Add e-mail address' }).click();
  await refusedAt(page, mail, /not an e-mail address/);

  // A way in with a device name too long.
  await page.getByRole('button', { name: 'Accounts' }).click();
  await openAccountTab(page, '2FA & recovery');
  const recovery = page.getByRole('region', { name: 'Two-step sign-in and recovery' });
  await recovery.getByRole('button', { name: 'Add a way in…' }).click();
  await recovery.getByLabel('Kind').selectOption('security-key');
  await recovery.getByLabel('Device', { exact: true }).fill('d'.repeat(300));
  await recovery.getByRole('button', { name: 'Add', exact: true }).click();
  await refusedAt(
    page,
    recovery.getByLabel('Device', { exact: true }),
    'The device is too long: at most 200 characters.',
  );
  // SMS with no phone number recorded yet.
  await recovery.getByLabel('Kind').selectOption('sms');
  await recovery.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(recovery.getByText('Add the phone number it sends codes to first')).toBeVisible();
  await expectNoMachineText(page, 'a method without its contact');
  await recovery.getByRole('button', { name: 'Cancel' }).click();

  // The support page and notes.
  await recovery.getByRole('button', { name: 'Edit page and notes' }).click();
  const support = recovery.getByLabel('Support or account-recovery page');
  await support.fill('ftp://acme.example/help');
  await recovery.getByRole('button', { name: 'Save', exact: true }).click();
  await refusedAt(page, support, /not a web address/);
  await support.fill('');
  await recovery.getByLabel('Recovery notes').fill('r'.repeat(20_001));
  await recovery.getByRole('button', { name: 'Save', exact: true }).click();
  await refusedAt(
    page,
    recovery.getByLabel('Recovery notes'),
    'The recovery notes are too long: at most 20,000 characters.',
  );
  await recovery.getByRole('button', { name: 'Cancel' }).click();

  // The sign-in: a username too long, a page that is not one, a generator length in words.
  await openAccountTab(page, 'Sign-in');
  const login = page.getByRole('region', { name: 'Sign-in', exact: true });
  await login.getByRole('button', { name: 'Add the password' }).click();
  await login.getByLabel('Username').fill('u'.repeat(600));
  await login.getByRole('button', { name: 'Save sign-in' }).click();
  await refusedAt(
    page,
    login.getByLabel('Username'),
    'The username is too long: at most 500 characters.',
  );
  await login.getByLabel('Username').fill('alice');
  await login.getByLabel('Other sign-in pages (one a line)').fill('not a web address at all');
  await login.getByRole('button', { name: 'Save sign-in' }).click();
  await refusedAt(page, login.getByLabel('Other sign-in pages (one a line)'), /valid URL/);
  await login.getByLabel('Length').fill('many');
  await login.getByRole('button', { name: 'Generate' }).click();
  await refusedAt(page, login.getByLabel('Length'), 'The length is a whole number from 4 to 128.');
  await login.getByLabel('Length').fill('500');
  await login.getByRole('button', { name: 'Generate' }).click();
  await refusedAt(page, login.getByLabel('Length'), 'The length is a whole number from 4 to 128.');
});

test('backup codes: pasting, the issue date, marking a code used', async ({ app }) => {
  const { page } = app;
  await livedIn(app);
  await page.getByRole('option', { name: /GitHub/ }).click();
  await openAccountTab(page, 'Backup codes');
  const codes = page.getByRole('region', { name: 'Backup codes' });

  // "I just used a code": empty, too long, not one of the codes.
  const typed = codes.getByLabel('The code you used');
  const mark = codes.getByRole('button', { name: 'Mark used' });
  await mark.click();
  await refusedAt(page, typed, 'Type the code you just used.');
  await typed.fill('9'.repeat(300));
  await mark.click();
  await refusedAt(page, typed, 'That is longer than any backup code: type only the code you used.');
  await typed.fill('41000-52000');
  await mark.click();
  await expect(codes.getByText('Code 1 marked used.')).toBeVisible();
  // A new action clears what the last one said: the refusal replaces "marked used".
  await typed.fill('zzzzz-zzzzz');
  await mark.click();
  await refusedAt(page, typed, /is not one of this account's current backup codes/);
  await expect(codes.getByText('Code 1 marked used.')).toHaveCount(0);
  await codes.getByLabel('Note (optional)').fill('n'.repeat(600));
  await typed.fill('41001-52001');
  await mark.click();
  await refusedAt(
    page,
    codes.getByLabel('Note (optional)'),
    'The note is too long: at most 500 characters.',
  );

  // Adding codes: nothing pasted, more than 100,000 characters, text without codes, a bad date.
  await codes.getByRole('button', { name: 'Add codes…' }).click();
  const paste = codes.getByLabel('Paste the codes');
  const saveCodes = codes.getByRole('button', { name: /^Save/ });
  await saveCodes.click();
  await refusedAt(page, paste, 'Paste the codes first.');
  await paste.fill(`${'1234-5678 '.repeat(10_001)}`);
  await refusedAt(
    page,
    paste,
    'That is more than 100,000 characters: paste only the page or file with the codes.',
  );
  await paste.fill('Thank you for choosing us.\nYour account is safe.');
  await expect(
    codes.getByText('No backup codes found in this text.', { exact: false }),
  ).toBeVisible();
  await saveCodes.click();
  await refusedAt(page, paste, 'No backup codes were found in this text.');
  await paste.fill('1111-2222\n3333-4444\n5555-6666');
  const issued = codes.getByLabel('Issued on');
  await issued.fill('31/02/2026');
  await codes.getByLabel(/Yes, the site replaced them/).check();
  await saveCodes.click();
  await refusedAt(
    page,
    issued,
    'Sparekey cannot read this as a date: write it like 3 May 2026, or leave it empty for today.',
  );
  await issued.fill('3 May 2027');
  await saveCodes.click();
  await refusedAt(page, issued, 'The issue date is in the future.');
  await issued.fill('2/5/2026');
  await issued.blur();
  await expect(issued).toHaveValue('2 May 2026');
  await saveCodes.click();
  await expect(codes.getByText('Added 3 codes; the old ones no longer count.')).toBeVisible();
});

test('settings, export, import, a QR image, the clock check offline and a restore', async ({
  app,
}) => {
  const { page } = app;
  await livedIn(app);

  // A setting given words, a number too large.
  await page.getByRole('button', { name: 'Settings' }).click();
  const days = page.getByLabel('Ask to confirm a contact after');
  await days.fill('soon');
  await days.press('Enter');
  await refusedAt(page, days, 'Type a whole number of days.');
  await days.fill('99999');
  await days.press('Enter');
  await refusedAt(page, days, 'The contact reminder can be at most 3,650.');
  await days.fill('0');
  await days.press('Enter');
  await refusedAt(page, days, 'The contact reminder must be at least 1.');

  // Export: no password, a short one, two that differ.
  await page.getByRole('button', { name: 'Import & export' }).click();
  const exporting = page.getByRole('region', { name: 'Export' });
  const exportPassword = exporting.getByLabel('Export password', { exact: true });
  await exporting.getByRole('button', { name: 'Save…' }).click();
  await refusedAt(page, exportPassword, 'Type a password for the export file.');
  await exportPassword.fill('short');
  await exporting.getByRole('button', { name: 'Save…' }).click();
  await refusedAt(page, exportPassword, 'The export password needs at least 8 characters.');
  await exportPassword.fill('a long export password');
  await exporting.getByLabel('Repeat the export password').fill('another one');
  await exporting.getByRole('button', { name: 'Save…' }).click();
  await refusedAt(
    page,
    exporting.getByLabel('Repeat the export password'),
    'The two passwords differ; type the same password twice.',
  );
  await exporting.getByLabel('Only the accounts I choose').check();
  await exporting.getByLabel(/Aegis vault, not encrypted/).check();
  await exporting.getByRole('button', { name: 'Save…' }).click();
  await expect(exporting.getByText('Choose at least one account to export.')).toBeVisible();
  await expectNoMachineText(page, 'an export of no account');

  // Import: nothing pasted, text with no link, a file in no known format, a wrong password.
  const importing = page.getByRole('region', { name: 'Import from another app' });
  const pasted = importing.getByLabel(/Or paste otpauth:\/\/ links/);
  const preview = importing.getByRole('button', { name: 'Preview the pasted links' });
  await preview.click();
  await refusedAt(
    page,
    pasted,
    'Paste otpauth:// links or a Google Authenticator transfer link first.',
  );
  await pasted.fill('hello, these are my codes');
  await preview.click();
  await refusedAt(
    page,
    pasted,
    'Sparekey found no otpauth:// link and no Google Authenticator transfer link in the pasted text.',
  );
  const notes = join(app.folder, 'notes.txt');
  writeFileSync(notes, 'Shopping list: milk, eggs, bread.\n');
  const chooser = page.waitForEvent('filechooser');
  await importing.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(notes);
  const choose = importing.getByRole('button', { name: 'Choose files…' });
  await refusedAt(
    page,
    choose,
    /^notes\.txt cannot be imported: its content is not a format Sparekey reads \(.*\)\./,
  );
  const encrypted = page.waitForEvent('filechooser');
  await choose.click();
  await (await encrypted).setFiles(corpusPath('aegis-tests/aegis_encrypted.json'));
  const filePassword = importing.getByLabel('Password for aegis_encrypted.json');
  await importing.getByRole('button', { name: 'Open' }).click();
  await refusedAt(page, filePassword, 'Type the password of aegis_encrypted.json.');
  await filePassword.fill('wrong');
  await importing.getByRole('button', { name: 'Open' }).click();
  await refusedAt(
    page,
    filePassword,
    'Wrong password for aegis_encrypted.json: it does not decrypt the file.',
  );
  await importing.getByRole('button', { name: 'Cancel' }).click();

  // A QR image that is not an image.
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByRole('button', { name: 'From a QR image' }).click();
  const image = page.waitForEvent('filechooser');
  const chooseImage = page.getByRole('button', { name: 'Choose a QR code image…' });
  await chooseImage.click();
  await (await image).setFiles(notes);
  await refusedAt(page, chooseImage, /not a PNG or JPEG image/);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The clock check with no network: what it means, not the system's error code.
  await app.core.updateSettings({ clockCheckServer: 'time.sparekey.invalid' });
  await page.getByRole('button', { name: 'Health' }).click();
  const clock = page.getByRole('region', { name: 'The clock' });
  await clock.getByRole('button', { name: 'Check the clock' }).click();
  await expect(clock).toContainText('could not be looked up; is this computer offline?');
  await expectNoMachineText(page, 'the clock check offline');

  // Restoring a backup: no password, then a wrong one.
  await page.getByRole('button', { name: 'Sheets & backups' }).click();
  const backups = page.getByRole('region', { name: 'Backups', exact: true });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await backups
    .getByRole('button', { name: /^Restore the backup of/ })
    .first()
    .click();
  const restore = page.getByRole('form', { name: /Restore the backup of/ });
  const backupPassword = restore.getByLabel('The backup’s password');
  await restore.getByRole('button', { name: 'Replace the vault with this backup' }).click();
  await refusedAt(page, backupPassword, 'Type the backup’s password.');
  await backupPassword.fill('not it');
  await restore.getByRole('button', { name: 'Replace the vault with this backup' }).click();
  await refusedAt(page, backupPassword, /password/);
  expect(app.session.status().state).toBe('unlocked');
});

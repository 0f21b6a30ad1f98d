import { describe, expect, it } from 'vitest';
import { Vault } from '../../../src/core/vault.js';
import { vaultErrorOf } from '../../support/errors.js';
import { createTestVault, FAST_KDF, PASSWORD, T0 } from '../../support/temp-vault.js';
import { MINUTE_MS } from '../../../src/shared/durations.js';

describe('contacts', () => {
  it('stores phones in E.164 and e-mail in lower case, shows them formatted, and keeps them across a reopen', async () => {
    const { vault, path } = await createTestVault();
    const phone = vault.contacts.add({
      kind: 'phone',
      value: '+44 7700 900123',
      label: 'Work mobile',
    });
    const email = vault.contacts.add({ kind: 'email', value: ' Me@Example.COM ' });
    expect(phone).toMatchObject({
      value: '+447700900123',
      display: '+44 7700 900123',
      confirmedAt: T0,
      retiredAt: null,
    });
    expect(email).toMatchObject({ value: 'me@example.com', label: '' });
    vault.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.contacts.list().map((contact) => contact.value)).toEqual([
      'me@example.com',
      '+447700900123',
    ]);
    reopened.close();
  });

  it('refuses numbers without a country code, impossible numbers, bad addresses and duplicates', async () => {
    const { vault } = await createTestVault();
    expect(
      vaultErrorOf(() => vault.contacts.add({ kind: 'phone', value: '07700 900123' })).message,
    ).toMatch(/country code/);
    expect(
      vaultErrorOf(() => vault.contacts.add({ kind: 'phone', value: '+44 12' })).message,
    ).toMatch(/not a possible phone number/);
    expect(
      vaultErrorOf(() => vault.contacts.add({ kind: 'email', value: 'not-an-address' })).message,
    ).toMatch(/not an e-mail/);
    vault.contacts.add({ kind: 'phone', value: '+1 202 555 0143' });
    expect(
      vaultErrorOf(() => vault.contacts.add({ kind: 'phone', value: '001 (202) 555-0143' }))
        .message,
    ).toMatch(/already a contact/);
    expect(vault.contacts.list()).toHaveLength(1);
    vault.close();
  });

  it('finds a contact by its number in any format, its address, its label or its id', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143', label: 'Old phone' });
    const email = vault.contacts.add({ kind: 'email', value: 'me@example.com' });
    expect(vault.contacts.resolve('+1 (202) 555-0143').id).toBe(phone.id);
    expect(vault.contacts.resolve('old PHONE').id).toBe(phone.id);
    expect(vault.contacts.resolve('ME@example.com').id).toBe(email.id);
    expect(vault.contacts.resolve(email.id.slice(0, 6)).id).toBe(email.id);
    expect(vaultErrorOf(() => vault.contacts.resolve('+44 7700 900999')).code).toBe('NOT_FOUND');
    vault.close();
  });

  it('records confirmations, refuses a future date, and refuses to confirm a retired contact', async () => {
    const { vault, clock } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143', confirmedAt: null });
    expect(phone.confirmedAt).toBeNull();
    clock.advance(1000);
    expect(vault.contacts.confirm(phone.id).confirmedAt).toBe(T0 + 1000);
    expect(vaultErrorOf(() => vault.contacts.confirm(phone.id, T0 + 5000)).message).toMatch(
      /future/,
    );
    vault.contacts.retire(phone.id);
    expect(vaultErrorOf(() => vault.contacts.confirm(phone.id)).code).toBe('REFUSED');
    expect(vault.contacts.reinstate(phone.id).retiredAt).toBeNull();
    vault.close();
  });

  it('retiring a number lists every account that sends codes to it or uses it for recovery, with the fix', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const other = vault.contacts.add({ kind: 'phone', value: '+447700900123' });
    const bank = vault.accounts.add({ issuer: 'Bank', url: 'https://bank.example' });
    const mail = vault.accounts.add({ issuer: 'Mail', accountName: 'me' });
    const shop = vault.accounts.add({ issuer: 'Shop' });
    vault.recovery.addMethod(bank.id, { kind: 'sms', contactId: phone.id });
    vault.recovery.addRecoveryContact(mail.id, phone.id);
    vault.recovery.addMethod(shop.id, { kind: 'sms', contactId: other.id });

    const { contact, affected } = vault.contacts.retire(phone.id);
    expect(contact.retiredAt).not.toBeNull();
    expect(affected.map((use) => [use.accountLabel, use.role])).toEqual([
      ['Bank', 'method'],
      ['Mail (me)', 'recovery'],
    ]);
    expect(affected[0]?.fix).toContain('https://bank.example');
    expect(affected[0]?.fix).toContain('replace SMS to +1 202 555 0143');
    expect(vault.history.list(bank.id).map((event) => event.type)).toEqual(['contacts.retire']);
    expect(vault.history.list(shop.id)).toEqual([]);
    vault.close();
  });

  it('refuses to remove a contact that accounts still use, naming them', async () => {
    const { vault } = await createTestVault();
    const email = vault.contacts.add({ kind: 'email', value: 'old@example.com' });
    const account = vault.accounts.add({ issuer: 'Forum' });
    vault.recovery.addRecoveryContact(account.id, email.id);
    expect(vaultErrorOf(() => vault.contacts.remove(email.id)).message).toMatch(
      /still used by Forum/,
    );
    vault.recovery.removeRecoveryContact(account.id, email.id);
    vault.contacts.remove(email.id);
    expect(vault.contacts.list()).toEqual([]);
    vault.close();
  });
});

describe('2FA methods and recovery facts', () => {
  it('keeps methods, recovery contacts, support URL, notes and the last test', async () => {
    const { vault, path, clock } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const account = vault.accounts.add({ issuer: 'Google' });
    const sms = vault.recovery.addMethod(account.id, { kind: 'sms', contactId: phone.id });
    vault.recovery.addMethod(account.id, {
      kind: 'authenticator',
      device: 'Google Authenticator on Pixel 8',
    });
    vault.recovery.addMethod(account.id, { kind: 'security-key', device: 'YubiKey 5C' });
    vault.recovery.update(account.id, {
      supportUrl: 'accounts.google.com/signin/recovery',
      recoveryNotes: 'Backup phone is Mum',
    });
    clock.advance(MINUTE_MS);
    vault.recovery.markTested(account.id);
    vault.recovery.removeMethod(account.id, sms.id);
    vault.close();

    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    const recovery = reopened.recovery.get(account.id);
    expect(recovery.methods.map((method) => [method.kind, method.device])).toEqual([
      ['authenticator', 'Google Authenticator on Pixel 8'],
      ['security-key', 'YubiKey 5C'],
    ]);
    expect(recovery).toMatchObject({
      supportUrl: 'https://accounts.google.com/signin/recovery',
      recoveryNotes: 'Backup phone is Mum',
      lastTestedAt: T0 + MINUTE_MS,
      changedAt: T0 + MINUTE_MS,
    });
    reopened.close();
  });

  it('requires the right kind of contact for methods that send codes, and refuses retired ones', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const email = vault.contacts.add({ kind: 'email', value: 'me@example.com' });
    const account = vault.accounts.add({ issuer: 'Shop' });
    expect(
      vaultErrorOf(() => vault.recovery.addMethod(account.id, { kind: 'sms' })).message,
    ).toMatch(/say which contact/);
    expect(
      vaultErrorOf(() => vault.recovery.addMethod(account.id, { kind: 'sms', contactId: email.id }))
        .message,
    ).toMatch(/needs a phone number/);
    expect(
      vaultErrorOf(() =>
        vault.recovery.addMethod(account.id, { kind: 'email-code', contactId: phone.id }),
      ).message,
    ).toMatch(/needs an e-mail address/);
    expect(
      vaultErrorOf(() =>
        vault.recovery.addMethod(account.id, { kind: 'backup-codes', contactId: phone.id }),
      ).message,
    ).toMatch(/does not send codes/);
    vault.contacts.retire(phone.id);
    expect(
      vaultErrorOf(() =>
        vault.recovery.addMethod(account.id, { kind: 'voice', contactId: phone.id }),
      ).code,
    ).toBe('REFUSED');
    vault.recovery.addMethod(account.id, { kind: 'email-code', contactId: email.id });
    expect(
      vaultErrorOf(() =>
        vault.recovery.addMethod(account.id, { kind: 'email-code', contactId: email.id }),
      ).message,
    ).toMatch(/already has/);
    expect(vault.recovery.get(account.id).methods).toHaveLength(1);
    vault.close();
  });

  it('removing an account removes its recovery record', async () => {
    const { vault } = await createTestVault();
    const account = vault.accounts.add({ issuer: 'Temp' });
    vault.recovery.addMethod(account.id, { kind: 'push', device: 'Phone' });
    vault.accounts.remove(account.id);
    expect(vault.recovery.all().size).toBe(0);
    vault.close();
  });
});

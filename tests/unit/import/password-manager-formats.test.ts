import { strToU8, zipSync } from 'fflate';
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import type { OtpSeed } from '../../../src/shared/domain.js';
import type { ImportPlan } from '../../../src/core/importers/import-plan.js';
import { decodeBase32Secret, encodeBase32Secret } from '../../../src/core/otp/base32-secret.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { codesOf } from '../../support/corpus.js';
import { causeText, expectOwnWords } from '../../support/errors.js';
import { createTestVault } from '../../support/temp-vault.js';
import { vaultRejectionOf } from '../../support/errors.js';

/**
 * Steam Desktop Authenticator maFiles, LastPass Authenticator, 1Password .1pux
 * and Proton Pass (JSON, ZIP, PGP-encrypted). The files are written here the
 * way each app writes them, with the format's own library where it has one
 * (fflate for ZIP, OpenPGP.js, Proton's library, for PGP).
 */

const SECRET = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';

async function preview(
  name: string,
  content: string | Uint8Array,
  password?: string,
): Promise<ImportPlan> {
  const { vault } = await createTestVault();
  try {
    const bytes = typeof content === 'string' ? new Uint8Array(Buffer.from(content)) : content;
    return await vault.imports.preview([{ name, bytes }], { password: () => password });
  } finally {
    vault.close();
  }
}

function expectSeed(actual: OtpSeed | null | undefined, expected: OtpSeed): void {
  expect(actual).not.toBeNull();
  expect(decodeBase32Secret(actual?.secret ?? '')).toEqual(decodeBase32Secret(expected.secret));
  expect({ ...actual, secret: '' }).toEqual({ ...expected, secret: '' });
  expect(codesOf(actual as OtpSeed)).toEqual(codesOf(expected));
}

describe('Steam Desktop Authenticator .maFile', () => {
  // The fields SteamGuardAccount serialises; shared_secret is base64 of 20 bytes.
  const sharedSecret = Buffer.from('0123456789abcdefghij').toString('base64');
  const maFile = JSON.stringify({
    shared_secret: sharedSecret,
    serial_number: '1234567890123456789',
    revocation_code: 'R12345',
    uri: 'otpauth://totp/Steam:gaben?secret=GAYTEMZUGU3DOOBZMFRGGZDFMZTWQ2LK&issuer=Steam',
    server_time: 1700000000,
    account_name: 'gaben',
    token_gid: 'abc',
    identity_secret: Buffer.from('identity secret 2020').toString('base64'),
    secret_1: Buffer.from('secret one 2020 abcd').toString('base64'),
    status: 1,
    device_id: 'android:0000',
    fully_enrolled: true,
    Session: { SessionID: 'x', SteamID: '76561197960287930' },
  });

  it('gives the Steam account with its base64 shared_secret and revocation code', async () => {
    const plan = await preview('76561197960287930.maFile', maFile);
    expect(plan.files[0]?.format).toBe('steam-mafile');
    expect(plan.entries).toHaveLength(1);
    expect(plan.entries[0]).toMatchObject({
      issuer: 'Steam',
      accountName: 'gaben',
      notes: 'Steam revocation code: R12345',
    });
    expectSeed(
      plan.entries[0]?.seed,
      makeSeed({
        type: 'steam',
        secret: encodeBase32Secret(new Uint8Array(Buffer.from(sharedSecret, 'base64'))),
      }),
    );
  });

  it('an encrypted maFile is named, with the way out', async () => {
    const error = await vaultRejectionOf(
      preview('76561197960287930.maFile', Buffer.from('encrypted bytes').toString('base64')),
    );
    expect(error.message).toBe(
      '76561197960287930.maFile cannot be imported: it looks like an encrypted Steam Desktop Authenticator maFile; remove the encryption in Steam Desktop Authenticator (Manage Encryption) and import the maFile again.',
    );
  });
});

describe('LastPass Authenticator', () => {
  it('reads accounts with their parameters, and a folder as a tag', async () => {
    const file = JSON.stringify({
      deviceName: 'Pixel',
      version: 3,
      accounts: [
        {
          accountID: 'a',
          issuerName: 'GitHub',
          originalIssuerName: 'GitHub',
          userName: 'octocat',
          originalUserName: 'octocat',
          secret: SECRET,
          timeStep: 30,
          digits: 6,
          algorithm: 'SHA1',
          folderData: { folderId: 0, position: 0 },
        },
        {
          accountID: 'b',
          issuerName: 'Bank',
          userName: '',
          secret: SECRET,
          timeStep: 60,
          digits: 8,
          algorithm: 'SHA256',
          folderData: { folderId: 2, position: 0 },
        },
      ],
      folders: [
        { id: 1, name: 'Favorites', isOpened: true },
        { id: 0, name: 'Other accounts', isOpened: true },
        { id: 2, name: 'Money', isOpened: true },
      ],
    });
    const plan = await preview('lastpass.json', file);
    expect(plan.files[0]).toMatchObject({
      format: 'lastpass',
      description: 'LastPass Authenticator export, version 3',
    });
    expect(
      plan.entries.map(({ issuer, accountName, tags }) => ({ issuer, accountName, tags })),
    ).toEqual([
      { issuer: 'GitHub', accountName: 'octocat', tags: [] },
      { issuer: 'Bank', accountName: '', tags: ['Money'] },
    ]);
    expectSeed(
      plan.entries[1]?.seed,
      makeSeed({ secret: SECRET, period: 60, digits: 8, algorithm: 'SHA256' }),
    );
  });
});

/** 1Password's export.data, as its export writes it (accounts, vaults, items). */
function onePux(items: unknown[]): Uint8Array {
  const data = {
    accounts: [
      {
        attrs: {
          accountName: 'Me',
          name: 'Me',
          email: 'me@example.com',
          uuid: 'A',
          domain: 'my.1password.com',
        },
        vaults: [{ attrs: { uuid: 'V', desc: '', avatar: '', name: 'Private', type: 'P' }, items }],
      },
    ],
  };
  return zipSync({
    'export.attributes': strToU8(
      JSON.stringify({
        version: 3,
        description: '1Password Unencrypted Export',
        createdAt: 1700000000,
      }),
    ),
    'export.data': strToU8(JSON.stringify(data)),
  });
}

const onePassLogin = (title: string, totp: string, extra: Record<string, unknown> = {}) => ({
  uuid: title,
  favIndex: 0,
  createdAt: 1700000000,
  updatedAt: 1700000000,
  state: 'active',
  categoryUuid: '001',
  details: {
    loginFields: [
      {
        value: 'me@example.com',
        id: '',
        name: 'username',
        fieldType: 'E',
        designation: 'username',
      },
      { value: 'hunter2', id: '', name: 'password', fieldType: 'P', designation: 'password' },
    ],
    notesPlain: 'a note',
    sections: [
      {
        title: '',
        name: 'add more',
        fields: [
          {
            title: 'one-time password',
            id: 'TOTP_1',
            value: { totp },
            indexAtSource: 0,
            guarded: false,
            multiline: false,
          },
          { title: 'Recovery e-mail', id: 'r', value: { string: 'other@example.com' } },
          { title: 'PIN', id: 'p', value: { concealed: '1234' } },
        ],
      },
    ],
    passwordHistory: [],
  },
  overview: {
    subtitle: 'me@example.com',
    urls: [{ label: 'website', url: 'https://example.com/login' }],
    title,
    url: 'https://example.com/login',
    tags: ['Work'],
  },
  ...extra,
});

describe('1Password .1pux', () => {
  it('reads logins with their one-time passwords (otpauth link or bare key)', async () => {
    const file = onePux([
      onePassLogin('Example', `otpauth://totp/Example:me?secret=${SECRET}&digits=8&period=60`),
      onePassLogin('Bare', SECRET),
      onePassLogin('Deleted', SECRET, { state: 'trashed' }),
      {
        uuid: 'n',
        state: 'active',
        categoryUuid: '003',
        details: { notesPlain: 'x', sections: [] },
        overview: { title: 'A note', tags: [] },
      },
      onePassLogin('Broken', 'otpauth://totp/X?secret=J1'),
    ]);
    const plan = await preview('export.1pux', file);
    expect(plan.files[0]).toMatchObject({
      format: '1password-1pux',
      description: '1Password export (.1pux)',
    });
    expect(plan.entries.map((entry) => entry.issuer)).toEqual(['Example', 'Bare']);
    expect(plan.entries[0]).toMatchObject({
      accountName: 'me@example.com',
      url: 'https://example.com/login',
      notes: 'a note\n\nFields from 1Password:\nRecovery e-mail: other@example.com',
      tags: ['Work'],
      login: { username: 'me@example.com', password: 'hunter2' },
      warnings: [
        'its concealed field "PIN" was not imported (concealed values are not put in notes)',
      ],
    });
    expectSeed(plan.entries[0]?.seed, makeSeed({ secret: SECRET, digits: 8, period: 60 }));
    expectSeed(plan.entries[1]?.seed, makeSeed({ secret: SECRET }));
    expect(plan.skipped).toEqual([
      { file: 'export.1pux', label: 'entry 3 (Deleted)', reason: 'skipped: it is in the trash' },
      {
        file: 'export.1pux',
        label: 'entry 4 (A note)',
        reason: 'skipped: not a login and no one-time password (a secure note)',
      },
    ]);
    expect(plan.failed).toEqual([
      {
        file: 'export.1pux',
        label: 'entry 5 (Broken)',
        reason:
          'its one-time password "one-time password": In the otpauth URI: The secret has "1" at position 2, which is not a Base32 character (A-Z and 2-7 only)',
      },
    ]);
  });

  it('a damaged archive is refused naming the file', async () => {
    const file = onePux([onePassLogin('Example', SECRET)]);
    const error = await vaultRejectionOf(
      preview('export.1pux', file.subarray(0, file.length - 30)),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^export\.1pux cannot be imported: /);
  });

  it("an archive whose export.data does not unpack is refused in words, not the unzipper's text", async () => {
    const file = Buffer.from(onePux([onePassLogin('Example', SECRET)]));
    // export.data's compression method in the central directory set to one no ZIP tool knows.
    const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let at = file.indexOf(central); at >= 0; at = file.indexOf(central, at + 1)) {
      const name = file.subarray(at + 46, at + 46 + file.readUInt16LE(at + 28)).toString();
      if (name === 'export.data') file.writeUInt16LE(99, at + 10);
    }
    const error = await vaultRejectionOf(preview('export.1pux', new Uint8Array(file)));
    expect(error.message).toBe(
      'export.1pux cannot be imported: it is not a readable ZIP archive; the file is truncated or was edited.',
    );
    expectOwnWords(error.message, causeText(error));
  });
});

/** Proton Pass's data.json (version 1.2x), one vault. */
function protonPassData(): string {
  const item = (name: string, data: Record<string, unknown>, state = 1) => ({
    itemId: name,
    shareId: 'S',
    state,
    aliasEmail: null,
    contentFormatVersion: 6,
    createTime: 1700000000,
    modifyTime: 1700000000,
    pinned: false,
    data: { metadata: { name, note: '', itemUuid: name }, extraFields: [], ...data },
  });
  return JSON.stringify({
    version: '1.27.2',
    userId: 'U',
    encrypted: false,
    vaults: {
      S: {
        name: 'Personal',
        description: '',
        display: { color: 0, icon: 0 },
        items: [
          item('GitHub', {
            type: 'login',
            content: {
              itemEmail: 'me@example.com',
              itemUsername: '',
              password: 'hunter2',
              urls: ['https://github.com/'],
              totpUri: `otpauth://totp/GitHub:me?secret=${SECRET}&algorithm=SHA1&digits=6&period=30`,
              passkeys: [],
            },
          }),
          item('Bank', {
            type: 'login',
            content: {
              itemEmail: '',
              itemUsername: 'me',
              password: 'p',
              urls: [],
              totpUri: '',
              passkeys: [],
            },
            extraFields: [
              {
                fieldName: 'Bank code',
                type: 'totp',
                data: { totpUri: `otpauth://totp/Bank?secret=${SECRET}&digits=8` },
              },
              { fieldName: 'Account number', type: 'text', data: { content: '42' } },
              { fieldName: 'PIN', type: 'hidden', data: { content: '1234' } },
            ],
          }),
          item('Old', { type: 'login', content: { itemEmail: 'x', urls: [], totpUri: '' } }, 2),
          item('A note', { type: 'note', content: {} }),
        ],
      },
    },
  });
}

describe('Proton Pass', () => {
  const data = protonPassData();

  it('reads data.json: logins with their one-time passwords, the vault as a tag', async () => {
    const plan = await preview('data.json', data);
    expect(plan.files[0]).toMatchObject({
      format: 'proton-pass',
      description: 'Proton Pass export, version 1.27.2',
    });
    expect(
      plan.entries.map(({ issuer, accountName, tags }) => ({ issuer, accountName, tags })),
    ).toEqual([
      { issuer: 'GitHub', accountName: 'me@example.com', tags: ['Personal'] },
      { issuer: 'Bank', accountName: 'me', tags: ['Personal'] },
    ]);
    expectSeed(plan.entries[0]?.seed, makeSeed({ secret: SECRET }));
    expectSeed(plan.entries[1]?.seed, makeSeed({ secret: SECRET, digits: 8 }));
    expect(plan.entries[1]?.notes).toBe('Fields from Proton Pass:\nAccount number: 42');
    expect(plan.entries[1]?.warnings).toEqual([
      'its hidden field "PIN" was not imported (hidden values are not put in notes)',
    ]);
    expect(plan.skipped.map((note) => note.reason)).toEqual([
      'skipped: it is in the trash',
      'skipped: not a login and no one-time password (a note)',
    ]);
  });

  it('reads the ZIP export the same', async () => {
    const zip = zipSync({ 'Proton Pass/data.json': strToU8(data) });
    const plan = await preview('Proton Pass_export.zip', zip);
    expect(plan.entries.map((entry) => entry.issuer)).toEqual(['GitHub', 'Bank']);
  });

  it('decrypts the PGP-encrypted export (as Proton encrypts it: passphrase, S2K count 255)', async () => {
    const zip = zipSync({ 'Proton Pass/data.json': strToU8(data) });
    const armored = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: zip }),
      passwords: ['proton passphrase'],
      config: { s2kIterationCountByte: 255 },
      format: 'armored',
    });
    const plan = await preview('Proton Pass_export.pgp', armored, 'proton passphrase');
    expect(plan.files[0]).toMatchObject({
      format: 'proton-pass',
      encrypted: true,
      description: 'Proton Pass export (PGP-encrypted), version 1.27.2',
    });
    expect(plan.entries.map((entry) => entry.issuer)).toEqual(['GitHub', 'Bank']);
    const wrong = await vaultRejectionOf(preview('Proton Pass_export.pgp', armored, 'nope'));
    expect(wrong.code).toBe('WRONG_PASSWORD');
    expect(wrong.message).toBe(
      'Wrong password for Proton Pass_export.pgp: it does not decrypt the file.',
    );
  });

  it('a PGP-encrypted export that is cut short or edited is refused in words, not OpenPGP.js text', async () => {
    const zip = zipSync({ 'Proton Pass/data.json': strToU8(data) });
    const armored = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: zip }),
      passwords: ['proton passphrase'],
      format: 'armored',
    });
    const lines = armored.trimEnd().split('\n');
    // The armour's body cut in half, its checksum and end line kept.
    const cut = [...lines.slice(0, Math.floor(lines.length / 2)), ...lines.slice(-2)].join('\n');
    const unreadable = await vaultRejectionOf(
      preview('Proton Pass_export.pgp', cut, 'proton passphrase'),
    );
    expect(unreadable.message).toBe(
      'Proton Pass_export.pgp cannot be imported: its OpenPGP message does not read; the file is truncated or was edited.',
    );
    expectOwnWords(unreadable.message, causeText(unreadable));

    // One byte of the encrypted data changed: the password is right, the data no longer authenticates.
    const { data: bytes } = await openpgp.unarmor(armored);
    const edited = Buffer.from(bytes as Uint8Array);
    edited[edited.length - 40] = (edited[edited.length - 40] ?? 0) ^ 0x01;
    const rearmored = openpgp.armor(openpgp.enums.armor.message, edited);
    const damaged = await vaultRejectionOf(
      preview('Proton Pass_export.pgp', rearmored, 'proton passphrase'),
    );
    expect(damaged.message).toBe(
      'Proton Pass_export.pgp cannot be imported: its OpenPGP message does not decrypt; the file was edited or is damaged.',
    );
    expectOwnWords(damaged.message, causeText(damaged));
  });

  it('refuses Argon2 S2K past 1 GiB before deriving', async () => {
    const armored = await openpgp.encrypt({
      message: await openpgp.createMessage({ text: data }),
      passwords: ['p'],
      config: {
        s2kType: openpgp.enums.s2k.argon2,
        s2kArgon2Params: { passes: 1, parallelism: 1, memoryExponent: 10 },
      },
      format: 'armored',
    });
    // Rewrite the S2K's memory exponent (the octet after passes 1 and parallelism 1) to 22: 4 GiB.
    const { data: bytes } = await openpgp.unarmor(armored);
    const packet = Buffer.from(bytes as Uint8Array);
    const at = packet.subarray(0, 64).indexOf(Buffer.from([1, 1, 10]));
    expect(at).toBeGreaterThan(0);
    packet[at + 2] = 22;
    const edited = openpgp.armor(openpgp.enums.armor.message, new Uint8Array(packet));
    const error = await vaultRejectionOf(preview('big.pgp', edited, 'p'));
    expect(error.message).toMatch(
      /^big\.pgp cannot be imported: its key derivation asks for Argon2 with 4 GiB and 1 passes, more than Proton Pass \(OpenPGP\.js\) ever writes/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import type { Vault } from '../../../src/core/vault.js';
import { corpusFile } from '../../support/corpus.js';
import { createTestVault } from '../../support/temp-vault.js';

/**
 * Fuzz-style checks on the real corpus files, mutated in memory (never written
 * into the repository): truncated and byte-flipped copies must give a typed
 * VaultError naming the file, or a plan that reports what it could not read;
 * never an uncaught TypeError, and never anything written to the vault.
 */

const PLAIN = [
  'aegis-tests/plain.txt',
  'aegis-tests/ente_auth.txt',
  'aegis-tests/aegis_plain.json',
  'aegis-tests/aegis_plain_grouped_v2.json',
  'aegis-tests/2fas_authenticator.json',
  'aegis-tests/2fas_authenticator_plain.2fas',
  'aegis-tests/2fas_authenticator_plain_v3.2fas',
  'aegis-tests/2fas_authenticator_plain_v4.2fas',
  'aegis-tests/bitwarden.json',
  'aegis-tests/bitwarden.csv',
  'aegis-tests/andotp_plain.json',
  'aegis-tests/freeotp_plus.json',
  'aegis-tests/proton_authenticator.json',
  'aegis-tests/stratum_plain.json',
  'keepassxc-tests/bitwarden_export.json',
];
const ENCRYPTED: [string, string][] = [
  ['aegis-tests/aegis_encrypted.json', 'test'],
  ['aegis-tests/2fas_authenticator_encrypted.2fas', 'test'],
  ['aegis-tests/2fas_authenticator_encrypted_v3.2fas', 'test'],
  ['aegis-tests/2fas_authenticator_encrypted_v4.2fas', 'test'],
  ['aegis-tests/andotp_encrypted.bin', 'test'],
  ['aegis-tests/stratum_encrypted.bin', 'test'],
  ['keepassxc-tests/bitwarden_encrypted_export.json', 'a'],
  ['keepassxc-tests/bitwarden_encrypted_argon2id_export.json', 'a'],
];
/**
 * Line-based text has no structure to check: a cut can leave a shorter but valid
 * last line (its last field cut short). Such a cut is not detectable in any app.
 */
const LINE_BASED = new Set([
  'aegis-tests/plain.txt',
  'aegis-tests/ente_auth.txt',
  'aegis-tests/bitwarden.csv',
]);

/** A cut that removes only trailing whitespace leaves the same file. */
function cutsContent(original: Uint8Array, cut: Uint8Array): boolean {
  return Buffer.from(original.subarray(cut.length)).toString('latin1').trim() !== '';
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Mutation {
  what: string;
  bytes: Uint8Array;
}

function truncations(bytes: Uint8Array, count: number): Mutation[] {
  const lengths = [0, 1, Math.floor(bytes.length / 2), bytes.length - 1];
  const random = prng(bytes.length);
  while (lengths.length < count) lengths.push(1 + Math.floor(random() * (bytes.length - 2)));
  return lengths.map((length) => ({
    what: `cut to ${length} bytes`,
    bytes: bytes.slice(0, length),
  }));
}

function flips(bytes: Uint8Array, count: number, seed: number): Mutation[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const at = Math.floor(random() * bytes.length);
    const mask = 1 + Math.floor(random() * 255);
    const copy = bytes.slice();
    copy[at] = (copy[at] ?? 0) ^ mask;
    return { what: `byte ${at} xor ${mask}`, bytes: copy };
  });
}

type Outcome = { error: VaultError } | { failed: number; entries: number };

async function tryImport(
  vault: Vault,
  name: string,
  bytes: Uint8Array,
  password?: string,
): Promise<Outcome> {
  try {
    const plan = await vault.imports.preview([{ name, bytes }], { password: () => password });
    return { failed: plan.failed.length, entries: plan.entries.length };
  } catch (error) {
    expect(error, 'only typed errors escape an importer').toBeInstanceOf(VaultError);
    const vaultError = error as VaultError;
    expect(vaultError.details?.unexpected, vaultError.message).toBeUndefined();
    expect(['INVALID_INPUT', 'WRONG_PASSWORD']).toContain(vaultError.code);
    expect(vaultError.message).toContain(name);
    return { error: vaultError };
  }
}

describe('truncated and byte-flipped plain files', () => {
  it.each(PLAIN)('%s', async (path) => {
    const { vault } = await createTestVault();
    const { name, bytes } = corpusFile(path);
    for (const mutation of truncations(bytes, 12)) {
      const outcome = await tryImport(vault, name, mutation.bytes);
      if (!LINE_BASED.has(path) && cutsContent(bytes, mutation.bytes)) {
        expect('error' in outcome, `${path} ${mutation.what} is refused`).toBe(true);
      }
    }
    for (const mutation of flips(bytes, 60, bytes.length))
      await tryImport(vault, name, mutation.bytes);
    expect(vault.accounts.list()).toEqual([]);
    vault.close();
  });
});

describe('truncated and byte-flipped encrypted files', () => {
  it.each(ENCRYPTED)('%s', async (path, password) => {
    const { vault } = await createTestVault();
    const { name, bytes } = corpusFile(path);
    for (const mutation of [...truncations(bytes, 4), ...flips(bytes, 5, bytes.length)]) {
      const outcome = await tryImport(vault, name, mutation.bytes, password);
      if (mutation.bytes.length < bytes.length) {
        expect('error' in outcome, `${path} ${mutation.what} is refused`).toBe(true);
      }
    }
    expect(vault.accounts.list()).toEqual([]);
    vault.close();
  });
});

describe('edited ciphertext is told apart from a wrong password where the format allows it', () => {
  async function errorOf(
    path: string,
    password: string,
    edit: (json: Record<string, unknown>) => void,
  ) {
    const { vault } = await createTestVault();
    const { name, bytes } = corpusFile(path);
    const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
    edit(json);
    const outcome = await tryImport(
      vault,
      name,
      new Uint8Array(Buffer.from(JSON.stringify(json))),
      password,
    );
    vault.close();
    return 'error' in outcome ? outcome.error : null;
  }
  /** Swaps one Base64 character for another valid one, so only the decrypted bytes change. */
  const swapBase64 = (text: string, at: number) =>
    text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  it('Aegis: the content no longer decrypts although the slot opened', async () => {
    const error = await errorOf('aegis-tests/aegis_encrypted.json', 'test', (json) => {
      json.db = swapBase64(json.db as string, 10);
    });
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.message).toMatch(
      /aegis_encrypted\.json cannot be imported: .*edited or is damaged/,
    );
  });

  it('2FAS: the services no longer decrypt although the reference did', async () => {
    const error = await errorOf(
      'aegis-tests/2fas_authenticator_encrypted_v4.2fas',
      'test',
      (json) => {
        json.servicesEncrypted = swapBase64(json.servicesEncrypted as string, 10);
      },
    );
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.message).toMatch(/edited or is damaged/);
  });

  it('Bitwarden: the data no longer authenticates although the validation string did', async () => {
    const error = await errorOf('keepassxc-tests/bitwarden_encrypted_export.json', 'a', (json) => {
      json.data = swapBase64(json.data as string, 30);
    });
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.message).toMatch(/edited or is damaged/);
  });
});

describe('wrong passwords', () => {
  it.each(ENCRYPTED)('%s', async (path) => {
    const { vault } = await createTestVault();
    const { name, bytes } = corpusFile(path);
    const outcome = await tryImport(vault, name, bytes, 'not the password');
    expect('error' in outcome && outcome.error.code).toBe('WRONG_PASSWORD');
    expect('error' in outcome && outcome.error.message).toMatch(
      new RegExp(`^Wrong password for ${name.replace(/\./g, '\\.')}`),
    );
    expect(vault.accounts.list()).toEqual([]);
    vault.close();
  });
});

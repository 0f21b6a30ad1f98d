import { describe, expect, it } from 'vitest';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { findSecretsInFiles, secretForms, vaultFiles } from '../../support/secret-scan.js';
import { createTestVault } from '../../support/temp-vault.js';

describe('nothing readable on disk', () => {
  it('the vault file and its WAL hold no issuer, account name, note or seed, in any encoding', async () => {
    const { vault, path } = await createTestVault();
    const secret = '4SJHB4GSD43FZBAI7C2HLRJGPQ';
    vault.accounts.add({
      issuer: 'Zyxwvutsrq Bank',
      accountName: 'qwertyuiop@example.org',
      notes: 'recovery phrase lives in drawer seven',
      url: 'https://bank.zyxwvutsrq.example/login',
      seed: makeSeed({ secret }),
    });
    const secrets = [
      { label: 'issuer', forms: secretForms('Zyxwvutsrq') },
      { label: 'account name', forms: secretForms('qwertyuiop') },
      { label: 'notes', forms: secretForms('drawer seven') },
      { label: 'seed', forms: secretForms(secret, { base32: true }) },
    ];
    // While open, the change sits in the WAL; after closing it is checkpointed into the main file.
    expect(findSecretsInFiles(vaultFiles(path), secrets)).toEqual([]);
    vault.close();
    expect(findSecretsInFiles(vaultFiles(path), secrets)).toEqual([]);
  });

  it('the scan does find a secret written in plaintext (the check itself works)', async () => {
    const { vault, path } = await createTestVault();
    vault.close();
    const { appendFileSync } = await import('node:fs');
    appendFileSync(path, Buffer.from('4SJHB4GSD43FZBAI7C2HLRJGPQ'));
    expect(
      findSecretsInFiles(
        [path],
        [{ label: 'seed', forms: secretForms('4SJHB4GSD43FZBAI7C2HLRJGPQ', { base32: true }) }],
      ),
    ).toEqual([`seed in ${path}`]);
  });
});

import { describe, expect, it } from 'vitest';
import { findSecretsInFiles, secretForms, vaultFiles } from '../../support/secret-scan.js';
import { createTestVault } from '../../support/temp-vault.js';

describe('backup codes on disk', () => {
  it('no code (as issued or normalized), label or note is readable in the vault file or its WAL', async () => {
    const { vault, path } = await createTestVault();
    const accountId = vault.accounts.add({ issuer: 'Qwerty Site' }).id;
    const codes = ['qzx7m-k2p9w', 'VB4NT-R8J3H', '7310 2284', 'hqw7p2pv14wy'];
    const { set } = vault.backupCodes.add(accountId, {
      codes,
      label: 'shoebox under the stairs',
    });
    vault.backupCodes.use(accountId, { code: 'vb4ntr8j3h' }, 'signed in at grandmother house');
    vault.backupCodes.reveal(accountId, set.id);
    vault.backupCodes.copy(accountId, set.id, 4);
    vault.backupCodes.use(accountId, { code: '7310-2284' }, 'undone note about the ferry');
    vault.backupCodes.undo(accountId);

    const secrets = [
      ...codes.flatMap((code) => [
        { label: `code ${code}`, forms: secretForms(code) },
        {
          label: `normalized ${code}`,
          forms: secretForms(code.replace(/[\s-]/g, '').toLowerCase()),
        },
      ]),
      { label: 'label', forms: secretForms('shoebox under') },
      { label: 'note', forms: secretForms('grandmother house') },
      { label: 'undone note', forms: secretForms('about the ferry') },
    ];
    expect(findSecretsInFiles(vaultFiles(path), secrets)).toEqual([]);
    vault.close();
    expect(findSecretsInFiles(vaultFiles(path), secrets)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../../src/core/importers/import-plan.js';
import { corpusFile } from '../../support/corpus.js';
import { createTestVault, tempFolder } from '../../support/temp-vault.js';

/**
 * Issue 18's quirks, each on a real file of another project's test suite that
 * has it (tests/fixtures/importers/SOURCES.md), with the entries it must give.
 */

async function preview(file: string, password?: string): Promise<ImportPlan> {
  const { vault } = await createTestVault();
  try {
    return await vault.imports.preview([corpusFile(file)], { password: () => password });
  } finally {
    vault.close();
  }
}

describe('Base32 secrets of unusual lengths', () => {
  it('are accepted, kept exactly as given, warned about, and exported unchanged', async () => {
    const { vault } = await createTestVault();
    const plan = await vault.imports.preview([corpusFile('proton-tests/2fas/decrypted_ios.2fas')]);
    expect(plan.failed).toEqual([]);
    expect(plan.entries.map((entry) => [entry.issuer, entry.seed?.secret])).toEqual([
      ['Code1 2FAS', 'JDJDBDBDDBDBBXBXB'],
      ['Code2 2FAS', 'JDJDUZBXHSHDBXBXHBB'],
    ]);
    expect(plan.entries[0]?.warnings).toEqual([
      'its setup key is 80 bits long, under the 128 bits RFC 4226 asks for (kept as it is)',
      'its setup key has 17 characters, a length no whole number of bytes gives (its last 5 bits are ignored, as other apps ignore them)',
    ]);
    vault.imports.commit(plan);
    const out = join(tempFolder(), 'links.txt');
    await vault.exports.writeFile('otpauth', out);
    const links = readFileSync(out, 'utf8');
    expect(links).toContain('secret=JDJDBDBDDBDBBXBXB&');
    expect(links).toContain('secret=JDJDUZBXHSHDBXBXHBB&');
    vault.close();
  });

  it('of 9, 11 and 22 characters in Ente and LastPass exports too', async () => {
    const low = await preview('proton-tests/ente/encrypted.lowcomplexity.txt', 'password');
    expect(low.entries.find((entry) => entry.seed?.type === 'steam')?.seed?.secret).toBe(
      'AAAAAAAAA',
    );
    const manual = await preview('proton-tests/2fas/decrypted_with_manual_entries.2fas');
    expect(manual.entries.find((entry) => entry.issuer === 'Manual')?.seed?.secret).toBe(
      'hssjdhhxhxh',
    );
    const lastPass = await preview('proton-tests/lastpass/lastpass_missing_fields.json');
    expect(lastPass.entries[0]?.seed?.secret).toBe('CDJDHHDHXHXBXBHNDDNNDN');
  });
});

describe('a Bitwarden CSV whose rows have more columns than its header', () => {
  it('is read by the header’s names (6 in the header, 9 in the rows)', async () => {
    const plan = await preview('proton-ios-tests/bitwarden.csv');
    expect(plan.failed).toEqual([]);
    expect(
      plan.entries.map((entry) => [entry.issuer, entry.accountName, entry.seed?.type]),
    ).toEqual([
      ['ISSUER', 'LABEL_256_8_15', 'totp'],
      ['ISSUER_DEFAULT', 'LABEL_DEFAULT', 'totp'],
      ['SteamName', '', 'steam'],
      ['SevenDigits', 'Seven digit username', 'totp'],
    ]);
    expect(plan.entries[0]?.warnings).toContain(
      "its row has 3 values past the header's columns, which were not read",
    );
  });
});

describe('an Ente encrypted export in one chunk not tagged final', () => {
  it('decrypts (Proton Authenticator’s 256 MiB × 16 test export) and gives its three entries', async () => {
    const plan = await preview('proton-tests/ente/encrypted.nominalcomplexity.txt', 'password');
    expect(plan.files[0]).toMatchObject({ format: 'ente-encrypted', encrypted: true });
    expect(
      plan.entries.map((entry) => [entry.issuer, entry.accountName, entry.seed?.type]),
    ).toEqual([
      ['HOTPISSUER', 'HOTPACCOUNT', 'hotp'],
      ['MYISSUER', 'MYLABEL', 'totp'],
      ['Steam', 'STEAMACCOUNT', 'steam'],
    ]);
  }, 60_000);
});

describe('a Google transfer export with # comments and blank lines', () => {
  it('is recognised without --format; comments are not entries; a colon in a name without issuer stays', async () => {
    const plan = await preview('scito-tests/example_export.txt');
    expect(plan.files[0]?.format).toBe('google-migration');
    expect(plan.failed).toEqual([]);
    expect(
      plan.entries.map((entry) => [entry.issuer, entry.accountName, entry.seed?.type]),
    ).toEqual([
      ['raspberrypi', 'pi@raspberrypi', 'totp'],
      ['', 'pi@raspberrypi', 'totp'],
      ['', 'pi@raspberrypi', 'totp'],
      ['raspberrypi', 'pi@raspberrypi', 'totp'],
      ['', 'hotp demo', 'hotp'],
      ['', 'encoding: ¿äÄéÉ? (demo)', 'totp'],
    ]);
    expect(plan.entries[4]?.seed?.counter).toBe(4);
  });
});

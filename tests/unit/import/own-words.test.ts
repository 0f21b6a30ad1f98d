import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Vault } from '../../../src/core/vault.js';
import { corpusFile } from '../../support/corpus.js';
import { causeText, expectOwnWords, vaultRejectionOf } from '../../support/errors.js';
import { createTestVault } from '../../support/temp-vault.js';

/**
 * What an import says of a file it cannot read names the problem and the place
 * (the file, the entry, the field) in Sparekey's words: the parser's or the
 * decoder's own message stays on the error as its cause, out of the message.
 */
function preview(vault: Vault, name: string, bytes: Uint8Array | string, password?: string) {
  return vault.imports.preview(
    [{ name, bytes: typeof bytes === 'string' ? new Uint8Array(Buffer.from(bytes)) : bytes }],
    { password: () => password },
  );
}

/** The real Aegis export with its first entry changed by `edit`. */
function aegisWith(edit: (entry: Record<string, unknown>) => void): string {
  const file = JSON.parse(
    Buffer.from(corpusFile('aegis-tests/aegis_plain.json').bytes).toString('utf8'),
  ) as { db: { entries: Record<string, unknown>[] } };
  edit(file.db.entries[0]!);
  return JSON.stringify(file);
}

describe("an entry that does not fit its format's shape", () => {
  it("names the entry and the field, and says what the field should be, without zod's text", async () => {
    const { vault } = await createTestVault();
    const zodText = z.number().safeParse('six').error!.issues[0]!.message;
    const plan = await preview(
      vault,
      'aegis.json',
      aegisWith((entry) => {
        (entry.info as Record<string, unknown>).digits = 'six';
      }),
    );
    const failure = plan.failed[0]!;
    expect(failure).toMatchObject({
      file: 'aegis.json',
      reason: 'its "info.digits" field should be a number, not text',
    });
    expect(failure.label).toMatch(/^entry 1 \(/);
    expectOwnWords(failure.reason, zodText);
    vault.close();
  });

  it('says a field is missing, or the entry is not a group of fields', async () => {
    const { vault } = await createTestVault();
    const missing = await preview(
      vault,
      'aegis.json',
      aegisWith((entry) => {
        delete (entry.info as Record<string, unknown>).secret;
      }),
    );
    expect(missing.failed[0]?.reason).toBe('its "info.secret" field is missing');

    const file = JSON.parse(aegisWith(() => undefined)) as { db: { entries: unknown[] } };
    file.db.entries[0] = ['a list', 'where an entry goes'];
    const listed = await preview(vault, 'aegis.json', JSON.stringify(file));
    expect(listed.failed[0]?.reason).toBe('the entry should be a group of fields, not a list');
    vault.close();
  });
});

describe('a damaged file', () => {
  it('a PNG cut short', async () => {
    const { vault } = await createTestVault();
    const png = PNG.sync.write(new PNG({ width: 64, height: 64 }));
    const error = await vaultRejectionOf(
      preview(vault, 'cut.png', new Uint8Array(png.subarray(0, png.length / 2))),
    );
    expect(error.message).toBe(
      'cut.png cannot be imported: the PNG image is damaged or cut short.',
    );
    expectOwnWords(error.message, causeText(error));
    vault.close();
  });

  it('a JPEG cut short', async () => {
    const { vault } = await createTestVault();
    const image = jpeg.encode(
      { width: 64, height: 64, data: Buffer.alloc(64 * 64 * 4, 0xff) },
      90,
    ).data;
    const error = await vaultRejectionOf(
      preview(vault, 'cut.jpg', new Uint8Array(image.subarray(0, 200))),
    );
    expect(error.message).toBe(
      'cut.jpg cannot be imported: the JPEG image is damaged or cut short.',
    );
    expectOwnWords(error.message, causeText(error));
    vault.close();
  });

  it('a Bitwarden CSV export whose quoting is broken', async () => {
    const { vault } = await createTestVault();
    const csv = Buffer.from(corpusFile('aegis-tests/bitwarden.csv').bytes).toString('utf8');
    const [head, ...rows] = csv.split('\n');
    const unclosed = await vaultRejectionOf(
      preview(vault, 'bitwarden.csv', [head, `"${rows[0]}`, ...rows.slice(1)].join('\n')),
    );
    expect(unclosed.message).toBe(
      'bitwarden.csv cannot be imported: it is not valid CSV: a quoted field is never closed (the file ends inside it); the file is truncated or was edited.',
    );
    expectOwnWords(unclosed.message, causeText(unclosed));

    const broken = await vaultRejectionOf(
      preview(vault, 'bitwarden.csv', [head, `"a"b${rows[0]}`, ...rows.slice(1)].join('\n')),
    );
    expect(broken.message).toBe(
      'bitwarden.csv cannot be imported: it is not valid CSV: its quoting is broken on line 2; the file is truncated or was edited.',
    );
    expectOwnWords(broken.message, causeText(broken));
    vault.close();
  });

  it('a KeePass database cut short, in its header or after it', async () => {
    const { vault } = await createTestVault();
    const { bytes } = corpusFile('keepassxc-tests/Format400.kdbx');
    const header = await vaultRejectionOf(preview(vault, 'db.kdbx', bytes.slice(0, 40), 't'));
    expect(header.message).toBe(
      'db.kdbx cannot be imported: its KeePass header does not read; the file is truncated or was edited.',
    );
    expectOwnWords(header.message, causeText(header));

    const body = await vaultRejectionOf(
      preview(vault, 'db.kdbx', bytes.slice(0, bytes.length - 100), 't'),
    );
    expect(body.message).toBe(
      'db.kdbx cannot be imported: it does not read as a KeePass database; the file is truncated or was edited.',
    );
    expectOwnWords(body.message, causeText(body));
    vault.close();
  });
});

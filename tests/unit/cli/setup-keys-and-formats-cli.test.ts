import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../support/cli.js';
import { writeKdbx } from '../../support/kdbx-files.js';

/**
 * The CLI side of setup keys as typed (issue 16 item 5) and the new formats
 * (issue 18): `add` warns about a short key and keeps it as given; `import`
 * reads a maFile and a KeePass database with its key file; `export` writes KDBX.
 */
const { sandbox, cli } = cliSandbox('cli formats password');

describe('sparekey add with a setup key', () => {
  it('keeps "hello world" as typed, warns that it is 48 bits, and writes it back compact', async () => {
    await cli(['init']);
    const added = await cli(['add', 'Example', '--secret', 'hello world']);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('Added Example');
    expect(added.stderr).toContain(
      'Warning: This setup key is 48 bits long; RFC 4226 asks for at least 128 (160 recommended).',
    );
    const shown = await cli(['show', 'example', '--reveal']);
    expect(shown.stdout).toContain('secret:   hello world');
    expect(shown.stdout).toContain('secret=HELLOWORLD&');
  });

  it('warns for a length no whole number of bytes gives, and not for a normal 160-bit key', async () => {
    await cli(['init']);
    const odd = await cli(['add', 'Odd', '--secret', 'JDJDBDBDDBDBBXBXB']);
    expect(odd.code).toBe(0);
    expect(odd.stderr).toContain(
      'Warning: This setup key has 17 characters, a length no whole number of bytes gives',
    );
    const good = await cli(['add', 'Good', '--secret', 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ']);
    expect(good.stderr).not.toContain('Warning');
  });

  it('takes a Steam shared_secret in base64 with --type steam', async () => {
    await cli(['init']);
    const sharedSecret = Buffer.from('0123456789abcdefghij').toString('base64');
    const added = await cli(['add', 'Steam', '--type', 'steam', '--secret', sharedSecret]);
    expect(added.code).toBe(0);
    expect(added.stderr).not.toContain('Warning');
    const code = await cli(['code', 'steam']);
    expect(code.stdout.trim()).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });
});

describe('sparekey import of the new formats', () => {
  it('imports a Steam Desktop Authenticator maFile', async () => {
    await cli(['init']);
    const path = join(sandbox.home, '76561197960287930.maFile');
    writeFileSync(
      path,
      JSON.stringify({
        shared_secret: Buffer.from('0123456789abcdefghij').toString('base64'),
        account_name: 'gaben',
        revocation_code: 'R12345',
      }),
    );
    const result = await cli(['import', path, '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Steam Desktop Authenticator maFile');
    expect(result.stderr).toContain('Imported 1 account.');
    expect((await cli(['list'])).stdout).toMatch(/Steam\s+gaben/);
  });

  it('imports a KeePass database with its key file alone, off a terminal', async () => {
    await cli(['init']);
    const keyFile = new Uint8Array(Buffer.from('key file content'));
    const keyPath = join(sandbox.home, 'db.keyx');
    writeFileSync(keyPath, keyFile);
    const dbPath = join(sandbox.home, 'db.kdbx');
    writeFileSync(
      dbPath,
      await writeKdbx(
        [
          {
            fields: {
              Title: 'GitHub',
              UserName: 'me',
              otp: 'otpauth://totp/GitHub:me?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
            },
          },
        ],
        { password: null, keyFile },
      ),
    );
    const result = await cli(['import', dbPath, '--key-file', keyPath, '--yes']);
    expect(result.stderr).toContain('Imported 1 account.');
    expect(result.code).toBe(0);
  });

  it('exports KDBX with a password from SPAREKEY_EXPORT_PASSWORD, readable by the importer', async () => {
    await cli(['init']);
    await cli(['add', 'GitHub', '--account', 'me', '--secret', 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ']);
    const out = join(sandbox.home, 'copy.kdbx');
    const exported = await cli(['export', '--format', 'kdbx', '--out', out], {
      env: { SPAREKEY_EXPORT_PASSWORD: 'export password 1' },
    });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('as a KeePass database (KDBX 4) for KeePassXC or KeePass');
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from([0x03, 0xd9, 0xa2, 0x9a]));
  });
});

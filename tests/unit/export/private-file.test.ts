import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateFolder, writePrivateFile } from '../../../src/core/exporters/private-file.js';
import { fileProblem } from '../../../src/core/file-problem.js';
import { causeText, expectOwnWords, vaultErrorOf } from '../../support/errors.js';
import { tempFolder } from '../../support/temp-vault.js';

/** Files Sparekey writes: a failure names the file and the problem in words, the system's error kept as the cause. */
describe('writing a private file where the system refuses', () => {
  it('into a folder that does not exist', () => {
    const path = join(tempFolder(), 'missing', 'export.json');
    const error = vaultErrorOf(() => writePrivateFile(path, '{}'));
    expect(error).toMatchObject({ code: 'IO_ERROR', details: { path } });
    expect(error.message).toBe(`Cannot write ${path}: its folder does not exist.`);
    expectOwnWords(error.message, causeText(error));
  });

  it('below a file, as if it were a folder', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'notes.txt'), 'a file');
    const path = join(folder, 'notes.txt', 'export.json');
    const error = vaultErrorOf(() => writePrivateFile(path, '{}'));
    expect(error.message).toBe(`Cannot write ${path}: a part of the path is a file, not a folder.`);
    expectOwnWords(error.message, causeText(error));

    const below = join(folder, 'notes.txt', 'backups');
    const folderError = vaultErrorOf(() => ensurePrivateFolder(below));
    expect(folderError.message).toBe(
      `Cannot create the folder ${below}: a part of the path is a file, not a folder.`,
    );
    expectOwnWords(folderError.message, causeText(folderError));
  });

  it('over an existing file: refused, never overwritten', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'export.json'), 'kept');
    const error = vaultErrorOf(() => writePrivateFile(join(folder, 'export.json'), '{}'));
    expect(error.code).toBe('REFUSED');
    expect(error.message).toMatch(/already exists; Sparekey does not overwrite files/);
    expect(readFileSync(join(folder, 'export.json'), 'utf8')).toBe('kept');
  });
});

describe('fileProblem', () => {
  it('words the common system errors, and any other, without their codes', () => {
    for (const code of ['ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EISDIR', 'EIO', 'EXYZ']) {
      const error = Object.assign(new Error(`${code}: the system's text, open '/x'`), { code });
      for (const doing of ['read', 'write'] as const) {
        const phrase = fileProblem(error, doing);
        expect(phrase.length).toBeGreaterThan(0);
        expectOwnWords(phrase, error.message);
      }
    }
    expect(fileProblem(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'write')).toBe(
      'the disk is full',
    );
  });
});

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of DESIGN.md are lint rules; this proves they fire where they should. */
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (
    result?.messages.filter((message) => message.ruleId === 'no-restricted-imports').length ?? 0
  );
}

describe('layer rules', () => {
  it.each([
    ['src/main/vault/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/main/api/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'src/shared/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
    ],
    ['src/shared/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['src/renderer/src/x.ts', "import { join } from 'path';\nexport const a = join;\n"],
    ['src/renderer/src/x.ts', "import argon2 from 'argon2';\nexport const a = argon2;\n"],
    [
      'src/renderer/src/x.ts',
      "import { Vault } from '../../main/vault/vault.js';\nexport const a = Vault;\n",
    ],
  ])('%s may not import that', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(1);
  });

  it.each([
    ['src/main/index.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'src/preload/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
    ],
    [
      'src/main/vault/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
    ],
  ])('%s may import that', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});

describe('fields leave no text in Chromium’s saved page state', () => {
  async function autoCompleteFindings(code: string): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath: 'src/renderer/src/x.tsx' });
    return (
      result?.messages.filter((message) => message.ruleId === 'no-restricted-syntax').length ?? 0
    );
  }

  it('refuses a field or form without autoComplete', async () => {
    expect(await autoCompleteFindings('export const a = <textarea value="" />;\n')).toBe(1);
    expect(await autoCompleteFindings('export const a = <input value="" />;\n')).toBe(1);
    expect(await autoCompleteFindings('export const a = <form />;\n')).toBe(1);
  });

  it('accepts "off" and a password field’s token', async () => {
    expect(await autoCompleteFindings('export const a = <textarea autoComplete="off" />;\n')).toBe(
      0,
    );
    expect(
      await autoCompleteFindings(
        'export const a = <input type="password" autoComplete="new-password" />;\n',
      ),
    ).toBe(0);
  });
});

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer graph of docs/architecture.md is a set of lint rules; this proves each fires
 * where it should, on sample files placed in each layer (paths are resolved, so the
 * imported files are real ones).
 */
const eslint = new ESLint();

async function findings(filePath: string, code: string, rule: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.filter((message) => message.ruleId === rule).length ?? 0;
}

const importOf = (what: string, from: string): string =>
  `import { ${what} } from '${from}';\nexport const a = ${what};\n`;

describe('packages each layer may not import', () => {
  it.each([
    ['src/core/x.ts', importOf('app', 'electron')],
    ['src/main/api/x.ts', importOf('app', 'electron')],
    ['src/main/shell-policy/x.ts', importOf('app', 'electron')],
    ['src/cli/x.ts', importOf('app', 'electron')],
    ['src/shared/x.ts', importOf('readFileSync', 'node:fs')],
    ['src/shared/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['src/renderer/src/x.ts', importOf('join', 'path')],
    ['src/renderer/src/x.ts', "import argon2 from 'argon2';\nexport const a = argon2;\n"],
  ])('%s may not import that', async (file, code) => {
    expect(await findings(file, code, 'no-restricted-imports')).toBe(1);
  });

  it.each([
    ['src/main/index.ts', importOf('app', 'electron')],
    ['src/preload/x.ts', importOf('ipcRenderer', 'electron')],
    ['src/core/x.ts', importOf('readFileSync', 'node:fs')],
  ])('%s may import that', async (file, code) => {
    expect(await findings(file, code, 'no-restricted-imports')).toBe(0);
  });
});

describe('the layer graph: shared ← core ← {main/api, cli} ← main shell; renderer, preload ← shared', () => {
  const crossings = (file: string, code: string) =>
    findings(file, code, 'import-x/no-restricted-paths');

  it.each([
    ['src/shared/x.ts', importOf('Vault', '../core/index.js')],
    ['src/core/x.ts', importOf('dispatch', '../main/api/dispatch.js')],
    ['src/core/x.ts', importOf('runCli', '../cli/run.js')],
    ['src/renderer/src/x.ts', importOf('Vault', '../../core/index.js')],
    ['src/renderer/src/x.ts', importOf('dispatch', '../../main/api/dispatch.js')],
    ['src/preload/x.ts', importOf('Vault', '../core/index.js')],
    ['src/cli/x.ts', importOf('dispatch', '../main/api/dispatch.js')],
    ['src/main/api/x.ts', importOf('bindIpc', '../ipc.js')],
    ['src/main/api/x.ts', importOf('runCli', '../../cli/run.js')],
    ['src/main/x.ts', importOf('runCli', '../cli/run.js')],
  ])('%s may not import that', async (file, code) => {
    expect(await crossings(file, code)).toBe(1);
  });

  it.each([
    ['src/cli/x.ts', importOf('Vault', '../core/vault.js')],
    ['src/main/api/x.ts', importOf('RecordStore', '../../core/storage/records.js')],
    ['src/main/x.ts', importOf('systemClock', '../core/clock.js')],
  ])('%s reaches inside the core instead of through its index', async (file, code) => {
    expect(await crossings(file, code)).toBe(1);
  });

  it.each([
    ['src/cli/x.ts', importOf('Vault', '../core/index.js')],
    ['src/main/api/x.ts', importOf('Vault', '../../core/index.js')],
    ['src/main/x.ts', importOf('dispatch', './api/dispatch.js')],
    ['src/core/x.ts', importOf('VaultError', '../shared/errors.js')],
    ['src/core/accounts/x.ts', importOf('RecordStore', '../storage/records.js')],
    ['src/renderer/src/x.ts', importOf('METHOD_NAMES', '../../shared/contract/index.js')],
  ])('%s may import that', async (file, code) => {
    expect(await crossings(file, code)).toBe(0);
  });
});

describe('no import circles', () => {
  it('refuses a module that imports one that imports it back', async () => {
    // src/core/clock.ts is imported by src/core/vault.ts; a clock importing the vault closes a circle.
    const code = importOf('Vault', './vault.js');
    expect(await findings('src/core/clock.ts', code, 'import-x/no-cycle')).toBe(1);
  });

  it('accepts the same import where no path leads back', async () => {
    const code = importOf('systemClock', './clock.js');
    expect(await findings('src/core/x.ts', code, 'import-x/no-cycle')).toBe(0);
  });
});

describe('fields leave no text in Chromium’s saved page state', () => {
  async function autoCompleteFindings(code: string): Promise<number> {
    return findings('src/renderer/src/x.tsx', code, 'no-restricted-syntax');
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

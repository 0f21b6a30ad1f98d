import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeEach } from 'vitest';
import type * as PlaywrightCore from 'playwright-core';
import { findTestBrowser } from '../preflight/browser.mjs';
import { tempFolder } from './temp-vault.js';

export const CLI_PATH = resolve('out/cli/index.js');

/**
 * The CLI finds a system Chromium or Chrome itself, as it does for a user. A
 * browser the tests were pointed at (SPAREKEY_CHROMIUM, which the CLI's clean
 * environment does not inherit) or Playwright's own (under HOME, which the
 * tests replace) is handed to it through SPAREKEY_CHROMIUM.
 */
function browserForCli(): Record<string, string> {
  const where = { platform: process.platform, env: process.env, exists: existsSync };
  let found = findTestBrowser({ ...where, playwrightChromium: () => null });
  if (found === null) {
    const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof PlaywrightCore;
    found = findTestBrowser({ ...where, playwrightChromium: () => chromium.executablePath() });
  }
  return found === null || found.kind === 'system'
    ? {}
    : { SPAREKEY_CHROMIUM: found.executablePath };
}
const CLI_BROWSER = browserForCli();

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a child process, the way a user runs it, with an
 * environment of its own (no inherited SPAREKEY_* variables, a private HOME).
 */
export function runCli(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    input?: string;
    home: string;
    /** Close the reading end of stdout at once, before the CLI writes (a reader that went away). */
    closedStdout?: boolean;
  },
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: options.home,
        XDG_CONFIG_HOME: join(options.home, '.config'),
        ...CLI_BROWSER,
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (options.closedStdout) child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Per test: a private HOME with a vault path in it, and `cli(args)` running the
 * CLI there with SPAREKEY_VAULT and SPAREKEY_PASSWORD set (extra variables can
 * be added or, with undefined, removed).
 */
export function cliSandbox(password: string) {
  const sandbox = { home: '', vaultPath: '', env: {} as Record<string, string> };
  beforeEach(() => {
    sandbox.home = tempFolder();
    sandbox.vaultPath = join(sandbox.home, 'cli.sparekey');
    sandbox.env = { SPAREKEY_VAULT: sandbox.vaultPath, SPAREKEY_PASSWORD: password };
  });
  const cli = (
    args: string[],
    extra: { env?: Record<string, string | undefined>; input?: string } = {},
  ) =>
    runCli(args, {
      home: sandbox.home,
      input: extra.input,
      env: { ...sandbox.env, ...extra.env },
    });
  return { sandbox, cli };
}

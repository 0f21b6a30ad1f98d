import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeEach } from 'vitest';
import { tempFolder } from './temp-vault.js';

export const CLI_PATH = resolve('out/cli/index.js');

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

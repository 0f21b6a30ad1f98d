import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../../support/cli.js';

/**
 * docs/cli.md and the real CLI's --help cannot drift apart: every command,
 * option and environment variable the page names exists in --help, and every
 * command the CLI has is on the page.
 */
const run = promisify(execFile);
const DOC = readFileSync('docs/cli.md', 'utf8');

interface HelpPage {
  /** The command's path, e.g. ['codes', 'use']; [] for the program. */
  path: string[];
  text: string;
  options: Set<string>;
  /** Subcommands: name → aliases. */
  commands: Map<string, string[]>;
}

function section(text: string, title: string): string[] {
  const start = text.indexOf(`\n${title}:\n`);
  if (start === -1) return [];
  const lines = text.slice(start + title.length + 3).split('\n');
  const end = lines.findIndex((line) => line !== '' && !line.startsWith(' '));
  return (end === -1 ? lines : lines.slice(0, end)).filter((line) => /^ {2}\S/.test(line));
}

async function helpOf(path: string[]): Promise<HelpPage> {
  const { stdout } = await run(process.execPath, [CLI_PATH, ...path, '--help'], {
    env: { PATH: process.env.PATH, HOME: '/nonexistent' },
  });
  const options = new Set(
    section(stdout, 'Options').flatMap((line) =>
      [...line.matchAll(/(?<=^ {2}|, )--?[\w-]+/g)].map((m) => m[0]),
    ),
  );
  const commands = new Map(
    section(stdout, 'Commands')
      .map((line) => line.trim().split(/\s/)[0] ?? '')
      .filter((name) => name !== 'help')
      .map((name) => {
        const [main = '', ...aliases] = name.split('|');
        return [main, aliases] as const;
      }),
  );
  return { path, text: stdout, options, commands };
}

/** Every help page of the CLI: the program, each command, each subcommand. */
let pages: HelpPage[];
beforeAll(async () => {
  const root = await helpOf([]);
  pages = [root];
  let level = [root];
  while (level.length > 0) {
    const next = await Promise.all(
      level.flatMap((page) =>
        [...page.commands.keys()].map((name) => helpOf([...page.path, name])),
      ),
    );
    pages.push(...next);
    level = next;
  }
}, 60_000);

const pageOf = (path: string[]) => pages.find((page) => page.path.join(' ') === path.join(' '));
const GLOBAL = () => pageOf([])!.options;

/**
 * `sparekey …` as the page writes it: in code blocks (one a line) and in inline
 * code, each command of a pipeline or `$(…)` on its own, comments left out.
 */
function documentedInvocations(): string[][] {
  const lines = [
    ...[...DOC.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((block) =>
      (block[1] ?? '').split('\n'),
    ),
    ...[...DOC.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? ''),
  ];
  return lines
    .map((line) => line.replace(/\s+#.*$/, ''))
    .flatMap((line) => line.split(/\||&&|;|\$\(|\)/))
    .map((segment) => segment.trim())
    .filter((segment) => segment.startsWith('sparekey '))
    .map((segment) => segment.split(/\s+/).slice(1));
}

/** The command a documented invocation runs (aliases resolved), and the options it passes. */
function resolve(words: string[]): { path: string[]; options: string[] } {
  const path: string[] = [];
  let page = pageOf([])!;
  for (const word of words) {
    if (word.startsWith('-')) continue;
    const name = [...page.commands].find(
      ([main, aliases]) => main === word || aliases.includes(word),
    )?.[0];
    if (name === undefined) break;
    path.push(name);
    page = pageOf(path)!;
  }
  const options = words
    .filter((word) => /^--?[a-zA-Z]/.test(word))
    .map((word) => word.split('=')[0]!);
  return { path, options };
}

describe('docs/cli.md against sparekey --help', () => {
  it('reads every help page of the real CLI', () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(pageOf(['codes', 'use'])?.options).toContain('--number');
  });

  it('every command the page runs exists, with the options it gives it', () => {
    const invocations = documentedInvocations();
    expect(invocations.length).toBeGreaterThan(50);
    for (const words of invocations) {
      const { path, options } = resolve(words);
      const where = `sparekey ${words.join(' ')}`;
      const named = words.find((word) => !word.startsWith('-'));
      if (named?.startsWith('<')) continue; // `sparekey <command> --help`: a placeholder
      // Only options (`sparekey --help`): the program's own.
      if (named !== undefined) expect(path.length, `${where}: no such command`).toBeGreaterThan(0);
      const known = new Set([...GLOBAL(), ...pageOf(path)!.options]);
      // Commander reads an option given after a subcommand's name on its parent command too.
      for (let depth = 1; depth < path.length; depth++) {
        for (const option of pageOf(path.slice(0, depth))!.options) known.add(option);
      }
      for (const option of options) expect(known, `${where}: ${option}`).toContain(option);
    }
  });

  it('every option the page names anywhere is an option of some command', () => {
    const all = new Set(pages.flatMap((page) => [...page.options]));
    const named = new Set([...DOC.matchAll(/(?<![\w-])--[a-z][\w-]*/g)].map((match) => match[0]));
    for (const option of named) expect(all, option).toContain(option);
  });

  it('every environment variable the page names is in --help', () => {
    const help = pages.map((page) => page.text).join('\n');
    const named = new Set([...DOC.matchAll(/\b(SPAREKEY_[A-Z_]+|NO_COLOR)\b/g)].map((m) => m[1]!));
    expect(named.size).toBeGreaterThan(5);
    for (const variable of named) expect(help, variable).toContain(variable);
  });

  it('every command the CLI has is on the page', () => {
    const documented = new Set(
      documentedInvocations().map((words) => resolve(words).path.join(' ')),
    );
    // A group that only holds subcommands (codes, contacts, methods) is documented through them.
    const onlyAGroup = (page: HelpPage) =>
      /^Usage: sparekey [\w ]+ \[options\] \[command\]$/m.test(page.text);
    for (const page of pages) {
      if (page.path.length === 0 || onlyAGroup(page)) continue;
      expect(documented, `sparekey ${page.path.join(' ')}`).toContain(page.path.join(' '));
    }
  });
});

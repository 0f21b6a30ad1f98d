import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fenceProblems } from '../../support/markdown-fences.js';

/** Every Markdown file in the repository renders: each code fence names its language and is closed. */
const MARKDOWN_FILES = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter(Boolean);

describe('Markdown code fences', () => {
  it('finds the Markdown files', () => {
    expect(MARKDOWN_FILES).toContain('README.md');
    expect(MARKDOWN_FILES).toContain('docs/cli.md');
  });

  it.each(MARKDOWN_FILES)('%s: every code fence names its language and is closed', (file) => {
    expect(fenceProblems(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches the README’s stray fence, which turned the rest of the file into code', () => {
    const broken = [
      '```sh',
      'sparekey list',
      '```',
      '- a bullet',
      '  sparekey import x.json',
      '',
      '```',
      '',
      '### Importing',
      '',
      '```sh',
      'sparekey import a.json',
      '```',
    ].join('\n');
    // Counted, its fences balance (the last one closes the stray block): only the bare fence shows it.
    expect(fenceProblems(broken)).toEqual([{ line: 7, problem: 'opens without a language' }]);
  });

  it('follows CommonMark: the same character, at least as long, in lists and quotes', () => {
    expect(fenceProblems('````md\n```sh\nx\n```\n````\n')).toEqual([]);
    expect(fenceProblems('~~~text\n```\n~~~\n')).toEqual([]);
    expect(fenceProblems('```text\n~~~\n')).toEqual([{ line: 1, problem: 'never closed' }]);
    expect(fenceProblems('```text\ncode\n``` not a close\n')).toEqual([
      { line: 1, problem: 'never closed' },
    ]);
    expect(fenceProblems('- item\n\n  ```sh\n  x\n  ```\n')).toEqual([]);
    expect(fenceProblems('> ```text\n> quoted\n> ```\n')).toEqual([]);
    expect(fenceProblems('Inline ```code``` is not a fence.\n')).toEqual([]);
    expect(fenceProblems('```js `x`\n')).toEqual([]);
  });
});

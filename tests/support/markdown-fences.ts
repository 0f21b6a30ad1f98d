/**
 * Code fences (``` or ~~~) that break how a Markdown file renders:
 *
 * - one opened and never closed: CommonMark runs the block to the end of the
 *   document (or of the list item or quote holding it);
 * - one opened without a language (markdownlint's MD040): every fence in these
 *   docs names one (`sh`, `ts`, `text`…), so a bare fence can only be a closing
 *   one. A stray closing fence (an extra ```, or one lost by an edit) then
 *   shows up at once, instead of silently turning the text after it into code
 *   until the next fence, as it did in the README.
 *
 * A fence closes with the same character, at least as long, and nothing after
 * it; a fence line may sit in a list item (indented) or a block quote ("> ").
 */
export interface FenceProblem {
  /** 1-based line of the opening fence. */
  line: number;
  problem: 'never closed' | 'opens without a language';
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;

export function fenceProblems(markdown: string): FenceProblem[] {
  const problems: FenceProblem[] = [];
  let open: { line: number; fence: string } | null = null;
  markdown.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/^(\s*>)+/, '').trimStart();
    const match = FENCE.exec(text);
    if (match === null) return;
    const fence = match[1] ?? '';
    const info = (match[2] ?? '').trim();
    if (open === null) {
      // A backtick fence's info string cannot hold a backtick (that is inline code).
      if (fence.startsWith('`') && info.includes('`')) return;
      open = { line: index + 1, fence };
      if (info === '') problems.push({ line: index + 1, problem: 'opens without a language' });
    } else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && info === '') {
      open = null;
    }
  });
  if (open !== null)
    problems.push({ line: (open as { line: number }).line, problem: 'never closed' });
  return problems;
}

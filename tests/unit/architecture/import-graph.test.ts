import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * ESLint's import-x/no-cycle skips type-only imports (they vanish at run time). A circle
 * through types still ties two features together, so this reads the whole src/ import
 * graph, types included, with TypeScript's own parser and resolver, and looks for circles.
 */
const root = resolve(import.meta.dirname, '../../..');
const compilerOptions: ts.CompilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  allowJs: false,
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets: string[] = [];
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(fileName, file, compilerOptions, ts.sys).resolvedModule
        ?.resolvedFileName;
      if (resolved !== undefined && !resolved.includes('node_modules')) targets.push(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Every circle, each as the files it passes through (Tarjan's strongly connected components). */
function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = graph.get(node)?.includes(node) ?? false;
      if (component.length > 1 || selfLoop) found.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/**
 * Each feature's record kinds and schemas live in its `*-records.ts`; only files of
 * that feature's folder may import them. Another feature reads that data through the
 * owning service. (The backups' `backup-state.ts` is also the state their service
 * returns, so it is not one of these files.)
 */
function recordReadsAcrossFeatures(graph: Map<string, string[]>): string[] {
  const crossings: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const owned = target.endsWith('-records.ts');
      if (owned && dirname(target) !== dirname(file)) {
        crossings.push(`${relative(root, file)} → ${relative(root, target)}`);
      }
    }
  }
  return crossings;
}

describe('the import graph, type-only imports included', () => {
  it('has no circle anywhere in src/', () => {
    const found = circles(importGraph(sourceFiles(join(root, 'src')))).map((component) =>
      component.map((file) => relative(root, file)).sort(),
    );
    expect(found).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const a = join(root, 'src/a.ts');
    const b = join(root, 'src/b.ts');
    const c = join(root, 'src/c.ts');
    expect(
      circles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toHaveLength(1);
    expect(
      circles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toHaveLength(0);
  });

  it('no feature imports another feature’s records', () => {
    expect(recordReadsAcrossFeatures(importGraph(sourceFiles(join(root, 'src'))))).toEqual([]);
  });

  it('finds a feature importing another’s records (the check itself works)', () => {
    const sheets = join(root, 'src/core/sheets/sheets.ts');
    const codeSets = join(root, 'src/core/backup-codes/code-set-records.ts');
    const service = join(root, 'src/core/backup-codes/backup-codes.ts');
    expect(
      recordReadsAcrossFeatures(
        new Map([
          [sheets, [codeSets]],
          [service, [codeSets]],
        ]),
      ),
    ).toEqual(['src/core/sheets/sheets.ts → src/core/backup-codes/code-set-records.ts']);
  });
});

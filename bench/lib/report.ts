import { cpus, totalmem, release, platform, arch } from 'node:os';
import Database from 'better-sqlite3';

/**
 * Collects the figures of one run: every figure a target names is printed as
 * `name: value unit (target …)`, and the whole report becomes docs/benchmarks.md.
 */
export class Report {
  private readonly lines: string[] = [];

  section(title: string, method: string): void {
    this.lines.push('', `## ${title}`, '', method, '');
    console.log(`\n== ${title}`);
  }

  /** A figure with a target: printed as `name: value unit (target …)`. */
  target(name: string, value: string, target: string, met: boolean): void {
    const line = `${name}: ${value} (target ${target}${met ? ', met' : ', NOT met'})`;
    console.log(line);
    this.lines.push(`- **${name}**: ${value} (target ${target}: ${met ? 'met' : '**not met**'})`);
  }

  figure(name: string, value: string): void {
    console.log(`${name}: ${value}`);
    this.lines.push(`- ${name}: ${value}`);
  }

  table(header: string[], rows: string[][]): void {
    this.lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const row of rows) this.lines.push(`| ${row.join(' | ')} |`);
    this.lines.push('');
    for (const row of rows) console.log(`  ${row.join('  ')}`);
  }

  note(text: string): void {
    this.lines.push('', text, '');
  }

  markdown(startedAt: Date, durationMs: number): string {
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const sqlite = (
      new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }
    ).v;
    return [
      '# Benchmarks',
      '',
      'Written by `npm run bench`. Benchmarks report; they never fail a build. Figures are',
      'medians of several runs (p50/p99 where stated); every ratio compares two',
      'contenders measured alternately in the same run, so it holds better than the',
      'absolute times, which vary from machine to machine.',
      '',
      `- Run: ${startedAt.toISOString()} (${(durationMs / 1000).toFixed(0)} s)`,
      `- Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()} ${arch()}`,
      `- Node ${process.versions.node}, SQLite ${sqlite}`,
      ...this.lines,
      '',
    ].join('\n');
  }
}

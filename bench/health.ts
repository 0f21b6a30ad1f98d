import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FixedClock } from '../src/core/clock.js';
import { groupReport } from '../src/core/health/grouping.js';
import type { HealthCheck } from '../src/core/health/health.js';
import { makeSeed } from '../src/core/otp/seed.js';
import { Vault } from '../src/core/vault.js';
import { formatMs, median, percentile } from './lib/measure.js';
import type { Report } from './lib/report.js';
import { BENCH_KDF, buildVault, codeOf } from './scale.js';

const PASSWORD = 'benchmark password';
const AT = Date.UTC(2026, 4, 3, 10);
const SECRET = 'JBSWY3DPEHPK3PXP';
const RUNS = 21;

/**
 * A vault of `size` accounts with nothing wrong: each has its seed here and in a
 * phone app, 10 backup codes, a recovery e-mail, and a tested sign-in.
 */
export async function buildHealthyVault(path: string, size: number): Promise<string[]> {
  const vault = await Vault.create(path, PASSWORD, {
    ...BENCH_KDF,
    clock: new FixedClock(AT),
  });
  const ids: string[] = [];
  vault.transaction(() => {
    const mail = vault.contacts.add({ kind: 'email', value: 'me@example.com' });
    for (let index = 0; index < size; index++) {
      const id = vault.accounts.add({
        issuer: `Site ${index}`,
        accountName: `user${index}@example.com`,
        seed: makeSeed({ secret: SECRET }),
      }).id;
      vault.backupCodes.add(id, {
        codes: Array.from({ length: 10 }, (_, code) => codeOf(index, code)),
      });
      vault.recovery.addMethod(id, { kind: 'authenticator', device: 'Aegis on Pixel 8' });
      vault.recovery.addRecoveryContact(id, mail.id);
      vault.recovery.markTested(id);
      ids.push(id);
    }
  });
  vault.close();
  return ids;
}

/** What the app does after a change: the check, then the Health view's grouped report. */
function appCheck(vault: Vault): { check: HealthCheck; bytes: number } {
  const check = vault.health.check(AT);
  return { check, bytes: JSON.stringify(groupReport(check)).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The whole health check at `size` accounts, as the app runs it after each change
 * (one code marked used, then the check and the Health view's grouped report), and
 * the report's size as more and more accounts have something wrong.
 */
export async function benchHealth(report: Report, folder: string, size: number): Promise<void> {
  const count = size.toLocaleString('en');
  report.section(
    '5. Health',
    `A vault of ${count} accounts with nothing wrong: each with its seed here and in a phone app, 10 backup codes, ` +
      'a recovery e-mail and a tested sign-in. The whole health check is what the app runs after each change: the ' +
      "snapshot from each feature's service, every account's ways in, the rules, readiness, and the Health view's " +
      `grouped report; timed after one backup code is marked used (so what changed is read again), median and p90 of ${RUNS}. ` +
      'The first check after unlocking reads every record and is timed on its own. Then accounts are given a problem ' +
      '(a trusted device marked as no longer working: a warning naming what still works), 10, 100 and 1,000 of them, and ' +
      "the report's size is measured as JSON: the grouped report the app receives, and the full report the CLI prints " +
      '(`sparekey health --json`). Last, the vault of section 2 (every account a seed and 10 codes and nothing else ' +
      'recorded) and a vault of seeds only, as after importing from an authenticator app.',
  );
  const path = join(folder, `health-${size}.sparekey`);
  const ids = await buildHealthyVault(path, size);
  const vault = await Vault.unlock(path, PASSWORD, { ...BENCH_KDF, clock: new FixedClock(AT) });
  try {
    const coldStart = performance.now();
    appCheck(vault);
    const cold = performance.now() - coldStart;

    const times: number[] = [];
    const cpuTimes: number[] = [];
    let code = 0;
    for (let run = 0; run < RUNS + 2; run++) {
      const account = (run * 7919) % size;
      vault.backupCodes.use(ids[account]!, { code: codeOf(account, code % 10) });
      code++;
      const cpu = process.cpuUsage();
      const start = performance.now();
      appCheck(vault);
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      if (run >= 2) {
        times.push(wall);
        cpuTimes.push((used.user + used.system) / 1000);
      }
    }
    const p50 = median(times);
    report.figure(`the first health check after unlocking, ${count} accounts`, formatMs(cold));
    report.target(
      `the whole health check at ${count} accounts after a change, median`,
      formatMs(p50),
      '≤ 100 ms',
      p50 <= 100,
    );
    report.figure(`the same, p90`, formatMs(percentile(times, 90)));
    report.figure(
      'its CPU time (this process), median: what the wall time is on an idle machine',
      `${formatMs(median(cpuTimes))} (load average during the run: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
    );

    const rows: string[][] = [];
    let wrong = 0;
    const sizes: { wrong: number; grouped: number; full: number; findings: number }[] = [];
    for (const target of [0, 10, 100, 1000]) {
      vault.transaction(() => {
        for (; wrong < target; wrong++) {
          const id = ids[(wrong * 7919 + 13) % size]!;
          const device = vault.recovery.addMethod(id, { kind: 'trusted-device', device: 'iPad' });
          vault.recovery.setMethodWorking(id, device.id, false);
        }
      });
      const { check, bytes } = appCheck(vault);
      const full = JSON.stringify(check.report).length;
      sizes.push({ wrong: target, grouped: bytes, full, findings: check.findings.length });
      rows.push([
        target.toLocaleString('en'),
        check.findings.length.toLocaleString('en'),
        kb(bytes),
        kb(full),
      ]);
    }
    report.table(
      ['accounts with a problem', 'findings', 'grouped report (app)', 'full report (CLI)'],
      rows,
    );
    const none = sizes[0]!;
    const most = sizes.at(-1)!;
    const perWrong = (most.grouped - none.grouped) / most.wrong;
    report.figure(
      `the grouped report with nothing wrong at ${count} accounts`,
      `${kb(none.grouped)} (${none.findings} findings)`,
    );
    report.target(
      'the grouped report grows with what is wrong: bytes per account with a problem, 10 to 1,000 of them',
      `${Math.round((sizes[1]!.grouped - none.grouped) / 10)} B, ${Math.round((sizes[2]!.grouped - none.grouped) / 100)} B, ${Math.round(perWrong)} B`,
      'about constant, nothing when nothing is wrong',
      none.findings === 0 && none.grouped < 4096 && perWrong < 2048,
    );
  } finally {
    vault.close();
  }

  for (const [name, build] of [
    ['seed and 10 codes, nothing else recorded (section 2)', buildVault],
    ['seeds only (an import from an authenticator app)', buildSeedsOnly],
  ] as const) {
    const other = join(folder, `health-${name.length}-${size}.sparekey`);
    await build(other, size);
    const opened = await Vault.unlock(other, PASSWORD, { ...BENCH_KDF, clock: new FixedClock(AT) });
    try {
      appCheck(opened);
      const warm: number[] = [];
      const warmCpu: number[] = [];
      let last = appCheck(opened);
      for (let run = 0; run < 5; run++) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        last = appCheck(opened);
        warm.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        warmCpu.push((used.user + used.system) / 1000);
      }
      const { check, bytes } = last;
      const flagged = new Set(
        check.findings
          .filter((finding) => finding.severity !== 'info' && finding.accountId !== null)
          .map((finding) => finding.accountId),
      ).size;
      const groups = groupReport(check).groups.length;
      report.figure(
        `${count} accounts, ${name}`,
        `${check.findings.length.toLocaleString('en')} findings (${check.summary.warning} warnings, ${flagged} accounts needing attention) in ${groups} group${groups === 1 ? '' : 's'}; grouped report ${kb(bytes)}; check ${formatMs(median(warm))} (CPU ${formatMs(median(warmCpu))}), median of 5`,
      );
    } finally {
      opened.close();
    }
  }
}

async function buildSeedsOnly(path: string, size: number): Promise<string[]> {
  const vault = await Vault.create(path, PASSWORD, {
    ...BENCH_KDF,
    clock: new FixedClock(AT),
  });
  const ids: string[] = [];
  vault.transaction(() => {
    for (let index = 0; index < size; index++) {
      ids.push(
        vault.accounts.add({ issuer: `Site ${index}`, seed: makeSeed({ secret: SECRET }) }).id,
      );
    }
  });
  vault.close();
  return ids;
}

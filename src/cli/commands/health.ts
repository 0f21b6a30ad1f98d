import { isVaultError } from '../../shared/errors.js';
import type { HealthFinding, HealthReport, Severity } from '../../shared/health.js';
import { severityRank } from '../../shared/health.js';
import type { CommandModule } from '../command-kit.js';
import { accountLabel } from '../account-format.js';
import type { Output } from '../output.js';
import { checkHealth, type ClockCheck, measureClockOffset } from '../../core/index.js';
import { SECOND_MS } from '../../shared/durations.js';

const BADGE: Record<Severity, string> = {
  critical: '✖ CRITICAL',
  warning: '▲ WARNING ',
  info: '● INFO    ',
};

function printFinding(out: Output, finding: HealthFinding, indent: string): void {
  out.line(`${indent}${BADGE[finding.severity]}  ${finding.title}`);
  const pad = `${indent}${' '.repeat(12)}`;
  out.line(`${pad}${finding.message}`);
  out.line(`${pad}Fix: ${finding.fix}`);
}

function printReport(out: Output, report: HealthReport, names: Map<string, string>): void {
  const { critical, warning, info } = report.summary;
  out.line(
    `Vault readiness ${report.vaultScore}/100: ${critical} critical, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info`,
  );
  if (report.findings.length === 0) {
    out.line(
      'Nothing stands between you and your accounts. Keep confirming contacts and testing sign-ins.',
    );
    return;
  }
  const vaultWide = report.findings.filter((finding) => finding.accountId === null);
  if (vaultWide.length > 0) {
    out.line('');
    out.line('Vault');
    for (const finding of vaultWide) printFinding(out, finding, '  ');
  }
  const accounts = report.accounts
    .filter((account) => account.worst !== null)
    .sort(
      (a, b) =>
        severityRank(a.worst ?? 'info') - severityRank(b.worst ?? 'info') || a.score - b.score,
    );
  for (const account of accounts) {
    out.line('');
    out.line(
      `${names.get(account.accountId) ?? account.accountId}  (readiness ${account.score}/100)`,
    );
    for (const finding of report.findings.filter(
      (candidate) => candidate.accountId === account.accountId,
    )) {
      printFinding(out, finding, '  ');
    }
  }
}

export const healthCommand: CommandModule = (program, sessionFor) => {
  program
    .command('health')
    .description(
      'list every lockout risk, per account, with its fix (always exits 0 when the check ran)',
    )
    .option('--at <time>', 'check as of this ISO-8601 time instead of now')
    .option(
      '--check-clock',
      "compare this computer's clock with a network time server (the only network access Sparekey makes)",
    )
    .option(
      '--time-server <host>',
      'the time server for --check-clock (default: the vault setting, pool.ntp.org)',
    )
    .action(
      async (options: { at?: string; checkClock?: boolean; timeServer?: string }, command) => {
        const session = sessionFor(command);
        const now = session.clock(options.at).now();
        const { report, names } = await session.withVault(async (vault) => {
          const settings = vault.settings.get();
          let clockCheck: ClockCheck | null = null;
          if (options.checkClock || settings.clockCheckEnabled) {
            const server = options.timeServer ?? settings.clockCheckServer;
            try {
              clockCheck = await measureClockOffset(server);
              session.output.note(
                `Clock offset against ${server}: ${(clockCheck.offsetMs / SECOND_MS).toFixed(1)} s.`,
              );
            } catch (error) {
              if (!isVaultError(error)) throw error;
              session.output.note(`Could not check the clock: ${error.message}`);
            }
          }
          const report = checkHealth(vault, now, clockCheck);
          const names = new Map(
            vault.accounts.list().map((account) => [account.id, accountLabel(account)]),
          );
          return { report, names };
        });
        if (session.output.json) return session.output.data(report);
        printReport(session.output, report, names);
      },
    );
};

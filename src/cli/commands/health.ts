import type { Command } from 'commander';
import { isVaultError, VaultError } from '../../shared/errors.js';
import {
  FINDING_KIND_IDS,
  FINDING_KINDS,
  type FindingKind,
  type HealthFinding,
  isFindingKind,
  type Severity,
  severityRank,
} from '../../shared/health.js';
import { formatDay } from '../../shared/dates.js';
import type { CommandModule } from '../command-kit.js';
import { accountFullName } from '../../shared/account-names.js';
import type { Output } from '../output.js';
import { type CliSession, parseDate } from '../session.js';
import {
  type ClockCheck,
  type HealthCheck,
  measureClockOffset,
  type Vault,
} from '../../core/index.js';

const BADGE: Record<Severity, string> = {
  critical: '✖ CRITICAL',
  warning: '▲ WARNING ',
  info: '● INFO    ',
};
const PAD = ' '.repeat(12);
/** Accounts named in a grouped line before "and N more". */
const NAMED_IN_GROUP = 8;

function printFinding(out: Output, finding: HealthFinding, indent: string): void {
  out.line(`${indent}${BADGE[finding.severity]}  ${finding.title}`);
  out.line(`${indent}${PAD}${finding.message}`);
  out.line(`${indent}${PAD}Fix: ${finding.terminalFix}`);
  if (finding.returned) {
    out.line(
      `${indent}${PAD}(back: you dismissed it on ${formatDay(finding.returned.dismissedAt)}; ${finding.returned.because === 'facts-changed' ? 'what it stands on has changed since' : 'the date you accepted it until has passed'})`,
    );
  }
}

interface Printed {
  check: HealthCheck;
  names: Map<string, string>;
}

/**
 * Vault-wide findings first; then each account with a critical finding or a
 * warning, worst first, with all its findings; then the suggestions (info) of
 * the other accounts, one line per kind ("8 accounts: …"), unless `all`.
 */
function printReport(out: Output, { check, names }: Printed, all: boolean): void {
  const { report } = check;
  const { critical, warning, info } = report.summary;
  out.line(
    `Vault readiness ${report.vaultScore}/100: ${critical} critical, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info${report.dismissed.length > 0 ? ` (${report.dismissed.length} dismissed${all ? '' : ', see --all'})` : ''}`,
  );
  for (const reason of report.vaultReadiness.reasons)
    out.line(`  −${reason.points}  ${reason.text}`);
  if (report.findings.length === 0) {
    out.line(
      'Nothing stands between you and your accounts. Keep confirming contacts and testing sign-ins.',
    );
  }
  const vaultWide = report.findings.filter((finding) => finding.accountId === null);
  if (vaultWide.length > 0) {
    out.line('');
    out.line('Vault');
    for (const finding of vaultWide) printFinding(out, finding, '  ');
  }
  const byAccount = new Map<string, HealthFinding[]>();
  for (const finding of report.findings) {
    if (finding.accountId === null) continue;
    const own = byAccount.get(finding.accountId);
    if (own === undefined) byAccount.set(finding.accountId, [finding]);
    else own.push(finding);
  }
  const shownInFull = report.accounts
    .filter((account) => account.worst !== null && (all || account.worst !== 'info'))
    .sort(
      (a, b) =>
        severityRank(a.worst ?? 'info') - severityRank(b.worst ?? 'info') || a.score - b.score,
    );
  for (const account of shownInFull) {
    out.line('');
    out.line(
      `${names.get(account.accountId) ?? account.accountId}  (readiness ${account.score}/100: ${VERDICT_WORDS[account.verdict]})`,
    );
    for (const finding of byAccount.get(account.accountId) ?? []) printFinding(out, finding, '  ');
    byAccount.delete(account.accountId);
  }
  // What is left: the suggestions of accounts with nothing more urgent, one line per kind.
  const groups = new Map<FindingKind, HealthFinding[]>();
  for (const findings of byAccount.values()) {
    for (const finding of findings) {
      const group = groups.get(finding.ruleId);
      if (group === undefined) groups.set(finding.ruleId, [finding]);
      else group.push(finding);
    }
  }
  if (groups.size > 0) {
    out.line('');
    out.line('Suggestions');
    for (const [kind, findings] of groups) {
      const accounts = findings.map((finding) => names.get(finding.accountId ?? '') ?? '?');
      const first = findings[0] as HealthFinding;
      if (findings.length === 1) {
        out.line(`  ${BADGE.info}  ${first.title} · ${accounts[0]}`);
        out.line(`  ${PAD}${first.message}`);
        out.line(`  ${PAD}Fix: ${first.terminalFix}`);
        continue;
      }
      const title = FINDING_KINDS[kind] as { group?: (count: number) => string; label: string };
      out.line(
        `  ${BADGE.info}  ${title.group?.(findings.length) ?? `${findings.length} accounts: ${title.label}`}`,
      );
      out.line(
        `  ${PAD}${accounts.slice(0, NAMED_IN_GROUP).join(', ')}${accounts.length > NAMED_IN_GROUP ? ` and ${accounts.length - NAMED_IN_GROUP} more` : ''}`,
      );
      out.line(`  ${PAD}Fix, e.g. for ${accounts[0]}: ${first.terminalFix}`);
    }
  }
  if (all && report.dismissed.length > 0) {
    out.line('');
    out.line('Dismissed');
    for (const { finding, dismissal } of report.dismissed) {
      const whose =
        finding.accountId === null ? 'the vault' : (names.get(finding.accountId) ?? '?');
      const how =
        dismissal.mode === 'accepted' && dismissal.until !== null
          ? `accepted until ${formatDay(dismissal.until)}`
          : "doesn't apply";
      out.line(
        `  ${BADGE[finding.severity]}  ${finding.title} · ${whose}: ${how}${dismissal.reason ? ` (“${dismissal.reason}”)` : ''}, since ${formatDay(dismissal.at)}`,
      );
    }
  }
}

const VERDICT_WORDS = {
  ok: 'two or more ways in work',
  'one-way': 'one way in',
  'locked-out': 'no way in works',
  unknown: 'no way in known to work',
  'none-recorded': 'no two-step sign-in recorded',
} as const;

async function clockCheckFor(
  session: CliSession,
  vault: Vault,
  options: { checkClock?: boolean; timeServer?: string },
): Promise<ClockCheck | null> {
  const settings = vault.settings.get();
  if (!options.checkClock && !settings.clockCheckEnabled) return null;
  const server = options.timeServer ?? settings.clockCheckServer;
  try {
    const check = await measureClockOffset(server);
    session.output.note(`Clock offset against ${server}: ${(check.offsetMs / 1000).toFixed(1)} s.`);
    return check;
  } catch (error) {
    if (!isVaultError(error)) throw error;
    session.output.note(`Could not check the clock: ${error.message}`);
    return null;
  }
}

interface Selector {
  contact?: string;
  method?: string;
}

/** The findings of `kind` (for `account`, a contact, a method) in a check, open or dismissed. */
function selectFindings(
  vault: Vault,
  check: HealthCheck,
  kindText: string,
  accountQuery: string | undefined,
  selector: Selector,
): HealthFinding[] {
  if (!isFindingKind(kindText)) {
    throw new VaultError(
      'INVALID_INPUT',
      `There is no finding kind "${kindText}". The kinds are: ${FINDING_KIND_IDS.join(', ')}.`,
    );
  }
  const account = accountQuery === undefined ? null : vault.accounts.resolve(accountQuery);
  const contact = selector.contact === undefined ? null : vault.contacts.resolve(selector.contact);
  const candidates = [
    ...check.report.findings,
    ...check.report.dismissed.map((entry) => entry.finding),
  ].filter(
    (finding) =>
      finding.ruleId === kindText &&
      (account === null || finding.accountId === account.id) &&
      (contact === null || finding.contactId === contact.id) &&
      (selector.method === undefined || finding.key.endsWith(selector.method)),
  );
  if (account === null && candidates.some((finding) => finding.accountId !== null)) {
    throw new VaultError(
      'INVALID_INPUT',
      `A ${kindText} finding is about an account: say which one (sparekey health dismiss ${kindText} <account>).`,
    );
  }
  if (candidates.length === 0) {
    throw new VaultError(
      'NOT_FOUND',
      `The health check finds no ${kindText}${account ? ` for ${accountFullName(account)}` : ''} now: nothing to dismiss.`,
    );
  }
  return candidates;
}

function addSelectors(command: Command): Command {
  return command
    .argument('<kind>', 'the finding kind, e.g. contacts.none (shown by `sparekey health --json`)')
    .argument('[account]', 'an id, an issuer, or issuer:account (for findings about an account)')
    .option(
      '--contact <contact>',
      'the contact it is about (contacts.stale, recovery.retired-contact)',
    )
    .option('--method <id>', 'the method it is about, when the account has several');
}

/** `--at`, given after the subcommand or before it (Commander gives it to `health` either way). */
function atOption(command: Command): string | undefined {
  return (command.parent?.opts() as { at?: string } | undefined)?.at;
}

export const healthCommand: CommandModule = (program, sessionFor) => {
  const health = program
    .command('health')
    .description(
      'list every lockout risk, per account, with its fix (always exits 0 when the check ran)',
    )
    .option('--at <time>', 'check as of this ISO-8601 time instead of now')
    .option('--all', 'also list dismissed findings, and every suggestion in full')
    .option(
      '--check-clock',
      "compare this computer's clock with a network time server (the only network access Sparekey makes)",
    )
    .option(
      '--time-server <host>',
      'the time server for --check-clock (default: the vault setting, pool.ntp.org)',
    )
    .action(
      async (
        options: { at?: string; all?: boolean; checkClock?: boolean; timeServer?: string },
        command: Command,
      ) => {
        const session = sessionFor(command);
        const clock = session.clock(options.at);
        const printed = await session.withVault(
          async (vault): Promise<Printed> => {
            const clockCheck = await clockCheckFor(session, vault, options);
            const check = vault.health.check(clock.now(), clockCheck);
            const names = new Map(
              vault.accounts.list().map((account) => [account.id, accountFullName(account)]),
            );
            return { check, names };
          },
          { clock },
        );
        if (session.output.json) {
          const { report, standings } = printed.check;
          return session.output.data({
            ...report,
            readiness: [...standings.values()].map(({ facts, score, worst }) => ({
              accountId: facts.account.id,
              name: printed.names.get(facts.account.id),
              verdict: facts.verdict,
              score,
              reasons: printed.check.readiness(facts.account.id)?.reasons ?? [],
              working: facts.ways.working,
              worst,
            })),
          });
        }
        printReport(session.output, printed, options.all === true);
      },
    );

  addSelectors(
    health
      .command('dismiss')
      .description(
        'set a finding aside: it does not apply, or (with --until) you accept it until a date; it comes back when what it stands on changes',
      ),
  )
    .option(
      '--until <date>',
      'accept it until this date (YYYY-MM-DD); without it: it does not apply',
    )
    .option('--reason <text>', 'why, in your words')
    .action(
      async (
        kind: string,
        account: string | undefined,
        options: Selector & { until?: string; reason?: string },
        command: Command,
      ) => {
        const session = sessionFor(command);
        const clock = session.clock(atOption(command));
        const until = options.until === undefined ? null : parseDate(options.until, '--until');
        const dismissed = await session.withVault(
          (vault) => {
            const check = vault.health.check(clock.now());
            const findings = selectFindings(vault, check, kind, account, options);
            return vault.transaction(() =>
              findings.map((finding) => ({
                finding,
                dismissal: vault.health.dismiss(check, finding.key, {
                  mode: until === null ? 'not-applicable' : 'accepted',
                  until,
                  reason: options.reason,
                }),
              })),
            );
          },
          { clock },
        );
        if (session.output.json) return session.output.data(dismissed);
        for (const { finding, dismissal } of dismissed) {
          session.output.note(
            `Dismissed “${finding.title}”${dismissal.until === null ? " (doesn't apply)" : ` until ${formatDay(dismissal.until)}`}: \`sparekey health --all\` lists it; it comes back if what it stands on changes.`,
          );
        }
      },
    );

  addSelectors(health.command('undismiss').description('bring a dismissed finding back')).action(
    async (kind: string, account: string | undefined, options: Selector, command: Command) => {
      const session = sessionFor(command);
      const clock = session.clock(atOption(command));
      const restored = await session.withVault(
        (vault) => {
          const check = vault.health.check(clock.now());
          const dismissedKeys = new Set(check.report.dismissed.map((entry) => entry.finding.key));
          const findings = selectFindings(vault, check, kind, account, options).filter((finding) =>
            dismissedKeys.has(finding.key),
          );
          if (findings.length === 0) {
            throw new VaultError('NOT_FOUND', `No ${kind} finding is dismissed.`);
          }
          vault.transaction(() => {
            for (const finding of findings) vault.health.undismiss(finding.key);
          });
          return findings;
        },
        { clock },
      );
      if (session.output.json) return session.output.data(restored);
      for (const finding of restored) session.output.note(`Brought back “${finding.title}”.`);
    },
  );
};

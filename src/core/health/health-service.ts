import { VaultError } from '../../shared/errors.js';
import type { Dismissal } from '../../shared/health.js';
import type { ClockCheck } from '../clock-check/sntp.js';
import type { VaultContext } from '../vault-context.js';
import { type DismissInput, DismissalStore } from './dismissals.js';
import { describe, keyOf } from './finding.js';
import {
  type FactsCache,
  type HealthCheck,
  newFactsCache,
  runRules,
  takeSnapshot,
} from './health.js';
import type { HealthSources } from './health-rule.js';
import { HEALTH_RULES } from './rules/index.js';

/** The health check of one vault, and the findings its user dismissed. */
export class HealthService {
  readonly dismissals: DismissalStore;
  /** Each account's ways in, kept between checks while the vault is unlocked. */
  private facts: FactsCache = newFactsCache();

  constructor(
    private readonly context: VaultContext,
    private readonly sources: HealthSources,
  ) {
    this.dismissals = new DismissalStore(context);
    context.onLock(() => {
      this.facts = newFactsCache();
    });
  }

  /** Every rule over one snapshot of the vault at `now`, the user's dismissals set aside. */
  check(now: number, clockCheck: ClockCheck | null = null): HealthCheck {
    return this.context.read(() =>
      runRules(
        takeSnapshot(this.sources, now, clockCheck),
        this.dismissals.list(),
        HEALTH_RULES,
        this.facts,
      ),
    );
  }

  /**
   * Dismisses the finding with `key` in `check` (a check made now): "doesn't
   * apply", or "accepted until" a date. It comes back once its facts change.
   */
  dismiss(check: HealthCheck, key: string, input: DismissInput): Dismissal {
    const raw =
      check.findings.find((candidate) => keyOf(candidate) === key) ??
      check.dismissed.find((entry) => keyOf(entry.finding) === key)?.finding;
    const finding = raw === undefined ? undefined : describe(raw);
    if (finding === undefined) {
      throw new VaultError(
        'NOT_FOUND',
        'The health check no longer finds that: nothing to dismiss (it may have been fixed).',
      );
    }
    return this.dismissals.dismiss(finding, input, new Set(check.standings.keys()));
  }

  /** Brings a dismissed finding back. */
  undismiss(key: string): void {
    this.dismissals.undismiss(key);
  }
}

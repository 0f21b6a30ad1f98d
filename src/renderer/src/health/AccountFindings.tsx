import type { AccountSummary } from '../../../shared/domain.js';
import { kindInfo } from '../../../shared/health.js';
import { call } from '../api.js';
import { useVaultQuery } from '../app/vault-data.js';
import { SectionCard } from '../ui/SectionCard.js';
import { DismissedList } from './DismissedList.js';
import { FindingItem } from './FindingItem.js';
import { ReadinessWhy } from './ReadinessWhy.js';

/**
 * What the health check finds about this account, at the top of its view:
 * its readiness and why, critical findings and warnings in full, the smaller
 * suggestions folded, and what was dismissed.
 */
export function AccountFindings({ account }: { account: AccountSummary }) {
  const { data } = useVaultQuery(
    () => call('getAccountHealth', { accountId: account.id }),
    account.id,
  );
  if (data === null) return null;
  const { readiness, findings, dismissed } = data;
  if (findings.length === 0 && dismissed.length === 0 && readiness.score === 100) return null;
  const urgent = findings.filter((finding) => finding.severity !== 'info');
  const info = findings.filter((finding) => finding.severity === 'info');
  return (
    <SectionCard
      id="account-findings"
      className="findings-card"
      title={urgent.length > 0 ? 'Needs attention' : info.length > 0 ? 'Suggestions' : 'Readiness'}
      actions={
        <span className="readiness" title="100: nothing stands between you and getting back in">
          Readiness <strong>{readiness.score}</strong>/100
        </span>
      }
    >
      <ReadinessWhy score={readiness.score} reasons={readiness.reasons} />
      {urgent.length > 0 && (
        <ul className="findings">
          {urgent.map((finding) => (
            <FindingItem key={finding.key} finding={finding} now={data.at} />
          ))}
        </ul>
      )}
      {info.length > 0 && (
        <details className="disclosure" open={urgent.length === 0}>
          <summary>
            {info.length} {info.length === 1 ? 'suggestion' : 'suggestions'}
          </summary>
          <ul className="findings">
            {info.map((finding) => (
              <FindingItem key={finding.key} finding={finding} now={data.at} />
            ))}
          </ul>
        </details>
      )}
      <DismissedList
        entries={dismissed.map(({ finding, dismissal }) => ({
          key: finding.key,
          severity: kindInfo(finding.ruleId).severity,
          title: finding.title,
          dismissal,
        }))}
      />
    </SectionCard>
  );
}

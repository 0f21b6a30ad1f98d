import type { AccountSummary } from '../../../shared/domain.js';
import { call } from '../api.js';
import { useVaultQuery } from '../app/vault-data.js';
import { SectionCard } from '../ui/SectionCard.js';
import { FindingItem } from './FindingItem.js';

/**
 * What the health check finds about this account, at the top of its view:
 * critical findings and warnings in full, the smaller suggestions folded.
 */
export function AccountFindings({ account }: { account: AccountSummary }) {
  const { data } = useVaultQuery(
    () => call('getAccountHealth', { accountId: account.id }),
    account.id,
  );
  if (data === null || data.findings.length === 0) return null;
  const urgent = data.findings.filter((finding) => finding.severity !== 'info');
  const info = data.findings.filter((finding) => finding.severity === 'info');
  return (
    <SectionCard
      id="account-findings"
      className="findings-card"
      title={urgent.length > 0 ? 'Needs attention' : 'Suggestions'}
      actions={
        <span className="readiness" title="100: nothing stands between you and getting back in">
          Readiness <strong>{data.readiness.score}</strong>/100
        </span>
      }
    >
      {urgent.length > 0 && (
        <ul className="findings">
          {urgent.map((finding) => (
            <FindingItem key={`${finding.ruleId}:${finding.contactId ?? ''}`} finding={finding} />
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
              <FindingItem key={`${finding.ruleId}:${finding.contactId ?? ''}`} finding={finding} />
            ))}
          </ul>
        </details>
      )}
    </SectionCard>
  );
}

import { describeCodeEvent } from '../../../../shared/backup-code-events.js';
import { formatDayTime } from '../../../../shared/dates.js';
import type { AccountSummary } from '../../../../shared/domain.js';
import type { HistoryEvent } from '../../../../shared/history.js';
import { call } from '../../api.js';
import { useSectionFocus } from '../../app/useSectionFocus.js';
import { useVaultQuery } from '../../app/vault-data.js';
import { formatDay } from '../../ui/dates.js';
import { ErrorMessage } from '../../ui/Forms.js';
import { ClockIcon } from '../../ui/icons.js';
import { SectionCard } from '../../ui/SectionCard.js';

interface Props {
  account: AccountSummary;
  focusSerial?: number | undefined;
}

const KIND_NOUNS = { phone: 'phone number', email: 'e-mail address' } as const;

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One recorded event in words. */
function describe(event: HistoryEvent, setName: (setId: string) => string): string {
  if (event.type.startsWith('codes.')) return capitalized(describeCodeEvent(event, setName));
  if (event.type === 'contacts.retire') {
    const kind = event.detail.kind === 'email' ? 'email' : 'phone';
    return `Retired a ${KIND_NOUNS[kind]} this account still used`;
  }
  if (event.type === 'sheets.print') {
    const paper = event.detail.paper === 'letter' ? 'US Letter' : 'A4';
    const accounts = Number(event.detail.accounts);
    return `Printed a recovery sheet (${paper}${event.detail.seed === true ? ', with the setup key' : ''}${accounts > 1 ? `, ${accounts} accounts` : ''})`;
  }
  return 'Something Sparekey did not name was recorded';
}

/** The History tab: when the account was added and changed, and everything recorded about it, newest first. */
export function HistorySection({ account, focusSerial }: Props) {
  const history = useVaultQuery(
    () => call('getAccountHistory', { accountId: account.id }),
    `history:${account.id}`,
  );
  const sets = useVaultQuery(
    () => call('listBackupCodeSets', { accountId: account.id }),
    `history-sets:${account.id}`,
  );
  const heading = useSectionFocus(focusSerial, history.loaded);
  const setNames = new Map(
    sets.data?.sets.map((set) => [
      set.id,
      set.label ? `“${set.label}”` : `the set issued ${formatDay(set.issuedAt)}`,
    ]),
  );
  const events = history.data ?? [];
  return (
    <SectionCard id="section-history" title="History" icon={<ClockIcon />} headingRef={heading}>
      <dl className="facts">
        <dt>Added</dt>
        <dd>{formatDay(account.createdAt)}</dd>
        {account.updatedAt !== account.createdAt && (
          <>
            <dt>Changed</dt>
            <dd>{formatDay(account.updatedAt)}</dd>
          </>
        )}
      </dl>
      <ErrorMessage error={history.error} />
      {history.loaded &&
        (events.length === 0 ? (
          <p className="hint">
            Nothing recorded yet. Backup codes used, shown or copied, and sheets printed are listed
            here.
          </p>
        ) : (
          <ol className="history">
            {[...events].reverse().map((event) => (
              <li key={event.id}>
                <time className="history-when" dateTime={new Date(event.at).toISOString()}>
                  {formatDayTime(event.at)}
                </time>{' '}
                {describe(event, (setId) => setNames.get(setId) ?? 'a removed set')}
              </li>
            ))}
          </ol>
        ))}
    </SectionCard>
  );
}

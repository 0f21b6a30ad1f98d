import type { AccountSummary } from '../../../../shared/domain.js';
import { LoginSection } from '../../login/LoginSection.js';
import { ExternalIcon } from '../../ui/icons.js';

interface Props {
  account: AccountSummary;
  focusSerial?: number | undefined;
}

/** The Sign-in tab: the sign-in page, username and password, tags and notes. */
export function SignInSection({ account, focusSerial }: Props) {
  const hasDetails = account.url !== '' || account.tags.length > 0 || account.notes !== '';
  return (
    <>
      <LoginSection account={account} focusSerial={focusSerial} />
      <section className="card" aria-labelledby="facts-title">
        <h3 id="facts-title">Details</h3>
        {hasDetails ? (
          <dl className="facts">
            {account.url && (
              <>
                <dt>Sign-in page</dt>
                <dd>
                  <a href={account.url} target="_blank" rel="noreferrer">
                    {account.url} <ExternalIcon width="14" height="14" />
                  </a>
                </dd>
              </>
            )}
            {account.tags.length > 0 && (
              <>
                <dt>Tags</dt>
                <dd className="tags">
                  {account.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </dd>
              </>
            )}
            {account.notes && (
              <>
                <dt>Notes</dt>
                <dd className="notes">{account.notes}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="hint">No sign-in page, tags or notes yet: Edit adds them.</p>
        )}
      </section>
    </>
  );
}

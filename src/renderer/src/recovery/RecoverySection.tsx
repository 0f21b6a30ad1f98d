import { type FormEvent, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { FINDING_KINDS } from '../../../shared/health.js';
import type { AccountRecovery, Contact } from '../../../shared/recovery.js';
import { call } from '../api.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { dayWithAge } from '../ui/dates.js';
import { Field, FormSummary } from '../ui/Field.js';
import { ErrorMessage, FormActions } from '../ui/Forms.js';
import { useForm } from '../ui/useForm.js';
import { CheckIcon, CloseIcon, EditIcon, ExternalIcon, PlusIcon, ShieldIcon } from '../ui/icons.js';
import { SeverityBadge } from '../ui/Severity.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useAction } from '../ui/useAction.js';
import { WaysIn } from '../health/WaysIn.js';
import { MethodForm } from './MethodForm.js';

interface Props {
  account: AccountSummary;
  /** Set when the app is sent to this section: it comes into view with the focus on its heading. */
  focusSerial?: number | undefined;
}

function contactText(contact: Contact | undefined): string {
  if (contact === undefined) return 'a removed contact';
  return contact.label ? `${contact.display} (${contact.label})` : contact.display;
}

/** A retired recovery contact says so beside it (with the severity of `recovery.retired-contact`). */
function RetiredMark({ contact }: { contact: Contact | undefined }) {
  if (contact?.retiredAt == null) return null;
  return (
    <SeverityBadge severity={FINDING_KINDS['recovery.retired-contact'].severity} label="Retired" />
  );
}

/**
 * How the account lets you in and how you would recover it: its 2FA methods
 * (and the contact or device each depends on), recovery contacts, support
 * page, notes, and when its sign-in was last tested.
 */
export function RecoverySection({ account, focusSerial }: Props) {
  const accountId = account.id;
  const { changed, overview } = useVaultData();
  const recovery = useVaultQuery(() => call('getRecovery', { accountId }), accountId);
  const contactList = useVaultQuery(() => call('listContacts', {}), 'contacts');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [pick, setPick] = useState('');
  const action = useAction();
  const heading = useSectionFocus(focusSerial, recovery.data !== null);
  const data = recovery.data;
  const contacts = contactList.data ?? [];
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const now = overview?.at ?? data?.changedAt ?? account.updatedAt;

  const change = (run: () => Promise<unknown>) =>
    void action.run(run).then((result) => {
      if (result !== undefined) changed();
    });

  const candidates = contacts.filter(
    (contact) => contact.retiredAt === null && !data?.recoveryContactIds.includes(contact.id),
  );
  const chosen = candidates.some((contact) => contact.id === pick)
    ? pick
    : (candidates[0]?.id ?? '');

  return (
    <SectionCard
      id="section-recovery"
      title="Two-step sign-in and recovery"
      icon={<ShieldIcon />}
      headingRef={heading}
    >
      {data === null ? (
        <ErrorMessage error={recovery.error} />
      ) : (
        <>
          <div className="subsection">
            <h4>Ways in</h4>
            <WaysIn account={account} />
            {adding ? (
              <MethodForm
                accountId={accountId}
                contacts={contacts}
                onCancel={() => setAdding(false)}
                onAdded={() => {
                  setAdding(false);
                  changed();
                }}
              />
            ) : (
              <div className="actions start">
                <button type="button" className="secondary" onClick={() => setAdding(true)}>
                  <PlusIcon /> Add a way in…
                </button>
              </div>
            )}
          </div>

          <div className="subsection">
            <h4>Recovery contacts</h4>
            {data.recoveryContactIds.length === 0 ? (
              <p className="hint">
                The phone or e-mail the site uses to give you access back when every second factor
                fails.
              </p>
            ) : (
              <ul className="plain-list">
                {data.recoveryContactIds.map((contactId) => {
                  const contact = byId.get(contactId);
                  return (
                    <li key={contactId} className="list-line">
                      <span>
                        {contactText(contact)} <RetiredMark contact={contact} />
                      </span>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove ${contactText(contact)} as a recovery contact`}
                        title="Remove"
                        onClick={() =>
                          change(() => call('removeRecoveryContact', { accountId, contactId }))
                        }
                      >
                        <CloseIcon width="16" height="16" />
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {candidates.length > 0 ? (
              <div className="inline-form">
                <label>
                  <span className="sr-only">Recovery contact to add</span>
                  <select value={chosen} onChange={(event) => setPick(event.target.value)}>
                    {candidates.map((contact) => (
                      <option key={contact.id} value={contact.id}>
                        {contactText(contact)}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    change(() => call('addRecoveryContact', { accountId, contactId: chosen }))
                  }
                >
                  <PlusIcon /> Add recovery contact
                </button>
              </div>
            ) : (
              contacts.length === 0 && (
                <p className="hint">Add your phone numbers and e-mail addresses under Contacts.</p>
              )
            )}
          </div>

          <div className="subsection">
            <div className="subsection-head">
              <h4>Support page and notes</h4>
              {!editing && (
                <button type="button" className="quiet" onClick={() => setEditing(true)}>
                  <EditIcon width="16" height="16" /> Edit page and notes
                </button>
              )}
            </div>
            {editing ? (
              <RecoveryDetailsForm
                recovery={data}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  changed();
                }}
              />
            ) : data.supportUrl === '' && data.recoveryNotes === '' ? (
              <p className="hint">
                The site’s account-recovery page, and what you would do if locked out: who to call,
                which documents they ask for.
              </p>
            ) : (
              <dl className="facts">
                {data.supportUrl && (
                  <>
                    <dt>Support page</dt>
                    <dd>
                      <a href={data.supportUrl} target="_blank" rel="noreferrer">
                        {data.supportUrl} <ExternalIcon width="14" height="14" />
                      </a>
                    </dd>
                  </>
                )}
                {data.recoveryNotes && (
                  <>
                    <dt>Notes</dt>
                    <dd className="notes">{data.recoveryNotes}</dd>
                  </>
                )}
              </dl>
            )}
          </div>

          <div className="subsection tested">
            <h4>Last tested</h4>
            <p data-testid="last-tested">
              {data.lastTestedAt === null
                ? 'Never: a way in nobody has tried may not work when you need it.'
                : dayWithAge(data.lastTestedAt, now)}
            </p>
            <button
              type="button"
              className="secondary"
              onClick={() => change(() => call('markTested', { accountId }))}
            >
              <CheckIcon /> I just tested this sign-in
            </button>
          </div>
        </>
      )}
      <ErrorMessage error={action.error} />
    </SectionCard>
  );
}

function RecoveryDetailsForm({
  recovery,
  onSaved,
  onCancel,
}: {
  recovery: AccountRecovery;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [supportUrl, setSupportUrl] = useState(recovery.supportUrl);
  const [notes, setNotes] = useState(recovery.recoveryNotes);
  const save = useForm({ fields: DETAILS_FIELDS, coreField: 'supportUrl' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save.run(() =>
      call('updateRecovery', {
        accountId: recovery.accountId,
        supportUrl,
        recoveryNotes: notes,
      }),
    );
    if (saved) onSaved();
  }

  return (
    <form
      autoComplete="off"
      className="form"
      onSubmit={(event) => void submit(event)}
      aria-label="Edit the support page and notes"
      noValidate
    >
      <FormSummary form={save} fieldNames={Object.keys(DETAILS_FIELDS)} />
      <Field form={save} name="supportUrl" label="Support or account-recovery page">
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            inputMode="url"
            spellCheck={false}
            value={supportUrl}
            autoFocus
            placeholder="https://example.com/account-recovery"
            onChange={(event) => {
              setSupportUrl(event.target.value);
              save.clear('supportUrl');
            }}
          />
        )}
      </Field>
      <Field form={save} name="recoveryNotes" label="Recovery notes">
        {(control) => (
          <textarea
            {...control}
            autoComplete="off"
            rows={3}
            value={notes}
            placeholder="Who to call, which documents they ask for, where the printed codes are…"
            onChange={(event) => {
              setNotes(event.target.value);
              save.clear('recoveryNotes');
            }}
          />
        )}
      </Field>
      <FormActions submitLabel="Save" onCancel={onCancel} busy={save.busy} />
    </form>
  );
}

const DETAILS_FIELDS = {
  supportUrl: {
    noun: 'the support page',
    say: { format: 'The support page must be a web address, such as https://example.com/help.' },
  },
  recoveryNotes: { noun: 'the recovery notes', plural: true },
};

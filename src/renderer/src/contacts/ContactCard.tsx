import { useState } from 'react';
import { type Contact, type ContactUse, METHOD_LABELS } from '../../../shared/recovery.js';
import { call } from '../api.js';
import { useNavigate } from '../app/navigation.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { dayWithAge, formatDay } from '../ui/dates.js';
import { ErrorMessage } from '../ui/Forms.js';
import { CheckIcon, EditIcon, MailIcon, PhoneIcon, TrashIcon, UndoIcon } from '../ui/icons.js';
import { SeverityBadge, SeverityNote } from '../ui/Severity.js';
import { useToast } from '../ui/Toast.js';
import { useAction } from '../ui/useAction.js';
import { ContactForm } from './ContactForm.js';

/** "SMS codes", "recovery contact" */
function roleText(use: ContactUse): string {
  return use.role === 'method' && use.methodKind
    ? `${METHOD_LABELS[use.methodKind]} codes`
    : 'recovery contact';
}

interface Props {
  contact: Contact;
  focusSerial: number | undefined;
}

/** One phone number or e-mail address: confirm, edit, retire (after seeing what it affects), reinstate. */
export function ContactCard({ contact, focusSerial }: Props) {
  const { changed, overview } = useVaultData();
  const uses = useVaultQuery(() => call('contactUses', { id: contact.id }), contact.id);
  const [mode, setMode] = useState<'view' | 'edit' | 'retire'>('view');
  const toast = useToast();
  const action = useAction();
  const heading = useSectionFocus(focusSerial, uses.loaded);
  const navigate = useNavigate();
  const now = overview?.at ?? contact.updatedAt;
  const isRetired = contact.retiredAt !== null;
  const list = uses.data ?? [];
  const accounts = [...new Map(list.map((use) => [use.accountId, use])).values()];
  const findings = (overview?.vaultFindings ?? []).filter(
    (finding) => finding.contactId === contact.id,
  );
  const Icon = contact.kind === 'phone' ? PhoneIcon : MailIcon;

  const change = (run: () => Promise<unknown>, after?: () => void) =>
    void action.run(run).then((result) => {
      if (result === undefined) return;
      after?.();
      changed();
    });

  const openAccount = (use: ContactUse) =>
    navigate({ view: 'accounts', accountId: use.accountId, section: 'recovery' });

  return (
    <li
      className={`contact${isRetired ? ' contact-retired' : ''}${focusSerial !== undefined ? ' targeted' : ''}`}
    >
      <div className="contact-main">
        <Icon className="contact-icon" />
        <div className="contact-text">
          <h4 className="contact-value" ref={heading} tabIndex={-1}>
            {contact.display}
            {contact.label && <span className="contact-label"> {contact.label}</span>}
          </h4>
          <p className="small muted">
            {isRetired && contact.retiredAt !== null
              ? `Retired ${formatDay(contact.retiredAt)}`
              : contact.confirmedAt === null
                ? 'Never confirmed'
                : `Confirmed ${dayWithAge(contact.confirmedAt, now)}`}
            {' · '}
            {accounts.length === 0
              ? 'no account uses it'
              : `used by ${accounts.length} ${accounts.length === 1 ? 'account' : 'accounts'}`}
          </p>
        </div>
        <div className="contact-actions">
          {isRetired ? (
            <>
              <button
                type="button"
                className="quiet"
                onClick={() => change(() => call('reinstateContact', { id: contact.id }))}
              >
                <UndoIcon width="16" height="16" /> Reinstate
              </button>
              {list.length === 0 && (
                <button
                  type="button"
                  className="danger-quiet"
                  onClick={() => change(() => call('removeContact', { id: contact.id }))}
                >
                  <TrashIcon width="16" height="16" /> Remove
                </button>
              )}
            </>
          ) : (
            mode === 'view' && (
              <>
                <button
                  type="button"
                  className="quiet"
                  title="I still control it"
                  onClick={() => change(() => call('confirmContact', { id: contact.id }))}
                >
                  <CheckIcon width="16" height="16" /> Confirm
                </button>
                <button type="button" className="quiet" onClick={() => setMode('edit')}>
                  <EditIcon width="16" height="16" /> Edit
                </button>
                <button type="button" className="danger-quiet" onClick={() => setMode('retire')}>
                  Retire…
                </button>
              </>
            )
          )}
        </div>
      </div>

      {findings.map((finding) => (
        <SeverityNote key={finding.ruleId} severity={finding.severity}>
          {finding.title}. {finding.fix}
        </SeverityNote>
      ))}

      {list.length > 0 && mode !== 'retire' && (
        <ul className="uses">
          {list.map((use) => (
            <li key={`${use.accountId}:${use.role}:${use.methodKind ?? ''}`}>
              {isRetired && <SeverityBadge severity="warning" label="Still used" />}
              <button type="button" className="link-button" onClick={() => openAccount(use)}>
                {use.accountLabel}
              </button>
              <span className="muted"> · {roleText(use)}</span>
              {isRetired && <p className="hint">{use.fix}</p>}
            </li>
          ))}
        </ul>
      )}

      {mode === 'edit' && (
        <ContactForm
          contact={contact}
          onCancel={() => setMode('view')}
          onSaved={() => setMode('view')}
        />
      )}

      {mode === 'retire' && (
        <div className="confirm-panel" role="group" aria-labelledby={`retire-${contact.id}`}>
          <h4 id={`retire-${contact.id}`}>Retire {contact.display}?</h4>
          {list.length > 0 ? (
            <>
              <p>
                {accounts.length === 1
                  ? 'This account still depends'
                  : 'These accounts still depend'}{' '}
                on it. Each is flagged until you change it there:
              </p>
              <ul className="affected">
                {list.map((use) => (
                  <li key={`${use.accountId}:${use.role}:${use.methodKind ?? ''}`}>
                    <strong>{use.accountLabel}</strong>{' '}
                    <span className="muted">· {roleText(use)}</span>
                    <p className="hint">{use.fix}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>No account uses it. It stays in the list as retired.</p>
          )}
          <div className="actions">
            <button type="button" className="secondary" autoFocus onClick={() => setMode('view')}>
              Keep it
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                change(
                  () => call('retireContact', { id: contact.id }),
                  () => {
                    setMode('view');
                    toast(
                      accounts.length === 0
                        ? `Retired ${contact.display}.`
                        : `Retired ${contact.display}: ${accounts.length} ${accounts.length === 1 ? 'account is' : 'accounts are'} flagged until you change them; Health says what still gets you in.`,
                    );
                  },
                )
              }
            >
              Retire {contact.display}
            </button>
          </div>
        </div>
      )}
      <ErrorMessage error={action.error} />
    </li>
  );
}

import { type Ref, useMemo, useState } from 'react';
import type { HealthFinding } from '../../../shared/health.js';
import { paperForLocale, type SheetPaper, type SheetPrint } from '../../../shared/sheets.js';
import { call } from '../api.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { ErrorMessage, RadioOption } from '../ui/Forms.js';
import { DownloadIcon, PrinterIcon } from '../ui/icons.js';
import { SectionCard } from '../ui/SectionCard.js';
import { formatDay } from '../ui/dates.js';
import { SeverityBadge, SeverityNote } from '../ui/Severity.js';
import { useAction } from '../ui/useAction.js';
import { useToast } from '../ui/Toast.js';
import { AccountChooser } from '../accounts/AccountChooser.js';

type Scope = 'all' | 'chosen';

interface Props {
  /** An account to print (the account view's "Print recovery sheet", a finding's fix), with the serial of that request. */
  request: { accountId: string; serial: number } | null;
  headingRef: Ref<HTMLHeadingElement>;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * Recovery sheets: which accounts (all of them is the emergency kit), the
 * paper, used codes or not; then "Save as PDF…" or "Print…". Main renders the
 * sheet, makes the PDF or prints it, and writes only where the user chose: the
 * sheet never comes here. Each account shows when it was last printed and
 * whether that paper is out of date.
 */
export function SheetSection({ request, headingRef }: Props) {
  const accounts = useVaultQuery(() => call('listAccounts', {}), 'accounts');
  const prints = useVaultQuery(() => call('listSheetPrints', {}), 'sheet-prints');
  const health = useVaultQuery(() => call('getHealth', {}), 'health');
  const { changed } = useVaultData();
  const toast = useToast();
  const action = useAction();
  const [scope, setScope] = useState<Scope>(request ? 'chosen' : 'all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    new Set(request ? [request.accountId] : []),
  );
  const [paper, setPaper] = useState<SheetPaper>(() => paperForLocale(navigator.language));
  const [includeUsed, setIncludeUsed] = useState(false);

  // Sent here for one account again (another fix button): choose just that one.
  const [handled, setHandled] = useState(request?.serial);
  if (request && request.serial !== handled) {
    setHandled(request.serial);
    setScope('chosen');
    setChosen(new Set([request.accountId]));
  }

  const lastPrinted = useMemo(
    () => new Map((prints.data ?? []).map((print) => [print.accountId, print])),
    [prints.data],
  );
  const outdated = useMemo(
    () =>
      new Map(
        (health.data?.findings ?? [])
          .filter(
            (finding) =>
              finding.ruleId === 'habits.sheet-outdated' ||
              finding.ruleId === 'habits.sheet-details-outdated',
          )
          .flatMap((finding): [string, HealthFinding][] =>
            finding.accountId === null ? [] : [[finding.accountId, finding]],
          ),
      ),
    [health.data],
  );

  const list = useMemo(() => accounts.data ?? [], [accounts.data]);
  // "Every account" ticks every box: the list never says "0 chosen" while all are printed.
  const everyId = useMemo(() => new Set(list.map((account) => account.id)), [list]);
  const ticked = scope === 'all' ? everyId : chosen;
  const selection = scope === 'all' ? { all: true as const } : { accountIds: [...chosen] };
  const ready = scope === 'all' ? list.length > 0 : chosen.size > 0;
  const input = { ...selection, paper, includeUsed };

  /** Saves or prints in main; `outcome` says whether it happened and what to tell the user. */
  async function output<T>(
    request: () => Promise<T>,
    outcome: (result: T) => { done: boolean; message: string },
  ) {
    const result = await action.run(request);
    if (result === undefined) return;
    const { done, message } = outcome(result);
    // Recorded as printed: the list and the health check read it again.
    if (done) changed();
    toast(message);
  }

  const save = () =>
    output(
      () => call('saveSheetPdf', input),
      (result) =>
        result.saved
          ? {
              done: true,
              message: `Saved ${result.fileName} (${count(result.accountIds.length, 'account')}). Keep it safe, and delete the file once it is printed.`,
            }
          : { done: false, message: 'Not saved: nothing was written.' },
    );

  const print = () =>
    output(
      () => call('printSheet', input),
      (result) => ({
        done: result.printed,
        message: result.printed
          ? `Printed the sheet for ${count(result.accountIds.length, 'account')}.`
          : 'Not printed.',
      }),
    );

  return (
    <SectionCard id="sheet" title="Recovery sheet" icon={<PrinterIcon />} headingRef={headingRef}>
      <p className="hint">
        A sheet lists each account’s unused backup codes, its setup key as a QR code, its ways in
        and recovery contacts. Sparekey makes it itself and writes it only where you choose
        (readable by you only), or sends it straight to the printer: no copy is left anywhere else.
      </p>
      {accounts.loaded && list.length === 0 ? (
        <p className="muted">Add accounts first: a sheet is made from what the vault holds.</p>
      ) : (
        <>
          {outdated.size > 0 && (
            <div className="outdated-note">
              <SeverityNote
                severity={
                  [...outdated.values()].some((finding) => finding.severity === 'warning')
                    ? 'warning'
                    : 'info'
                }
              >
                {outdated.size === 1
                  ? 'One printed sheet is out of date.'
                  : `${outdated.size} printed sheets are out of date.`}{' '}
                Print new ones and shred the old paper.
              </SeverityNote>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setScope('chosen');
                  setChosen(new Set(outdated.keys()));
                }}
              >
                Choose {outdated.size === 1 ? 'it' : 'them'}
              </button>
            </div>
          )}
          <fieldset className="replace-choice">
            <legend>Which accounts</legend>
            <RadioOption
              name="sheet-scope"
              checked={scope === 'all'}
              onSelect={() => setScope('all')}
            >
              Every account: the emergency kit ({count(list.length, 'account')})
            </RadioOption>
            <RadioOption
              name="sheet-scope"
              checked={scope === 'chosen'}
              onSelect={() => setScope('chosen')}
            >
              Only the accounts I choose
              {scope === 'chosen' ? ` (${chosen.size} chosen)` : ''}
            </RadioOption>
            <AccountChooser
              accounts={list}
              chosen={ticked}
              onChange={(next) => {
                setChosen(next);
                setScope('chosen');
              }}
              listLabel="Accounts to print"
              aside={(account) => (
                <PrintState
                  print={lastPrinted.get(account.id)}
                  outdated={outdated.get(account.id)}
                />
              )}
            />
          </fieldset>
          <div className="sheet-options">
            <label>
              Paper
              <select
                value={paper}
                onChange={(event) => setPaper(event.target.value as SheetPaper)}
              >
                <option value="a4">A4</option>
                <option value="letter">US Letter</option>
              </select>
            </label>
            <label className="check">
              <input
                autoComplete="off"
                type="checkbox"
                checked={includeUsed}
                onChange={(event) => setIncludeUsed(event.target.checked)}
              />
              Include used codes (struck through, with the date used)
            </label>
          </div>
          <ErrorMessage error={action.error} />
          <div className="actions start">
            <button
              type="button"
              className="primary"
              disabled={!ready || action.busy}
              onClick={() => void save()}
            >
              <DownloadIcon /> Save as PDF…
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!ready || action.busy}
              onClick={() => void print()}
            >
              <PrinterIcon /> Print…
            </button>
          </div>
        </>
      )}
    </SectionCard>
  );
}

/** Beside an account to print: when its sheet was last printed, and whether that paper is out of date. */
function PrintState({ print, outdated }: { print?: SheetPrint; outdated?: HealthFinding }) {
  return (
    <>
      <span className="chooser-aside">
        {print ? `Printed ${formatDay(print.printedAt)}` : 'Never printed'}
      </span>
      {outdated && (
        <span title={outdated.message}>
          <SeverityBadge severity={outdated.severity} label="Out of date" />
        </span>
      )}
    </>
  );
}

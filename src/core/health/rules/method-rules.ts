import type { AccountSummary } from '../../../shared/domain.js';
import type { FindingText, RawFinding } from '../finding.js';
import { finding, NO_FACTS } from '../finding.js';
import type { AccountFacts, HealthRule } from '../health-rule.js';
import { cliArgument, nameOf, siteOf } from './wording.js';

/** What `methods.seed-only-here` says (one function for every account it is found on). */
function seedOnlyHereText(account: AccountSummary): FindingText {
  return {
    title: 'Authenticator only in Sparekey',
    message: `The authenticator seed of ${nameOf(account)} is only in this vault. If this computer and its backups are lost, so are the codes.`,
    fix: 'Add it to an authenticator app on your phone as well: “Add to another authenticator” shows its QR code. Then record that app here with “Add a way in…”.',
    terminalFix: `Add it to an authenticator app on your phone as well (\`sparekey show ${cliArgument(account)} --reveal\` prints its setup key and link), then record it with \`sparekey methods add ${cliArgument(account)} authenticator --device "…"\`.`,
  };
}

/** `methods.seed-only-here` (info): the authenticator seed is in Sparekey and no other app is recorded. */
function seedOnlyHere(
  { account, ways, verdict, onlySeedKnown }: AccountFacts,
  out: RawFinding[],
): void {
  if (onlySeedKnown || (verdict !== 'ok' && verdict !== 'one-way')) return;
  const authenticator = ways.ways.find((way) => way.kind === 'authenticator');
  if (authenticator === undefined || !authenticator.copies.some((copy) => copy.source === 'here'))
    return;
  const elsewhere = authenticator.copies.some(
    (copy) => copy.source === 'recorded' && copy.device !== '' && copy.notWorkingSince === null,
  );
  if (elsewhere) return;
  out.push(
    finding('methods.seed-only-here', {
      accountId: account.id,
      fixTarget: 'add-to-authenticator',
      facts: NO_FACTS,
      about: account,
      text: seedOnlyHereText,
    }),
  );
}

/** `methods.seed-not-here` (info): an authenticator app is recorded, but Sparekey does not hold its seed. */
function seedNotHere({ account, ways }: AccountFacts, out: RawFinding[]): void {
  const authenticator = ways.ways.find((way) => way.kind === 'authenticator');
  if (authenticator === undefined || authenticator.state !== 'works') return;
  if (authenticator.copies.some((copy) => copy.source === 'here')) return;
  const where =
    authenticator.copies
      .filter((copy) => copy.notWorkingSince === null)
      .map((copy) => copy.device)
      .filter(Boolean)
      .join(', ') || 'an authenticator app';
  out.push(
    finding('methods.seed-not-here', {
      accountId: account.id,
      fixTarget: 'account',
      facts: [where],
      text: () => ({
        title: 'Authenticator only on a phone',
        message: `The authenticator of ${nameOf(account)} lives only in ${where}. If that phone is lost, reset or replaced, its codes go with it.`,
        fix: `Keep the seed here too: set the authenticator up again at ${siteOf(account)} (or export it from the app) and add the setup key with “Add setup key…”.`,
        terminalFix: `Keep the seed here too: set the authenticator up again at ${siteOf(account)} (or export it from the app) and add its setup key to the account in the desktop app (“Add setup key…”).`,
      }),
    }),
  );
}

export const methodRules: HealthRule = {
  id: 'methods',
  account(facts, _model, out) {
    seedOnlyHere(facts, out);
    seedNotHere(facts, out);
  },
};

import { formatDay } from '../../../shared/dates.js';
import type { RawFinding } from '../finding.js';
import { METHOD_LABELS } from '../../../shared/recovery.js';
import type { WayIn } from '../../../shared/ways-in.js';
import { finding, listWords, NO_FACTS } from '../finding.js';
import type { AccountFacts, HealthModel, HealthRule } from '../health-rule.js';
import { isPhoneDelivered, isWorking, pluralPhrase, wayPhrase } from '../ways-in.js';
import { cliArgument, missingWays, nameOf, siteOf, stillWorking } from './wording.js';

/** The ways and their states, as the facts a verdict stands on. */
function waysFacts(facts: AccountFacts): string[] {
  return facts.ways.ways.map((way) => `${way.id}:${way.state}`).sort();
}

/** "SMS to +44 7700 900123: you retired this number on …" */
function wayAndReason(way: WayIn): string {
  return `${way.label}: ${way.reason.charAt(0).toLowerCase()}${way.reason.slice(1)}`;
}

/** What to do when no way works: add one while still signed in, else the site's recovery. */
function recoveryAdvice(facts: AccountFacts): { app: string; terminal: string } {
  const site = siteOf(facts.account);
  const { recovery } = facts.ways;
  const page = recovery.supportUrl ? ` (${recovery.supportUrl})` : '';
  const reachable = recovery.contacts.filter((contact) => isWorking(contact.state));
  const then =
    reachable.length > 0
      ? `Otherwise use ${site}'s account recovery${page}: it can reach you at ${listWords(reachable.map((contact) => contact.display))}.`
      : `Otherwise ask ${site}'s support to recover the account${page}; have proof of who you are ready${recovery.hasNotes ? ', and see your recovery notes' : ''}.`;
  return {
    app: `If you are still signed in to ${site} anywhere, add a new way in there now and record it here with “Add a way in…”. ${then}`,
    terminal: `If you are still signed in to ${site} anywhere, add a new way in there now and record it with \`sparekey methods add ${cliArgument(facts.account)}\`. ${then}`,
  };
}

/** `ways.none-work` (critical), `ways.unknown` (warning): nothing is known to get you in. */
function noWayWorks(facts: AccountFacts, out: RawFinding[]): void {
  const { account, ways, verdict } = facts;
  if (verdict === 'locked-out') {
    out.push(
      finding('ways.none-work', {
        accountId: account.id,
        fixTarget: 'methods',
        facts: waysFacts(facts),
        text: () => {
          const advice = recoveryAdvice(facts);
          return {
            title: 'No way in works',
            message: `${ways.ways.map(wayAndReason).join(' ')} The next time ${siteOf(account)} asks for a second factor, you cannot sign in.`,
            fix: advice.app,
            terminalFix: advice.terminal,
          };
        },
      }),
    );
  } else if (verdict === 'unknown') {
    const codesUnknown = ways.ways.some(
      (way) => way.kind === 'backup-codes' && way.state === 'unknown',
    );
    out.push(
      finding('ways.unknown', {
        accountId: account.id,
        fixTarget: codesUnknown ? 'codes' : 'methods',
        facts: waysFacts(facts),
        text: () => ({
          title: 'Not known whether any way in works',
          message: `No way into ${nameOf(account)} is known to work. ${ways.ways.map(wayAndReason).join(' ')}`,
          fix: codesUnknown
            ? 'Find the backup codes and paste them here (“Add backup codes”), so Sparekey knows how many are left; or record the way in you use with “Add a way in…”.'
            : 'Record the way in you use now with “Add a way in…”, and remove the one that no longer says where codes go.',
          terminalFix: codesUnknown
            ? `Find the backup codes and add them with \`sparekey codes add ${cliArgument(account)}\`; or record the way in you use with \`sparekey methods add\`.`
            : `Record the way in you use now with \`sparekey methods add ${cliArgument(account)}\`, and remove the old one with \`sparekey methods remove\`.`,
        }),
      }),
    );
  }
}

/**
 * `ways.only-seed-known` (info): all Sparekey knows is the seed; `methods.sms-only`
 * (warning): every way that works is a code sent to a phone; `methods.single`
 * (warning): exactly one independent way works.
 */
function fewWays(facts: AccountFacts, model: HealthModel, out: RawFinding[]): void {
  const { account, ways, verdict } = facts;
  if (facts.onlySeedKnown) {
    out.push(
      finding('ways.only-seed-known', {
        accountId: account.id,
        fixTarget: 'methods',
        facts: NO_FACTS,
        text: () => ({
          title: 'Only the authenticator is known',
          message: `Sparekey holds the authenticator seed of ${nameOf(account)}, but knows nothing else of how you get in: whether ${siteOf(account)} gave you backup codes, texts a phone, or can reach you to recover the account.`,
          fix: 'Tell Sparekey how else you can get in: paste the backup codes (“Add backup codes”), and record the other ways with “Add a way in…” and a recovery phone or e-mail with “Add recovery contact”.',
          terminalFix: `Tell Sparekey how else you can get in: \`sparekey codes add ${cliArgument(account)}\`, \`sparekey methods add\`, \`sparekey recovery --add-contact\`.`,
        }),
      }),
    );
    return;
  }
  if (verdict !== 'ok' && verdict !== 'one-way') return;
  const working = ways.ways.filter((way) => isWorking(way.state));
  if (working.every(isPhoneDelivered)) {
    out.push(
      finding('methods.sms-only', {
        accountId: account.id,
        fixTarget: 'methods',
        facts: waysFacts(facts),
        text: () => {
          const kinds = [...new Set(working.map((way) => METHOD_LABELS[way.kind]))];
          const numbers = [...new Set(working.map((way) => way.label.replace(/^.* to /, '')))];
          const missing = missingWays(ways.ways);
          const site = siteOf(account);
          return {
            title: `${kinds.join(' / ')} ${kinds.length === 1 ? 'is' : 'are'} the only way in`,
            message: `${nameOf(account)} can only be opened with a code sent to ${listWords(numbers)}: a carrier outage, a ported or stolen number, roaming or a spam filter locks you out.`,
            fix: `At ${site}, add ${listWords(missing.app, 'or')}, and keep the phone only as a fallback. Record what you add here with “Add a way in…”.`,
            terminalFix: `At ${site}, add ${listWords(missing.terminal, 'or')}, and keep the phone only as a fallback.`,
          };
        },
      }),
    );
    return;
  }
  if (verdict !== 'one-way') return;
  const only = working[0] as WayIn;
  const missing = missingWays(ways.ways);
  out.push(
    finding('methods.single', {
      accountId: account.id,
      fixTarget: missing.app[0]?.includes('backup codes') ? 'codes' : 'methods',
      facts: waysFacts(facts),
      text: () => {
        const name = nameOf(account);
        const site = siteOf(account);
        const broken = ways.ways.filter((way) => way.state === 'broken');
        const left =
          broken.length > 0
            ? ` (${listWords(broken.map((way) => way.label))} no longer ${broken.length === 1 ? 'works' : 'work'})`
            : '';
        const phrase = wayPhrase(only, model.contacts);
        return {
          title: `One way in: ${only.label}`,
          message: pluralPhrase(only)
            ? `Only ${phrase} get you into ${name}${left}. If they are lost or stop working, you are locked out.`
            : `Only ${phrase} gets you into ${name}${left}. If it is lost or stops working, you are locked out.`,
          fix: `Add a second way in at ${site}: ${listWords(missing.app, 'or')}. Record it here with “Add a way in…”.`,
          terminalFix: `Add a second way in at ${site}: ${listWords(missing.terminal, 'or')}; record it with \`sparekey methods add ${cliArgument(account)}\`.`,
        };
      },
    }),
  );
}

function notWorkingFix(
  way: WayIn,
  facts: AccountFacts,
  model: HealthModel,
): { app: string; terminal: string } {
  const site = siteOf(facts.account);
  const argument = cliArgument(facts.account);
  const contact = way.contactId === null ? undefined : model.contacts.get(way.contactId);
  const device = way.copies.find((copy) => copy.notWorkingSince !== null)?.device || 'it';
  const same = (text: string) => ({ app: text, terminal: text });
  switch (way.kind) {
    case 'sms':
    case 'voice':
    case 'whatsapp':
      return same(
        `Check with your carrier that ${contact?.display ?? 'the number'} still receives codes; if not, replace it at ${site} with a way that does not depend on a phone number.`,
      );
    case 'email-code':
      return same(
        `Check that mail to ${contact?.display ?? 'the address'} arrives (and its spam folder); if not, change the address at ${site}.`,
      );
    case 'backup-codes':
      return {
        app: `Generate new backup codes at ${site} and paste them here (“Add backup codes”).`,
        terminal: `Generate new backup codes at ${site} and add them with \`sparekey codes add ${argument}\`.`,
      };
    default:
      return {
        app: `Remove ${device} from ${site}'s security settings (whoever finds it could use it), then set up a new one and record it here with “Add a way in…”.`,
        terminal: `Remove ${device} from ${site}'s security settings (whoever finds it could use it), then set up a new one and record it with \`sparekey methods add ${argument}\`.`,
      };
  }
}

/**
 * A way that no longer works while another does (warning, naming what still
 * works): `contacts.retired-in-use` (codes go to a retired contact),
 * `methods.not-working` (marked as no longer working), `codes.all-used`; and
 * `codes.not-here` for backup codes recorded but not stored.
 */
function brokenWays(facts: AccountFacts, model: HealthModel, out: RawFinding[]): void {
  const { account, ways, verdict } = facts;
  if (verdict !== 'ok' && verdict !== 'one-way') return;
  const working = () => stillWorking(ways.ways, model.contacts, nameOf(account));
  for (const way of ways.ways) {
    if (way.state !== 'broken' && !(way.kind === 'backup-codes' && way.state === 'unknown'))
      continue;
    const methodId = way.copies.find((copy) => copy.methodId !== null)?.methodId ?? null;
    const contact = way.contactId === null ? undefined : model.contacts.get(way.contactId);
    if (way.state === 'broken' && contact?.retiredAt != null) {
      const retiredAt = contact.retiredAt;
      const what = contact.kind === 'phone' ? 'number' : 'address';
      out.push(
        finding('contacts.retired-in-use', {
          accountId: account.id,
          subject: way.id,
          contactId: contact.id,
          fixTarget: 'methods',
          facts: [contact.id, retiredAt],
          text: () => ({
            title: `Codes go to a retired ${what}`,
            message: `${working()}, but ${METHOD_LABELS[way.kind]} still sends its codes to ${contact.display}, which you retired on ${formatDay(retiredAt)}: whoever has that ${what} now may receive them.`,
            fix: `Replace the ${what} at ${siteOf(account)}: in its two-step settings change ${METHOD_LABELS[way.kind]} to a ${what} you have (or remove it), then record the new one here with “Add a way in…” and remove the old one.`,
            terminalFix: `Replace the ${what} at ${siteOf(account)}, then \`sparekey methods add ${cliArgument(account)} ${way.kind} --contact …\` and \`sparekey methods remove ${cliArgument(account)} ${methodId ?? way.kind}\`.`,
          }),
        }),
      );
    } else if (way.state === 'broken' && way.kind === 'backup-codes' && way.codes) {
      const { total } = way.codes;
      out.push(
        finding('codes.all-used', {
          accountId: account.id,
          fixTarget: 'codes',
          facts: [total],
          text: () => ({
            title: 'All backup codes used',
            message: `${working()}, but all ${total} of its backup codes are used: none is left for the day the others fail.`,
            fix: `Sign in to ${siteOf(account)}, generate new backup codes and add them here with “Add codes…”, answering that the site replaced the old ones.`,
            terminalFix: `Sign in to ${siteOf(account)}, generate new backup codes and add them with \`sparekey codes add ${cliArgument(account)} --replace\`.`,
          }),
        }),
      );
    } else if (way.state === 'broken') {
      const since =
        way.copies.find((copy) => copy.notWorkingSince !== null)?.notWorkingSince ?? null;
      out.push(
        finding('methods.not-working', {
          accountId: account.id,
          subject: way.id,
          fixTarget: way.kind === 'backup-codes' ? 'codes' : 'methods',
          facts: [way.id, since],
          text: () => {
            const fix = notWorkingFix(way, facts, model);
            return {
              title: `${way.label} no longer works`,
              message: `${working()}, but ${wayPhrase(way, model.contacts)} no longer ${pluralPhrase(way) ? 'do' : 'does'} (marked on ${since === null ? 'an unknown day' : formatDay(since)}).`,
              fix: `${fix.app} If it works again, choose “It works again” under Ways in.`,
              terminalFix: `${fix.terminal} If it works again: \`sparekey methods works ${cliArgument(account)} ${methodId ?? way.kind}\`.`,
            };
          },
        }),
      );
    } else {
      out.push(
        finding('codes.not-here', {
          accountId: account.id,
          fixTarget: 'codes',
          facts: NO_FACTS,
          text: () => ({
            title: 'Backup codes not stored here',
            message: `${nameOf(account)} has backup codes as a way in, but none are stored in Sparekey: when they are needed you will have to find them, and whether any are left is unknown.`,
            fix: `Paste them here (“Add backup codes”): Sparekey then tracks which are used. If you cannot find them, generate new ones at ${siteOf(account)}.`,
            terminalFix: `Add them with \`sparekey codes add ${cliArgument(account)}\`; if you cannot find them, generate new ones at ${siteOf(account)}.`,
          }),
        }),
      );
    }
  }
}

/** The verdicts the ways in give, and what to do about each way that does not work. */
export const wayRules: HealthRule = {
  id: 'ways',
  account(facts, model, out) {
    // What broke first, then what it leaves: the order Health lists them in.
    noWayWorks(facts, out);
    brokenWays(facts, model, out);
    fewWays(facts, model, out);
  },
};

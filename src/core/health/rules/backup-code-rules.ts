import type { RawFinding } from '../finding.js';
import { finding, NO_FACTS } from '../finding.js';
import type { AccountFacts, HealthRule } from '../health-rule.js';
import { isPhoneDelivered, isWorking } from '../ways-in.js';
import { cliArgument, nameOf, siteOf } from './wording.js';

/** `codes.low` (warning): the unused codes are at or below the threshold. */
function codesLow({ account, codes, verdict }: AccountFacts, out: RawFinding[]): void {
  if (codes?.level !== 'low' || verdict === 'locked-out') return;
  out.push(
    finding('codes.low', {
      accountId: account.id,
      fixTarget: 'codes',
      facts: [codes.currentSetId, codes.remaining],
      text: () => ({
        title: 'Backup codes running low',
        message: `Only ${codes.remaining} of ${codes.total} backup codes for ${nameOf(account)} are left (the warning starts at ${codes.threshold}).`,
        fix: `Before the last ones are used, generate new backup codes at ${siteOf(account)} and add them here with “Add codes…”, replacing the old set.`,
        terminalFix: `Before the last ones are used, generate new backup codes at ${siteOf(account)} and add them with \`sparekey codes add ${cliArgument(account)} --replace\`.`,
      }),
    }),
  );
}

/**
 * `codes.none-stored` (info): an account with two ways in or more and no backup
 * codes at all (one way in, or phone only, already says to add them).
 */
function noCodes({ account, ways, verdict, onlySeedKnown }: AccountFacts, out: RawFinding[]): void {
  if (verdict !== 'ok' || onlySeedKnown) return;
  if (ways.ways.some((way) => way.kind === 'backup-codes')) return;
  if (ways.ways.every((way) => !isWorking(way.state) || isPhoneDelivered(way))) return;
  out.push(
    finding('codes.none-stored', {
      accountId: account.id,
      fixTarget: 'codes',
      facts: NO_FACTS,
      text: () => ({
        title: 'No backup codes stored',
        message: `No backup codes are stored for ${nameOf(account)}. Most sites with two-step sign-in offer single-use codes for the day your other ways in fail.`,
        fix: `If ${siteOf(account)} offers backup codes, generate them and paste them here with “Add backup codes”; Sparekey tracks which are used.`,
        terminalFix: `If ${siteOf(account)} offers backup codes, generate them and add them with \`sparekey codes add ${cliArgument(account)}\`.`,
      }),
    }),
  );
}

const MENTIONS_CODES =
  /\b(backup|recovery|scratch|single[- ]use|one[- ]time|2fa|verification)[- ]codes?\b/i;
const PLAIN_PLACE =
  /\b[\w-]+\.(txt|docx?|rtf|odt|pdf|png|jpe?g|heic|xlsx?|csv|md)\b|\b(text file|a file|in a file|desktop|downloads folder|documents folder|google docs?|google drive|dropbox|onedrive|icloud|evernote|notion|notes app|apple notes|google keep|e-?mailed|in (an|my) e-?mail|screenshot|photo of|picture of|spreadsheet)\b/i;

/**
 * `codes.plaintext-copy` (warning): the account's notes or recovery notes say its
 * codes are also kept in a plain file, a document, a photo or an e-mail.
 */
function plaintextCopy({ account, recovery }: AccountFacts, out: RawFinding[]): void {
  for (const notes of [account.notes, recovery?.recoveryNotes ?? '']) {
    if (notes === '' || !MENTIONS_CODES.test(notes)) continue;
    const place = PLAIN_PLACE.exec(notes)?.[0];
    if (place === undefined) continue;
    out.push(
      finding('codes.plaintext-copy', {
        accountId: account.id,
        fixTarget: 'codes',
        facts: [place.toLowerCase()],
        text: () => ({
          title: 'Codes also kept in a plain file',
          message: `The notes of ${nameOf(account)} say its codes are also kept in “${place}”: anyone who opens it can use them, and nobody marks those copies used.`,
          fix: 'Store the codes here if they are not (“Add backup codes”), then delete that copy (and empty the bin) and change the note. If the note is out of date, choose “Dismiss…” and say it does not apply.',
          terminalFix: `Store the codes here if they are not (\`sparekey codes add ${cliArgument(account)}\`), then delete that copy and change the note.`,
        }),
      }),
    );
    return;
  }
}

export const backupCodeRules: HealthRule = {
  id: 'codes',
  account(facts, _model, out) {
    codesLow(facts, out);
    noCodes(facts, out);
    plaintextCopy(facts, out);
  },
};

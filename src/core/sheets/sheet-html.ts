import { createHash } from 'node:crypto';
import { qrSvg } from '../qr/write-qr.js';
import { formatDay } from '../../shared/dates.js';
import type { SheetAccount, SheetCodeSet, SheetDocument } from './sheet-document.js';
import { sheetStyle } from './sheet-style.js';

/** Escapes text for HTML content and attribute values. Every value from the vault goes through it. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A document with only this style sheet and inline SVG: no script, no network, no plug-in, no form. */
export function sheetContentSecurityPolicy(style: string): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function sheetTitle(document: SheetDocument): string {
  const [only] = document.accounts;
  if (document.accounts.length === 1 && only !== undefined && !document.wholeVault) {
    return `Recovery sheet: ${only.issuer || only.accountName}`;
  }
  const count = `${document.accounts.length} account${document.accounts.length === 1 ? '' : 's'}`;
  return document.wholeVault ? `Emergency kit: ${count}` : `Recovery sheets: ${count}`;
}

/** Columns for a code grid: three for short codes, two for longer, one for recovery keys. */
function gridColumns(set: SheetCodeSet): string {
  const longest = Math.max(0, ...set.unused.map((code) => code.code.length));
  if (longest <= 11) return 'cols-3';
  if (longest <= 22) return 'cols-2';
  return 'cols-1';
}

function codeSetBlock(set: SheetCodeSet, includeUsed: boolean): string {
  const label = set.label ? ` “${escapeHtml(set.label)}”` : '';
  const counts = `${set.unused.length} of ${set.total} unused, issued ${formatDay(set.issuedAt)}`;
  const grid =
    set.unused.length === 0
      ? '<p class="empty">Every code of this set is used: get new codes from the site.</p>'
      : `<ol class="code-grid ${gridColumns(set)}">${set.unused
          .map(
            (code) =>
              `<li><span class="box"></span><span class="num">${code.number}</span><span class="code">${escapeHtml(code.code)}</span></li>`,
          )
          .join('')}</ol>`;
  const used =
    includeUsed && set.used.length > 0
      ? `<div class="used"><h4>Already used: these codes no longer work</h4><ul>${set.used
          .map(
            (code) =>
              `<li>No. ${code.number} <s>${escapeHtml(code.code)}</s> used ${formatDay(code.usedAt)}${code.note ? `: ${escapeHtml(code.note)}` : ''}</li>`,
          )
          .join('')}</ul></div>`
      : '';
  return `<div class="block codes"><h3>Backup codes${label} <span class="aside">(${counts}; tick each one you use)</span></h3>${grid}${used}</div>`;
}

async function seedBlock(account: SheetAccount): Promise<string> {
  if (account.seed === null) return '';
  const { uri, groupedSecret, description } = account.seed;
  return `<div class="block seed"><h3>Authenticator seed</h3><div class="seed-body"><div class="qr">${await qrSvg(uri, 'QR code of the otpauth link')}</div><div class="seed-text"><p>Scan the code with an authenticator app to set it up again, or type this key:</p><p class="secret">${escapeHtml(groupedSecret)}</p><p>${escapeHtml(description)}</p></div></div></div>`;
}

function recoveryBlock(account: SheetAccount): string {
  const parts: string[] = [];
  const list = (items: string[]) =>
    `<ul class="plain">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  if (account.methods.length > 0) {
    parts.push(`<dt>Two-step verification</dt><dd>${list(account.methods)}</dd>`);
  }
  if (account.recoveryContacts.length > 0) {
    parts.push(`<dt>Recovery contacts</dt><dd>${list(account.recoveryContacts)}</dd>`);
  }
  if (account.supportUrl) {
    parts.push(
      `<dt>Support and account recovery</dt><dd class="url">${escapeHtml(account.supportUrl)}</dd>`,
    );
  }
  if (parts.length === 0) return '';
  return `<div class="block recovery"><h3>Ways in and recovery</h3><dl>${parts.join('')}</dl></div>`;
}

async function accountSection(account: SheetAccount, document: SheetDocument): Promise<string> {
  const name = account.issuer || account.accountName;
  const head = [
    `<h2>${escapeHtml(name)}</h2>`,
    account.issuer && account.accountName
      ? `<p>Account: <strong>${escapeHtml(account.accountName)}</strong></p>`
      : '',
    account.url ? `<p>Sign in at <span class="url">${escapeHtml(account.url)}</span></p>` : '',
  ].join('');
  const codes =
    account.codeSets.length === 0
      ? '<div class="block codes"><h3>Backup codes</h3><p class="empty">None stored in Sparekey.</p></div>'
      : account.codeSets.map((set) => codeSetBlock(set, document.includeUsed)).join('');
  const notes = account.recoveryNotes
    ? `<div class="block notes-block"><h3>Recovery notes</h3><p class="notes">${escapeHtml(account.recoveryNotes)}</p></div>`
    : '';
  const blocks = [codes, await seedBlock(account), recoveryBlock(account), notes].filter(Boolean);
  // The heading stays on the page of the account's first block.
  const [first = '', ...rest] = blocks;
  return `<section class="account"><div class="lead"><header class="account-head">${head}</header>${first}</div>${rest.join('')}</section>`;
}

/**
 * The print-ready HTML of a sheet: one self-contained document (inline CSS
 * allowed by its own hash, QR codes as inline SVG, no script, nothing fetched),
 * black and white, for A4 or US Letter. Every value from the vault is escaped.
 */
export async function sheetHtml(
  document: SheetDocument,
): Promise<{ html: string; title: string; contentSecurityPolicy: string }> {
  const printed = formatDay(document.printedAt);
  const title = sheetTitle(document);
  const style = sheetStyle(document.paper, `Sparekey · printed ${printed}`);
  const contentSecurityPolicy = sheetContentSecurityPolicy(style);
  const sections: string[] = [];
  for (const account of document.accounts) sections.push(await accountSection(account, document));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy)}">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header class="doc-head"><h1>${escapeHtml(title)}</h1><p class="doc-meta">Printed ${printed} by Sparekey</p><p class="notice">Anyone holding this paper can get into ${document.accounts.length === 1 ? 'this account' : 'these accounts'}. Keep it somewhere safe, away from your phone and computer. When you print a newer sheet, shred this one.</p></header>
${sections.join('\n')}
</body>
</html>
`;
  return { html, title, contentSecurityPolicy };
}

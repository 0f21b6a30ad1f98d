import type { AccountInput } from '../../shared/domain.js';
import { invalidInput } from '../../shared/errors.js';
import {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
} from '../../shared/input-limits.js';

export interface CleanAccountFields {
  issuer: string;
  accountName: string;
  url: string;
  notes: string;
  tags: string[];
}

/** Tags: trimmed, non-empty, no duplicates (ignoring case), in the order given. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const clean: string[] = [];
  for (const raw of tags ?? []) {
    const tag = cleanText(raw, 'tag', MAX_TAG_LENGTH, 'tags');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    clean.push(tag);
  }
  if (clean.length > MAX_TAGS) {
    throw invalidInput(`An account can have at most ${MAX_TAGS} tags.`, { field: 'tags' });
  }
  return clean;
}

/** `field`: the input field the text came from, named in a refusal's details (the app marks it). */
function cleanText(value: string | undefined, what: string, max: number, field: string): string {
  const text = (value ?? '').trim();
  if (text.length > max) {
    throw invalidInput(`The ${what} is too long (${text.length} characters; at most ${max}).`, {
      field,
    });
  }
  // eslint-disable-next-line no-control-regex
  if (what !== 'notes' && /[\u0000-\u001f\u007f]/.test(text)) {
    throw invalidInput(`The ${what} contains a control character.`, { field });
  }
  return text;
}

/**
 * A sign-in URL; a bare host gets https:// in front, anything but http(s) is
 * refused. `field` names the input field in a refusal's details.
 */
export function cleanUrl(value: string | undefined, field = 'url'): string {
  const text = (value ?? '').trim();
  if (text === '') return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidInput(`"${text}" is not a valid URL.`, { field });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidInput(`"${text}" is not a web address (only http and https URLs are kept).`, {
      field,
    });
  }
  return url.toString();
}

export function cleanAccountFields(input: AccountInput): CleanAccountFields {
  const issuer = cleanText(input.issuer, 'issuer', MAX_NAME_LENGTH, 'issuer');
  const accountName = cleanText(input.accountName, 'account name', MAX_NAME_LENGTH, 'accountName');
  if (issuer === '' && accountName === '') {
    throw invalidInput('An account needs an issuer (the site or service) or an account name.', {
      field: 'issuer',
    });
  }
  return {
    issuer,
    accountName,
    url: cleanUrl(input.url),
    notes: cleanText(input.notes, 'notes', MAX_NOTES_LENGTH, 'notes'),
    tags: cleanTags(input.tags),
  };
}

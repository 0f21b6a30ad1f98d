import { existsSync, readFileSync } from 'node:fs';
import { decodeBase32Secret } from '../../src/core/otp/base32-secret.js';

/** Every form a secret could take on disk: text (UTF-8 and UTF-16), and for a Base32 seed its raw bytes and hex. */
export function secretForms(secret: string, options: { base32?: boolean } = {}): Buffer[] {
  const forms = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  if (options.base32) {
    const raw = Buffer.from(decodeBase32Secret(secret));
    forms.push(
      raw,
      Buffer.from(raw.toString('hex')),
      Buffer.from(raw.toString('hex').toUpperCase()),
    );
    forms.push(Buffer.from(raw.toString('base64')));
  }
  return forms;
}

/** The files that exist among `paths`, each with the forms of `secrets` found in it. */
export function findSecretsInFiles(
  paths: string[],
  secrets: { label: string; forms: Buffer[] }[],
): string[] {
  const hits: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const secret of secrets) {
      for (const form of secret.forms) {
        if (bytes.includes(form)) hits.push(`${secret.label} in ${path}`);
      }
    }
  }
  return hits;
}

export function vaultFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
}

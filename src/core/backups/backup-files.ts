import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupFileInfo, BackupKind } from '../../shared/backups.js';

/** Automatic backups go into this folder beside the vault file. */
export const BACKUP_FOLDER_NAME = 'backups';

export function backupFolderFor(vaultPath: string): string {
  return join(dirname(vaultPath), BACKUP_FOLDER_NAME);
}

/** `vault` for `vault.sparekey`: backups of several vaults in one folder stay apart. */
function baseName(vaultPath: string): string {
  return basename(vaultPath).replace(/\.sparekey$/i, '') || 'vault';
}

/** 2026-05-03T10-00-00.000Z: sortable, and valid in a file name on every platform. */
function stamp(at: number): string {
  return new Date(at).toISOString().replace(/:/g, '-');
}

/** `vault-2026-05-03T10-00-00.000Z.sparekey` (with `-before-restore` for the replaced vault; `-2`… if taken). */
export function backupFileName(
  vaultPath: string,
  at: number,
  kind: BackupKind = 'backup',
  attempt = 1,
): string {
  const suffix = kind === 'before-restore' ? '-before-restore' : '';
  const extra = attempt > 1 ? `-${attempt}` : '';
  return `${baseName(vaultPath)}-${stamp(at)}${suffix}${extra}.sparekey`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** When and what a backup of this vault is, from its file name; null for any other file. */
export function parseBackupFileName(
  vaultPath: string,
  name: string,
): { at: number; kind: BackupKind } | null {
  const pattern = new RegExp(
    `^${escapeRegExp(baseName(vaultPath))}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2}\\.\\d{3})Z(-before-restore)?(?:-\\d+)?\\.sparekey$`,
  );
  const match = pattern.exec(name);
  if (match === null) return null;
  const [, day, hours, minutes, seconds, restore] = match;
  const at = Date.parse(`${day}T${hours}:${minutes}:${seconds}Z`);
  if (Number.isNaN(at)) return null;
  return { at, kind: restore ? 'before-restore' : 'backup' };
}

/** This vault's backups in its backups folder, newest first. */
export function listBackupFiles(vaultPath: string): BackupFileInfo[] {
  const folder = backupFolderFor(vaultPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const files: BackupFileInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(vaultPath, name);
    if (parsed === null) continue;
    const path = join(folder, name);
    try {
      const stats = statSync(path);
      if (stats.isFile()) files.push({ path, name, ...parsed, bytes: stats.size });
    } catch {
      // Removed meanwhile.
    }
  }
  return files.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

/**
 * The copies of a vault kept beside it when it was upgraded from an older format
 * (`vault.format-1.sparekey`, `vault.format-2.sparekey`, `vault.format-2-2.sparekey`…), as paths.
 */
export function listUpgradeCopies(vaultPath: string): string[] {
  const folder = dirname(vaultPath);
  const pattern = new RegExp(
    `^${escapeRegExp(baseName(vaultPath))}\\.format-\\d+(?:-\\d+)?\\.sparekey$`,
  );
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(folder, name));
}

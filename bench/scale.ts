import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock } from '../src/core/clock.js';
import { open, unpackSealed } from '../src/core/crypto/aead.js';
import { wipe } from '../src/core/crypto/bytes.js';
import { deriveKey, type KdfParams, kdfParams } from '../src/core/crypto/kdf.js';
import { deriveSubkeys, wipeSubkeys } from '../src/core/crypto/subkeys.js';
import { groupReport } from '../src/core/health/grouping.js';
import { formatOtpauthUri } from '../src/core/otp/otpauth.js';
import { makeSeed } from '../src/core/otp/seed.js';
import { VaultDatabase } from '../src/core/storage/database.js';
import { keySlotAssociatedData, readHeader } from '../src/core/storage/header.js';
import {
  type PreparedStateCheck,
  prepareStateCheck,
  VaultState,
} from '../src/core/storage/vault-state.js';
import { Vault } from '../src/core/vault.js';
import {
  buildKdbx,
  deriveOnce,
  describeKdf,
  keepassxcKdf,
  load,
  markUsedAndSave,
  type PeerAccount,
  type PeerKdf,
} from './kdbx-peer.js';
import { formatMs, median, percentile, sample, timeAsync, timeSync } from './lib/measure.js';
import type { Report } from './lib/report.js';

const PASSWORD = 'benchmark password';
/** Argon2id at its minimum cost: the unlock figures below leave the KDF out by design. */
export const NEAR_ZERO_KDF = { memoryKiB: 8, passes: 1, lanes: 1 };
/**
 * Vault options that derive the password key at NEAR_ZERO_KDF in place of the
 * vault's real (stored and checked) parameters.
 */
export const BENCH_KDF = {
  deriveKey: (password: string, params: KdfParams) =>
    deriveKey(password, { ...params, ...NEAR_ZERO_KDF }),
};
const SECRETS = ['JBSWY3DPEHPK3PXP', '4SJHB4GSD43FZBAI7C2HLRJGPQ', 'KUVJJOM753IHTNDSZVCNKL7GII'];

export function codeOf(account: number, code: number): string {
  return `${String(account).padStart(5, '0')}${code} ${String(code * 7919)
    .padStart(4, '0')
    .slice(-4)}`;
}

export function peerAccount(index: number): PeerAccount {
  const issuer = `Site ${index}`;
  const accountName = `user${index}@example.com`;
  const seed = makeSeed({ secret: SECRETS[index % SECRETS.length]! });
  return {
    issuer,
    accountName,
    otpauth: formatOtpauthUri(issuer, accountName, seed),
    codes: Array.from({ length: 10 }, (_, code) => codeOf(index, code)),
  };
}

/**
 * A vault of `size` accounts, each with a seed and a set of 10 backup codes, written
 * in one transaction; its password key derived at NEAR_ZERO_KDF, or with the real
 * Argon2id at the default parameters when `realKdf`.
 */
export async function buildVault(path: string, size: number, realKdf = false): Promise<string[]> {
  const vault = await Vault.create(path, PASSWORD, {
    ...(realKdf ? {} : BENCH_KDF),
    clock: new FixedClock(Date.UTC(2026, 4, 3, 10)),
  });
  const ids: string[] = [];
  vault.transaction(() => {
    for (let index = 0; index < size; index++) {
      const account = peerAccount(index);
      const id = vault.accounts.add({
        issuer: account.issuer,
        accountName: account.accountName,
        seed: makeSeed({ secret: SECRETS[index % SECRETS.length]! }),
      }).id;
      vault.backupCodes.add(id, { codes: account.codes });
      ids.push(id);
    }
  });
  vault.close();
  return ids;
}

interface SizeFigures {
  size: number;
  markP50: number;
  markP99: number;
  checkpoint: number;
  marks: number;
  addP50: number;
  addP99: number;
  unlockNoKdf: number;
  /** Rows in the vault when it was checked. */
  checkedRecords: number;
  /** The whole check in one go (VaultState.check). */
  stateCheck: number;
  /** Its part that needs no key, which unlock runs while Argon2id does (prepareStateCheck). */
  stateCheckKeyless: number;
  /** What is left once the key is there (VaultState.check with the prepared rows). */
  stateCheckAfterKey: number;
  firstScreen: number;
  healthCheck: number;
  kdbxSave: number;
  kdbxLoad: number;
  /** One derivation at the peer's KDF: each KDBX save and load runs one. */
  kdbxKdf: number;
  /** Rows re-encrypted by each password change. */
  rotatedRecords: number;
  passwdNoKdf: number;
}

/** Rows in a vault file (not secret: kind, id, parent are plaintext columns). */
function recordCount(db: VaultDatabase): number {
  return (db.statement('SELECT count(*) AS n FROM records').get() as { n: number }).n;
}

/**
 * The whole-vault check at unlock on its own: `VaultState.check` in a read
 * transaction (every row's tag summed into S, the state MAC compared), on a
 * connection of its own with the subkeys unwrapped once beforehand, as
 * `Vault.unlock` does after the KDF and the key unwrap.
 */
async function measureStateCheck(
  path: string,
  runs: number,
): Promise<{ records: number; check: number; keyless: number; afterKey: number }> {
  const db = VaultDatabase.openExisting(path);
  try {
    const header = db.read(() => readHeader(db));
    const passwordKey = await BENCH_KDF.deriveKey(PASSWORD, header.kdf);
    const vaultKey = open(passwordKey, unpackSealed(header.keySlot), keySlotAssociatedData(header));
    wipe(passwordKey);
    if (vaultKey === null) throw new Error('The bench vault did not unlock.');
    const subkeys = deriveSubkeys(vaultKey, header.vaultId, header.format);
    wipe(vaultKey);
    const state = new VaultState(db, header, subkeys);
    try {
      await state.ready();
      const check = median(await sample(runs, () => db.read(() => state.check())));
      let prepared: PreparedStateCheck | undefined;
      const keyless = median(
        await sample(runs, () => {
          prepared = db.read(() => prepareStateCheck(db, header));
        }),
      );
      const afterKey = median(await sample(runs, () => db.read(() => state.check(prepared))));
      return { records: db.read(() => recordCount(db)), check, keyless, afterKey };
    } finally {
      state.destroy();
      wipeSubkeys(subkeys);
    }
  } finally {
    db.close();
  }
}

/**
 * `sparekey passwd` less its two key derivations (the current password's and the
 * new one's, at the near-zero cost): a new vault key, every row re-encrypted and
 * the state sealed in one transaction and kept as checked (docs/vault-format.md), the
 * WAL emptied. The password goes back and forth between two.
 */
async function measurePasswd(
  path: string,
  runs: number,
  kdf: number,
): Promise<{ records: number; passwd: number }> {
  const passwords = [PASSWORD, 'another benchmark password'] as const;
  const vault = await Vault.unlock(path, PASSWORD, BENCH_KDF);
  try {
    let turn = 0;
    const times = await sample(runs, async () => {
      await vault.changePassword(passwords[turn % 2]!, passwords[(turn + 1) % 2]!);
      turn++;
    });
    if (turn % 2 === 1) await vault.changePassword(passwords[1], passwords[0]);
    return {
      records: vault.database.read(() => recordCount(vault.database)),
      passwd: Math.max(0, median(times) - 2 * kdf),
    };
  } finally {
    vault.close();
  }
}

async function measureSize(folder: string, size: number, peerKdf: PeerKdf): Promise<SizeFigures> {
  const path = join(folder, `scale-${size}.sparekey`);
  const ids = await buildVault(path, size);

  // Unlock without the KDF: the whole unlock at a near-zero KDF, less that KDF's own median.
  const kdf = median(
    await sample(15, () => deriveKey(PASSWORD, kdfParams(NEAR_ZERO_KDF, new Uint8Array(16)))),
  );
  const unlock = median(
    await sample(9, async () => (await Vault.unlock(path, PASSWORD, BENCH_KDF)).close()),
  );
  const checked = await measureStateCheck(path, size >= 10_000 ? 15 : 25);
  const firstScreen = median(
    await sample(5, async () => {
      const vault = await Vault.unlock(path, PASSWORD, BENCH_KDF);
      vault.accounts.list();
      vault.close();
    }),
  );

  const vault = await Vault.unlock(path, PASSWORD, BENCH_KDF);
  const marks = Math.min(2000, size * 10);
  const markTimes = await sample(
    marks,
    (() => {
      let next = 0;
      return () => {
        // A different code each time, spread over the accounts (a stride coprime with the size).
        const account = (next * 7919) % size;
        const code = Math.floor(next / size) % 10;
        next++;
        vault.backupCodes.use(ids[account]!, { code: codeOf(account, code) }, 'bench');
      };
    })(),
    0,
  );
  // The checkpoint those marks left for the vault's idle moment (none runs inside the loop above).
  const checkpoint = timeSync(() => vault.database.checkpointAndTruncateWal());
  const addTimes = await sample(
    200,
    (() => {
      let next = size;
      return () => {
        const account = peerAccount(next++);
        vault.accounts.add({
          issuer: account.issuer,
          accountName: account.accountName,
          seed: makeSeed({ secret: SECRETS[0]! }),
        });
      };
    })(),
    0,
  );
  const healthCheck = median(
    await sample(3, () => groupReport(vault.health.check(Date.UTC(2026, 4, 3, 10))), 0),
  );
  vault.close();
  const rotation = await measurePasswd(path, size >= 10_000 ? 3 : 5, kdf);

  // The same data in KDBX4 at KeePassXC's defaults: save after one change (one code marked), and
  // load; each runs the file's KDF once, timed on its own so the format's share can be told apart.
  const kdbxPath = join(folder, `scale-${size}.kdbx`);
  const db = buildKdbx(
    Array.from({ length: size }, (_, index) => peerAccount(index)),
    peerKdf,
  );
  const kdbxSave = median(
    await sample(
      5,
      (() => {
        let next = 0;
        return () => markUsedAndSave(db, (next * 7919) % size, next++ % 10, kdbxPath);
      })(),
    ),
  );
  const bytes = readFileSync(kdbxPath);
  const data = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  const kdbxLoad = median(await sample(3, () => load(data)));
  const kdbxKdf = median(await sample(3, () => deriveOnce(peerKdf), 0));

  return {
    size,
    markP50: percentile(markTimes, 50),
    markP99: percentile(markTimes, 99),
    checkpoint,
    marks,
    addP50: percentile(addTimes, 50),
    addP99: percentile(addTimes, 99),
    unlockNoKdf: Math.max(0, unlock - kdf),
    checkedRecords: checked.records,
    stateCheck: checked.check,
    stateCheckKeyless: checked.keyless,
    stateCheckAfterKey: checked.afterKey,
    firstScreen: Math.max(0, firstScreen - kdf),
    healthCheck,
    kdbxSave,
    kdbxLoad,
    kdbxKdf,
    rotatedRecords: rotation.records,
    passwdNoKdf: rotation.passwd,
  };
}

/**
 * What the whole-vault check adds to a real unlock: `Vault.unlock` of a vault of
 * `size` accounts whose key slot is sealed with the real Argon2id at the default
 * parameters, end to end, less that Argon2id alone (alternating, 9 runs each).
 * Unlock runs the check's keyless part while Argon2id runs on other threads.
 */
async function measureUnlockAtDefaultKdf(
  folder: string,
  size: number,
): Promise<{
  unlock: number;
  kdf: number;
  added: number;
  prepared: number;
  addedPrepared: number;
}> {
  const path = join(folder, `scale-${size}-real-kdf.sparekey`);
  await buildVault(path, size, true);
  const db = VaultDatabase.openExisting(path);
  const header = db.read(() => readHeader(db));
  db.close();
  // Round by round, so machine noise hits all three alike: Argon2id alone; open and
  // unlock; open, the keyless part (as while the password is typed), then unlock timed.
  const kdfTimes: number[] = [];
  const unlockTimes: number[] = [];
  const preparedTimes: number[] = [];
  for (let run = 0; run < 10; run++) {
    const kdfTime = await timeAsync(() => deriveKey(PASSWORD, header.kdf));
    const unlockTime = await timeAsync(async () => (await Vault.unlock(path, PASSWORD)).close());
    const vault = Vault.open(path);
    vault.prepareUnlock();
    const preparedTime = await timeAsync(() => vault.unlock(PASSWORD));
    vault.close();
    if (run === 0) continue; // warm-up
    kdfTimes.push(kdfTime);
    unlockTimes.push(unlockTime);
    preparedTimes.push(preparedTime);
  }
  const kdf = median(kdfTimes);
  const unlock = median(unlockTimes);
  const prepared = median(preparedTimes);
  return {
    unlock,
    kdf,
    added: Math.max(0, unlock - kdf),
    prepared,
    addedPrepared: Math.max(0, prepared - kdf),
  };
}

export async function benchScale(
  report: Report,
  folder: string,
  sizes: readonly number[],
): Promise<void> {
  const peerKdf = await keepassxcKdf();
  report.section(
    '2. Changes at scale',
    'Vaults of 100, 1,000 and 10,000 accounts, each with a TOTP seed and a set of 10 backup codes. ' +
      'Marking a code used is `vault.backupCodes.use` with a typed code (find it, refuse reuse, mark it, record the ' +
      'history event, commit with `synchronous=FULL`: one WAL fsync), p50/p99 over up to 2,000 marks spread over the ' +
      'accounts, back to back. The vault copies the WAL into its file (a checkpoint, with its own fsync) once it has ' +
      'been idle for a second, or in the commit that takes the WAL past 4,000 pages (the backstop: back-to-back marks ' +
      'reach it a few times here, and those marks are counted); what is left for the idle checkpoint after them is timed ' +
      'on its own. Adding an ' +
      'account (with a seed) is p50/p99 over 200 adds. Unlock excluding the KDF is `Vault.unlock` at a near-zero Argon2id ' +
      'cost less that KDF\'s own time; "first screen" adds listing every account (decrypting each account record). ' +
      "The health check is every rule over one snapshot of the vault and the Health view's grouped report (section 5 has more). " +
      "The peer is the same data in KDBX4 through kdbxweb (KeeWeb's library), every account an entry with its otpauth " +
      'URI and 10 protected backup-code fields, in a file set up as KeePassXC sets up a new database: AES-256, GZip, ' +
      'Argon2d with 64 MiB and a lane per logical core, and the passes that make one derivation take a second on this ' +
      `machine (KeePassXC's default decryption time; here ${describeKdf(peerKdf)}). ` +
      'Saving after one change (a code marked used: a new KDF salt and the key derived again, as KeePassXC and kdbxweb ' +
      'do on every save, the whole file re-encrypted, written and fsynced) and loading it each run that KDF once; ' +
      '"KDBX KDF" is one derivation alone, and the comparisons with the unlock above, which leaves the KDF out, leave ' +
      'it out of the KDBX load too. ' +
      "Format 3's whole-vault authentication (second table): the whole check is `VaultState.check` alone in a read " +
      "transaction (the schema lock, SQLite's integrity check of the records table and its indexes, every row read, " +
      'its keyed-BLAKE3 tag computed and summed into the set commitment, the state MAC compared; the subkeys unwrapped ' +
      'once beforehand), median of 15 (10,000 accounts) or 25 runs, on the vault as built. Unlock does the part that ' +
      'needs no key (`prepareStateCheck`: all but the tags and the MAC) while Argon2id runs on other threads, and only ' +
      'the rest once the key is there (`VaultState.check` with what was prepared); both parts are timed on their own. ' +
      'Unlock excluding the KDF (first table) runs both one after the other, as the KDF there takes no time. What the ' +
      'check really adds to an unlock is measured at the largest size on a vault whose key slot is sealed with the real ' +
      'Argon2id at the default parameters: `Vault.unlock` end to end, less that Argon2id alone; and `unlock` alone after `prepareUnlock` (which the app runs when its unlock screen shows, and the CLI while it asks for the password), less the same; round by round, 9 runs each after one warm-up. ' +
      'The password change is `vault.changePassword` with key rotation (a new vault ' +
      'key, every record re-encrypted and the state sealed in one transaction and kept as checked, the ' +
      'WAL emptied), median of 3 (10,000 accounts) or 5 runs less its two near-zero key derivations, after the marks ' +
      'and adds above.',
  );
  report.figure(
    "the KDBX peer's KDF (KeePassXC's defaults for a new database, on this machine)",
    describeKdf(peerKdf),
  );
  const rows: SizeFigures[] = [];
  for (const size of sizes) {
    const figures = await measureSize(folder, size, peerKdf);
    rows.push(figures);
    console.log(`  measured ${size} accounts`);
  }
  const realUnlock = await measureUnlockAtDefaultKdf(folder, sizes.at(-1)!);
  report.table(
    [
      'accounts',
      'mark used p50',
      'mark used p99',
      'add p50',
      'add p99',
      'unlock w/o KDF',
      'first screen',
      'health check',
      'KDBX save',
      'KDBX load',
      'KDBX KDF',
    ],
    rows.map((row) => [
      row.size.toLocaleString('en'),
      formatMs(row.markP50),
      formatMs(row.markP99),
      formatMs(row.addP50),
      formatMs(row.addP99),
      formatMs(row.unlockNoKdf),
      formatMs(row.firstScreen),
      formatMs(row.healthCheck),
      formatMs(row.kdbxSave),
      formatMs(row.kdbxLoad),
      formatMs(row.kdbxKdf),
    ]),
  );
  report.table(
    [
      'accounts',
      'records checked',
      'whole-vault check',
      'its part without the key',
      'its part after the key',
      'unlock w/o KDF',
      'records re-encrypted',
      'passwd w/o KDF',
    ],
    rows.map((row) => [
      row.size.toLocaleString('en'),
      row.checkedRecords.toLocaleString('en'),
      formatMs(row.stateCheck),
      formatMs(row.stateCheckKeyless),
      formatMs(row.stateCheckAfterKey),
      formatMs(row.unlockNoKdf),
      row.rotatedRecords.toLocaleString('en'),
      formatMs(row.passwdNoKdf),
    ]),
  );
  const largest = rows.at(-1)!;
  const smallest = rows[0]!;
  const size = largest.size.toLocaleString('en');
  report.target(
    `whole-vault check at unlock at ${size} accounts (${largest.checkedRecords.toLocaleString('en')} records): what it adds to an unlock with the default Argon2id, its keyless part done while the password is typed (the app, the CLI's prompt)`,
    formatMs(realUnlock.addedPrepared),
    '≤ 50 ms',
    realUnlock.addedPrepared <= 50,
  );
  report.figure(
    `  the same with the password given at once (SPAREKEY_PASSWORD: the keyless part runs beside Argon2id, one thread per lane, on ${availableParallelism()} cores)`,
    formatMs(realUnlock.added),
  );
  report.figure(
    `  unlock at ${size} accounts with the default Argon2id (median): prepared while typed / given at once / that Argon2id alone`,
    `${formatMs(realUnlock.prepared)} / ${formatMs(realUnlock.unlock)} / ${formatMs(realUnlock.kdf)}`,
  );
  report.figure(
    `  the whole check's own time at ${size} accounts: all of it / the part left after the key`,
    `${formatMs(largest.stateCheck)} / ${formatMs(largest.stateCheckAfterKey)}`,
  );
  report.target(
    `passwd with key rotation at ${size} accounts, excluding the KDF`,
    formatMs(largest.passwdNoKdf),
    '≤ 2 s',
    largest.passwdNoKdf <= 2000,
  );
  report.target(
    `mark a code used at ${size} accounts, p99`,
    formatMs(largest.markP99),
    '≤ 5 ms',
    largest.markP99 <= 5,
  );
  const speedup = largest.kdbxSave / largest.markP99;
  report.target(
    `KDBX save / mark used (p99) at ${size} accounts`,
    `${Math.round(speedup).toLocaleString('en')}×`,
    '≥ 1,000×',
    speedup >= 1000,
  );
  report.figure(
    `KDBX save less its KDF / mark used (p99) at ${size} accounts (the format's own cost)`,
    `${Math.round(Math.max(0, largest.kdbxSave - largest.kdbxKdf) / largest.markP99).toLocaleString('en')}×`,
  );
  report.figure(
    `the idle checkpoint after ${largest.marks.toLocaleString('en')} marks at ${size} accounts (off the user's path)`,
    formatMs(largest.checkpoint),
  );
  const growth = largest.markP50 / smallest.markP50;
  report.target(
    `mark used p50 growth from ${smallest.size} to ${size} accounts`,
    `${growth.toFixed(2)}×`,
    'flat (≤ 1.5×)',
    growth <= 1.5,
  );
  const kdbxLoadNoKdf = Math.max(0, largest.kdbxLoad - largest.kdbxKdf);
  const unlockShare = largest.unlockNoKdf / kdbxLoadNoKdf;
  report.target(
    `unlock excluding KDF / KDBX load excluding KDF at ${size} accounts`,
    `${(unlockShare * 100).toFixed(1)}%`,
    '≤ 30%',
    unlockShare <= 0.3,
  );
  report.figure(
    `first screen (unlock + list every account) / KDBX load, both excluding KDF, at ${size} accounts`,
    `${((largest.firstScreen / kdbxLoadNoKdf) * 100).toFixed(0)}%`,
  );
}

import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { Vault } from '../../../src/core/vault.js';
import { count, report } from '../../support/stress.js';
import { FAST_KDF, PASSWORD, tempVaultPath } from '../../support/temp-vault.js';

const WRITER = resolve('out/test-support/crash-writer.js');

interface Acks {
  issuers: string[];
  /** The HOTP counter last acknowledged, or null if this run advanced none. */
  hotpCounter: number | null;
  settings: number | null;
  password: string;
  /** The write that had begun but was not acknowledged when the process died. */
  pending: Record<string, string | number> | null;
  writes: number;
}

/** Runs the writer until `killAfterMs` past its first write, then SIGKILLs it; returns what it acknowledged. */
function runAndKill(
  vaultPath: string,
  password: string,
  seed: number,
  killAfterMs: number,
  mode: 'mixed' | 'passwd',
): Promise<Acks> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WRITER, vaultPath, password, String(seed), mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = {
      issuers: [],
      hotpCounter: null,
      settings: null,
      password,
      pending: null,
      writes: 0,
    };
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as Record<string, string | number | boolean>;
      if (message.ready) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      if (message.begin !== undefined) acks.pending = message as Record<string, string | number>;
      if (message.ack !== undefined) {
        acks.writes++;
        acks.pending = null;
      }
      if (message.ack === 'add') acks.issuers.push(String(message.issuer));
      if (message.ack === 'hotp') acks.hotpCounter = Number(message.counter);
      if (message.ack === 'settings') acks.settings = Number(message.autoLockMinutes);
      if (message.ack === 'passwd') acks.password = String(message.password);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`writer ended by itself (code ${code}): ${stderr}`));
      else resolvePromise(acks);
    });
  });
}

async function opensWith(path: string, password: string): Promise<Vault | null> {
  try {
    return await Vault.unlock(path, password, { ...FAST_KDF });
  } catch (error) {
    if (error instanceof VaultError && error.code === 'WRONG_PASSWORD') return null;
    throw error;
  }
}

/** What the vault must hold after every kill, carried from round to round. */
interface Expected {
  password: string;
  issuers: string[];
  hotpCounter: number;
  autoLockMinutes: number;
}

/** Checks the vault after one kill; returns the problems found (lost writes, damage) and the new expectations. */
async function checkAfterKill(
  path: string,
  acks: Acks,
  before: Expected,
): Promise<{ problems: string[]; lost: number; after: Expected | null }> {
  const problems: string[] = [];
  let lost = 0;
  const pending = acks.pending;

  // Exactly one of the acknowledged password and the one being set opens the vault.
  const candidates = [
    acks.password,
    ...(pending?.begin === 'passwd' ? [String(pending.password)] : []),
  ];
  const opened: { password: string; vault: Vault }[] = [];
  for (const candidate of candidates) {
    const vault = await opensWith(path, candidate);
    if (vault) opened.push({ password: candidate, vault });
  }
  for (const extra of opened.slice(1)) extra.vault.close();
  if (opened.length !== 1) {
    return {
      problems: [`${opened.length} of ${candidates.length} passwords open the vault`],
      lost,
      after: null,
    };
  }
  const { vault, password } = opened[0]!;
  try {
    const integrity = new Database(path, { readonly: true });
    const check = integrity.pragma('integrity_check', { simple: true });
    integrity.close();
    if (check !== 'ok') problems.push(`integrity check: ${String(check)}`);
    problems.push(...vault.verify());

    // Every acknowledged account is there; the one in flight may or may not be.
    const issuers = [...before.issuers, ...acks.issuers];
    const present = new Set(vault.accounts.list().map((account) => account.issuer));
    const missing = issuers.filter((issuer) => !present.has(issuer));
    lost += missing.length;
    if (missing.length > 0) problems.push(`acknowledged accounts missing: ${missing.join(', ')}`);
    if (pending?.begin === 'add' && present.has(String(pending.issuer)))
      issuers.push(String(pending.issuer));

    // The HOTP counter is the acknowledged one, or one more if an advance was in flight.
    const acknowledgedCounter = acks.hotpCounter ?? before.hotpCounter;
    const hotp = vault.accounts.list().find((account) => account.issuer === 'HOTP');
    const counter = hotp ? vault.accounts.revealSeed(hotp.id).seed.counter : 0;
    if (!(
      counter === acknowledgedCounter ||
      (pending?.begin === 'hotp' && counter === acknowledgedCounter + 1)
    )) {
      lost++;
      problems.push(`HOTP counter is ${counter}, acknowledged ${acknowledgedCounter}`);
    }

    // Settings: the last acknowledged value, or the one in flight.
    const acknowledgedMinutes = acks.settings ?? before.autoLockMinutes;
    const minutes = vault.settings.get().autoLockMinutes;
    if (
      minutes !== acknowledgedMinutes &&
      !(pending?.begin === 'settings' && minutes === Number(pending.autoLockMinutes))
    ) {
      lost++;
      problems.push(`setting is ${minutes}, acknowledged ${acknowledgedMinutes}`);
    }
    return {
      problems,
      lost,
      after: { password, issuers, hotpCounter: counter, autoLockMinutes: minutes },
    };
  } finally {
    vault.close();
  }
}

describe('crash safety: SIGKILL at random moments loses no acknowledged write', () => {
  const mixedKills = count(6, 150);
  const passwordKills = count(4, 50);
  const kills = mixedKills + passwordKills;

  it(
    `survives ${kills} kills, ${passwordKills} of them in a stream of password changes`,
    { timeout: kills * 4000 },
    async () => {
      const path = tempVaultPath();
      (await Vault.create(path, PASSWORD, { ...FAST_KDF })).close();
      let expected: Expected = {
        password: PASSWORD,
        issuers: [],
        hotpCounter: 0,
        autoLockMinutes: 5,
      };
      const problems: string[] = [];
      let writes = 0;
      let lost = 0;
      let unopenable = 0;
      let midPasswordChange = 0;

      for (let round = 0; round < kills; round++) {
        const seed = 1 + round * 7919;
        const mode = round < mixedKills ? 'mixed' : 'passwd';
        const acks = await runAndKill(
          path,
          expected.password,
          seed,
          5 + ((round * 37) % 150),
          mode,
        );
        writes += acks.writes;
        if (acks.pending?.begin === 'passwd') midPasswordChange++;
        const result = await checkAfterKill(path, acks, expected);
        lost += result.lost;
        problems.push(
          ...result.problems.map((problem) => `round ${round} (${mode}, seed ${seed}): ${problem}`),
        );
        if (result.after === null) {
          unopenable++;
          break;
        }
        expected = result.after;
      }

      report('kills', kills);
      report('kills during a password change', midPasswordChange);
      report('acknowledged writes', writes);
      report('acknowledged writes lost', lost);
      report('unopenable vaults', unopenable);
      expect(problems).toEqual([]);
      expect(midPasswordChange).toBeGreaterThan(0);
    },
  );
});

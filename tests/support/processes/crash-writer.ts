/**
 * A child process for the crash-safety test: opens a vault and performs an
 * endless stream of writes (accounts added, an HOTP counter advanced, settings
 * changed, the password changed), printing one JSON line per write only after
 * it committed. The test kills it with SIGKILL at random moments.
 */
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { fastKeyDerivation } from '../fast-key-derivation.js';

const [vaultPath, startPassword, seedText, mode = 'mixed'] = process.argv.slice(2);
if (!vaultPath || !startPassword || !seedText)
  throw new Error('usage: crash-writer VAULT PASSWORD SEED [mixed|passwd]');

function say(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

let random = Number(seedText) >>> 0;
function next(): number {
  // xorshift32: reproducible per run from the seed the test prints on failure.
  random ^= random << 13;
  random ^= random >>> 17;
  random ^= random << 5;
  return (random >>> 0) / 2 ** 32;
}

const vault = await Vault.unlock(vaultPath, startPassword, { deriveKey: fastKeyDerivation });
let password = startPassword;
let hotpId = vault.accounts.list().find((account) => account.issuer === 'HOTP')?.id;
if (hotpId === undefined) {
  hotpId = vault.accounts.add({
    issuer: 'HOTP',
    seed: makeSeed({ type: 'hotp', secret: 'JBSWY3DPEHPK3PXP' }),
  }).id;
}
say({ ready: true });

// Each write is announced ("begin") before it starts and acknowledged ("ack") after it committed.
for (let serial = 0; ; serial++) {
  const pick = mode === 'passwd' ? 1 : next();
  if (pick < 0.45) {
    const issuer = `acct-${process.pid}-${serial}`;
    say({ begin: 'add', issuer });
    vault.accounts.add({ issuer, notes: 'x'.repeat(Math.floor(next() * 2000)) });
    say({ ack: 'add', issuer });
  } else if (pick < 0.85) {
    say({ begin: 'hotp' });
    vault.accounts.nextHotpCode(hotpId);
    say({ ack: 'hotp', counter: vault.accounts.revealSeed(hotpId).seed.counter });
  } else if (pick < 0.95) {
    const minutes = 1 + Math.floor(next() * 60);
    say({ begin: 'settings', autoLockMinutes: minutes });
    vault.settings.update({ autoLockMinutes: minutes });
    say({ ack: 'settings', autoLockMinutes: minutes });
  } else {
    const nextPassword = `password-${process.pid}-${serial}`;
    say({ begin: 'passwd', password: nextPassword });
    await vault.changePassword(password, nextPassword);
    password = nextPassword;
    say({ ack: 'passwd', password });
  }
}

/**
 * Run as a child process so its memory is its own: unlocks a vault, lists every
 * account, computes the codes of a screenful of rows and runs the health check,
 * as the app does after unlock, reporting the resident set size after each step
 * (after a garbage collection).
 */
import { BENCH_KDF } from './scale.js';
import { groupReport } from '../src/core/health/grouping.js';
import { Vault } from '../src/core/vault.js';

const [path, password] = process.argv.slice(2);
if (!path || !password) throw new Error('usage: memory-child VAULT PASSWORD');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const rss = () => {
  gc();
  return process.memoryUsage().rss;
};
const steps: Record<string, number> = { loaded: rss() };
const vault = await Vault.unlock(path, password, BENCH_KDF);
steps.unlocked = rss();
const accounts = vault.accounts.list();
steps.listed = rss();
vault.accounts.codes(accounts.slice(0, 30).map((account) => account.id));
// Kept, as the app keeps the check and the Health view's report until the next change.
const check = vault.health.check(Date.now());
const grouped = groupReport(check);
steps.health = rss();
process.stdout.write(
  JSON.stringify({
    steps,
    heapUsed: process.memoryUsage().heapUsed,
    accounts: accounts.length,
    findings: check.findings.length,
    groups: grouped.groups.length,
  }),
);
vault.close();

// @ts-check
/**
 * `npm test`'s first step (also `npm run preflight`): checks for what the tests
 * need besides node_modules, installs what is missing where that can work,
 * and otherwise stops at once naming the command for this machine. The
 * decisions are in plan.mjs (unit-tested), the facts in facts.mjs.
 */
import { spawnSync } from 'node:child_process';
import { gatherFacts } from './facts.mjs';
import { failedStepMessage, planPreflight } from './plan.mjs';

/** @param {string} text */
const say = (text) => process.stdout.write(`${text}\n`);
/**
 * @param {string} text
 * @returns {never}
 */
function stop(text) {
  process.stderr.write(`\n${text}\n\n`);
  process.exit(1);
}

const first = planPreflight(await gatherFacts());
if (first.ready) {
  say(first.summary);
  process.exit(0);
}
if (first.stop !== null) stop(first.stop);

for (const step of first.steps) {
  if (step.say) say(step.say);
  say(`$ ${step.command.join(' ')}`);
  const [program = '', ...args] = step.command;
  const result = spawnSync(program, args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
    // npx is npx.cmd on Windows.
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) stop(failedStepMessage(step, result.status, first.manual));
}

const after = planPreflight(await gatherFacts());
if (!after.ready) stop(`The install finished, and something is still missing.\n${after.manual}`);
say(after.summary);

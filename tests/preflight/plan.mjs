// @ts-check
/**
 * What `npm test` needs besides Node and node_modules, and how the preflight
 * provides it. A pure function of the machine's facts (facts.mjs gathers
 * them; run.mjs carries the plan out), so each decision is unit-tested.
 *
 * - A Chromium-family browser: the UI tests, and the recovery-sheet PDFs.
 * - Xvfb on Linux: the clipboard tests start their own X server.
 * - poppler (pdftotext, pdftoppm, pdfinfo): the sheet tests read the PDFs back.
 *
 * Missing ones are provided the way the ecosystem does it. On Debian: the
 * packages with apt-get, as root or through sudo, as
 * `playwright install --with-deps` does. On Ubuntu: the same for Xvfb and
 * poppler, and Playwright's own Chromium with the libraries it needs
 * (`playwright install --with-deps chromium`; Ubuntu's chromium package is a
 * snap, which does not run in containers). Elsewhere: Playwright's own
 * Chromium (`playwright install chromium`); another system's packages are not
 * installed for the user. Whatever cannot be provided (no rights, another
 * system's packages) stops the run at once, naming the command for this
 * machine.
 */

/**
 * @typedef {{ id: string, idLike: string[], version: string }} Distro
 * @typedef {{
 *   platform: NodeJS.Platform,
 *   distro: Distro | null,
 *   isRoot: boolean,
 *   hasSudo: boolean,
 *   sudoWithoutPassword: boolean,
 *   interactive: boolean,
 *   hasApt: boolean,
 *   browser: string | null,
 *   xvfb: boolean,
 *   poppler: boolean,
 * }} Facts
 * @typedef {{ browser: boolean, xvfb: boolean, poppler: boolean }} Missing
 * @typedef {{ say: string, command: string[], env?: Record<string, string> }} Step
 * @typedef {{ ready: true, summary: string }
 *   | { ready: false, steps: Step[], stop: string | null, manual: string }} Plan
 *   `stop`: stop now with this message; otherwise run `steps`. `manual`: what
 *   to tell the user if the steps fail or leave something missing.
 */

export const PLAYWRIGHT_CHROMIUM = ['npx', 'playwright', 'install', 'chromium'];
export const PLAYWRIGHT_CHROMIUM_WITH_DEPS = [
  'npx',
  'playwright',
  'install',
  '--with-deps',
  'chromium',
];

/** The Debian packages, and why each is installed (said before installing it). */
const DEBIAN_PACKAGES = {
  browser: { name: 'chromium', why: 'the UI tests and the recovery-sheet PDFs' },
  xvfb: { name: 'xvfb', why: 'a private X display for the clipboard tests' },
  poppler: { name: 'poppler-utils', why: 'pdftotext and pdftoppm read the sheet PDFs back' },
};

/** Other Linux families: how each installs Xvfb and poppler. */
const OTHER_LINUX = [
  {
    family: 'fedora',
    install: 'sudo dnf install',
    xvfb: 'xorg-x11-server-Xvfb',
    poppler: 'poppler-utils',
  },
  {
    family: 'rhel',
    install: 'sudo dnf install',
    xvfb: 'xorg-x11-server-Xvfb',
    poppler: 'poppler-utils',
  },
  {
    family: 'arch',
    install: 'sudo pacman -S --needed',
    xvfb: 'xorg-server-xvfb',
    poppler: 'poppler',
  },
  { family: 'suse', install: 'sudo zypper install', xvfb: 'xvfb-run', poppler: 'poppler-tools' },
  { family: 'alpine', install: 'sudo apk add', xvfb: 'xvfb', poppler: 'poppler-utils' },
];

/** @param {Distro | null} distro @param {string} family */
function isLike(distro, family) {
  return (
    distro !== null &&
    (distro.id === family || distro.id.includes(family) || distro.idLike.includes(family))
  );
}

/**
 * @param {Facts} facts
 * @returns {Plan}
 */
export function planPreflight(facts) {
  const linux = facts.platform === 'linux';
  /** @type {Missing} */
  const missing = {
    browser: facts.browser === null,
    xvfb: linux && !facts.xvfb,
    poppler: !facts.poppler,
  };
  if (!missing.browser && !missing.xvfb && !missing.poppler) {
    const tools = [`Chromium-family browser ${facts.browser}`];
    if (linux) tools.push('Xvfb');
    tools.push('poppler (pdftotext, pdftoppm)');
    return { ready: true, summary: `Test tools present: ${tools.join(', ')}.` };
  }
  const debianFamily =
    linux && facts.hasApt && (isLike(facts.distro, 'debian') || isLike(facts.distro, 'ubuntu'));
  return debianFamily ? debianPlan(facts, missing) : otherPlan(facts, missing);
}

/**
 * @param {Facts} facts
 * @param {Missing} missing
 * @returns {Plan}
 */
function debianPlan(facts, missing) {
  const ubuntu = isLike(facts.distro, 'ubuntu');
  const needs = /** @type {(keyof Missing)[]} */ (['browser', 'xvfb', 'poppler']);
  const packages = needs
    .filter((need) => missing[need] && !(need === 'browser' && ubuntu))
    .map((need) => DEBIAN_PACKAGES[need]);
  const names = packages.map((pkg) => pkg.name);
  const playwright = missing.browser && ubuntu;

  const commands = [];
  if (names.length > 0) {
    commands.push(`sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`);
  }
  if (playwright) commands.push(PLAYWRIGHT_CHROMIUM_WITH_DEPS.join(' '));
  const manual = manualMessage(missing, commands);

  const canElevate =
    facts.isRoot || (facts.hasSudo && (facts.interactive || facts.sudoWithoutPassword));
  if (!canElevate) {
    const why = facts.hasSudo
      ? 'sudo needs a password, and there is no terminal to ask for it on.'
      : 'installing them needs root, and sudo is not installed.';
    return { ready: false, steps: [], stop: `${manual}\n(Not installed here: ${why})`, manual };
  }

  // As `playwright install --with-deps` does: apt-get, through sudo when not root.
  // Bounded network waits, so that a machine without network stops within seconds;
  // --no-upgrade: nothing already installed is touched.
  const asRoot = facts.isRoot ? [] : ['sudo', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  const timeouts = ['-o', 'Acquire::http::Timeout=20', '-o', 'Acquire::https::Timeout=20'];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  /** @type {Step[]} */
  const steps = [];
  if (packages.length > 0) {
    const list = packages.map((pkg) => `${pkg.name} (${pkg.why})`).join(', ');
    steps.push({
      say: `Installing Debian packages the tests need${facts.isRoot ? '' : ' with sudo'}: ${list}.`,
      command: [...asRoot, 'apt-get', ...timeouts, 'update'],
      env,
    });
    steps.push({
      say: '',
      command: [...asRoot, 'apt-get', ...timeouts, 'install', '-y', '--no-upgrade', ...names],
      env,
    });
  }
  if (playwright) {
    steps.push({
      say: "No Chromium, Chrome or Edge found: installing Playwright's Chromium and the libraries it needs.",
      command: PLAYWRIGHT_CHROMIUM_WITH_DEPS,
    });
  }
  return { ready: false, steps, stop: null, manual };
}

/**
 * macOS, Windows, other Linux distributions and other systems: Playwright's
 * own Chromium is downloaded; other tools are the user's to install.
 * @param {Facts} facts
 * @param {Missing} missing
 * @returns {Plan}
 */
function otherPlan(facts, missing) {
  const browserCommand = `${PLAYWRIGHT_CHROMIUM.join(' ')}   (or install Google Chrome)`;
  /** @type {string[]} */
  const systemCommands = [];
  if (facts.platform === 'linux' && (missing.xvfb || missing.poppler)) {
    const known = OTHER_LINUX.find(({ family }) => isLike(facts.distro, family));
    if (known === undefined) {
      systemCommands.push(
        "Xvfb and poppler's pdftotext and pdftoppm, from your distribution's packages",
      );
    } else {
      const names = [missing.xvfb ? known.xvfb : '', missing.poppler ? known.poppler : ''];
      systemCommands.push(`${known.install} ${names.filter(Boolean).join(' ')}`);
    }
  } else if (facts.platform === 'darwin' && missing.poppler) {
    systemCommands.push('brew install poppler');
  } else if (facts.platform === 'win32' && missing.poppler) {
    systemCommands.push('choco install poppler   (or: scoop install poppler)');
  }
  const supported = ['linux', 'darwin', 'win32'].includes(facts.platform);
  if (!supported) {
    systemCommands.push(
      "a Chromium-family browser (or SPAREKEY_CHROMIUM pointing at one) and poppler's pdftotext and pdftoppm, from this system's packages",
    );
  }
  const manual = manualMessage(missing, [
    ...systemCommands,
    ...(missing.browser && supported ? [browserCommand] : []),
  ]);
  if (systemCommands.length > 0) {
    const reason = supported
      ? "(The preflight installs a system's packages only on Debian and Ubuntu.)"
      : `(Sparekey's tests know no way to install them on ${facts.platform}.)`;
    return { ready: false, steps: [], stop: `${manual}\n${reason}`, manual };
  }
  return {
    ready: false,
    steps: [
      {
        say: "No Chromium, Chrome or Edge found: installing Playwright's own Chromium.",
        command: PLAYWRIGHT_CHROMIUM,
      },
    ],
    stop: null,
    manual,
  };
}

/**
 * "npm test needs …; install it with …", for this machine.
 * @param {Missing} missing
 * @param {string[]} commands
 */
function manualMessage(missing, commands) {
  const names = [];
  if (missing.browser) names.push('a Chromium-family browser (the UI tests and the sheet PDFs)');
  if (missing.xvfb) names.push('Xvfb (the clipboard tests)');
  if (missing.poppler) names.push('poppler’s pdftotext and pdftoppm (the sheet tests)');
  return [
    `npm test needs ${names.join(', ')}. Install with:`,
    ...commands.map((command) => `  ${command}`),
    'then run npm test again. (SPAREKEY_CHROMIUM may point at any Chromium-family browser.)',
  ].join('\n');
}

/**
 * What to say when an install step failed (no network, a refused password, …).
 * @param {Step} step
 * @param {number | null} exitCode
 * @param {string} manual
 * @returns {string}
 */
export function failedStepMessage(step, exitCode, manual) {
  const outcome = exitCode === null ? 'could not start' : `exited with ${exitCode}`;
  return [
    `The preflight could not install what the tests need: \`${step.command.join(' ')}\` ${outcome} (no network, or no rights?).`,
    manual,
  ].join('\n');
}

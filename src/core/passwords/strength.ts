import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type { CrackTimes, TimeEstimationValues, ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEnglish from '@zxcvbn-ts/language-en';
import { createRequire } from 'node:module';
import {
  type GuessScenario,
  type GuessTime,
  type PasswordStrength,
  STRENGTH_LABELS,
  type StrengthScore,
} from '../../shared/passwords.js';

/**
 * Names the estimator and its dictionaries. A score stored with a login is
 * used only while this matches; a newer estimator scores the password afresh.
 */
export const STRENGTH_MODEL = 'zxcvbn-ts@4 common+en';

/** zxcvbn-ts's own default attack rates, spelled out here so the explanation can quote them. */
const TIME_ESTIMATION: TimeEstimationValues = {
  scoring: { 0: 1e3, 1: 1e6, 2: 1e8, 3: 1e10 },
  attackTime: {
    onlineThrottlingXPerHour: 100,
    onlineNoThrottlingXPerSecond: 10,
    offlineSlowHashingXPerSecond: 1e4,
    offlineFastHashingXPerSecond: 1e10,
  },
};

const SCENARIOS: {
  scenario: GuessScenario;
  key: keyof CrackTimes;
  perSecond: number;
  description: string;
}[] = [
  {
    scenario: 'online-throttled',
    key: 'onlineThrottlingXPerHour',
    perSecond: TIME_ESTIMATION.attackTime.onlineThrottlingXPerHour / 3600,
    description: 'guessing online at a site that limits attempts (100 guesses an hour)',
  },
  {
    scenario: 'online-unthrottled',
    key: 'onlineNoThrottlingXPerSecond',
    perSecond: TIME_ESTIMATION.attackTime.onlineNoThrottlingXPerSecond,
    description: 'guessing online at a site that does not limit attempts (10 guesses a second)',
  },
  {
    scenario: 'offline-slow-hash',
    key: 'offlineSlowHashingXPerSecond',
    perSecond: TIME_ESTIMATION.attackTime.offlineSlowHashingXPerSecond,
    description:
      'guessing offline against a leaked, slowly hashed password database (10 thousand guesses a second)',
  },
  {
    scenario: 'offline-fast-hash',
    key: 'offlineFastHashingXPerSecond',
    perSecond: TIME_ESTIMATION.attackTime.offlineFastHashingXPerSecond,
    description:
      'guessing offline against a leaked, fast-hashed password database (10 billion guesses a second)',
  },
];

let estimator: ZxcvbnFactory | null = null;

/**
 * Loaded and built on first use: loading the dictionaries takes about a tenth
 * of a second, which every CLI command would otherwise pay, and ranking them
 * as much again. Levenshtein matching is off (it costs about a quarter of a
 * second per password) and l33t substitutions are capped at 10 (the default
 * 100 makes long random passwords take a tenth of a second each without
 * changing any score). Only the first 64 characters are looked at: a longer
 * password scores at least as well as its beginning.
 */
function zxcvbn(): ZxcvbnFactory {
  if (estimator === null) {
    const load = createRequire(import.meta.url);
    const { ZxcvbnFactory } = load('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const common = load('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
    const english = load('@zxcvbn-ts/language-en') as typeof ZxcvbnEnglish;
    estimator = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      useLevenshteinDistance: false,
      l33tMaxSubstitutions: 10,
      maxLength: 64,
      timeEstimationValues: TIME_ESTIMATION,
    });
  }
  return estimator;
}

/** The words a person's password for this account is likely to be built from. */
export function accountWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const lower = text.toLowerCase();
    words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * zxcvbn's estimate of how guessable a password is, with how long each kind of
 * attacker would need. `userInputs` (the site, the account name, the username)
 * count as guessable words.
 */
export function estimateStrength(
  password: string,
  userInputs: readonly string[] = [],
): PasswordStrength {
  const result = zxcvbn().check(password, [...userInputs]);
  const guessTimes: GuessTime[] = SCENARIOS.map(({ scenario, key, perSecond, description }) => ({
    scenario,
    description,
    guessesPerSecond: perSecond,
    seconds: result.crackTimes[key].seconds,
    display: result.crackTimes[key].display,
  }));
  const score = result.score as StrengthScore;
  return {
    score,
    label: STRENGTH_LABELS[score],
    guessesLog10: Math.round(result.guessesLog10 * 100) / 100,
    guessTimes,
    explanation: explain(guessTimes),
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}

function explain(times: readonly GuessTime[]): string {
  const [throttled, , slow, fast] = times;
  if (!throttled || !slow || !fast) return '';
  if (fast.display === throttled.display) {
    return `Guessing it would take ${fast.display}, even with a leaked, fast-hashed password database.`;
  }
  return (
    `Guessing it would take ${fast.display} with a leaked, fast-hashed password database, ` +
    `${slow.display} with a slowly hashed one, ` +
    `and ${throttled.display} online at a site that limits attempts.`
  );
}

/**
 * Passwords as the core, the CLI and the UI see them: what an account's login
 * shows without revealing anything, a strength estimate, a generated password.
 * Pure TypeScript: no Node, no DOM, no Electron.
 */

/** zxcvbn's score: 0 too guessable … 4 very unguessable. */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** A password scoring this or lower is weak (the `password.weak` health rule). */
export const WEAK_SCORE_MAX = 2;

/** zxcvbn's own words for its scores. */
export const STRENGTH_LABELS: Record<StrengthScore, string> = {
  0: 'too guessable',
  1: 'very guessable',
  2: 'somewhat guessable',
  3: 'safely unguessable',
  4: 'very unguessable',
};

export const GUESS_SCENARIOS = [
  'online-throttled',
  'online-unthrottled',
  'offline-slow-hash',
  'offline-fast-hash',
] as const;
export type GuessScenario = (typeof GUESS_SCENARIOS)[number];

/** How long one kind of attacker would need to guess the password. */
export interface GuessTime {
  scenario: GuessScenario;
  /** "an online attack on a site that limits attempts (100 guesses an hour)" */
  description: string;
  guessesPerSecond: number;
  seconds: number;
  /** zxcvbn's rounded wording: "3 hours", "centuries", "less than a second". */
  display: string;
}

export interface PasswordStrength {
  score: StrengthScore;
  /** STRENGTH_LABELS[score] */
  label: string;
  /** log10 of the estimated number of guesses. */
  guessesLog10: number;
  /** One per attack scenario, from the most limited attacker to the fastest. */
  guessTimes: GuessTime[];
  /** The guess times in one or two plain sentences. */
  explanation: string;
  /** What makes it guessable, if anything ("This is a heavily used password."). */
  warning: string | null;
  suggestions: string[];
}

/** An account's login as shown without revealing the password. */
export interface LoginView {
  username: string;
  urls: string[];
  hasPassword: boolean;
  /** When the password was last set (epoch ms), or null when there is none. */
  passwordChangedAt: number | null;
}

/** The login with what the account view shows about its password, still without revealing it. */
export interface LoginDetails extends LoginView {
  /** The stored password's strength score, or null when there is none. */
  passwordScore: StrengthScore | null;
  /** How many previous passwords are kept (read them with an explicit reveal). */
  historyCount: number;
}

/** One previous password, for the "the site still wants the old one" moment. */
export interface PasswordHistoryEntry {
  password: string;
  /** When it had been set (epoch ms), if known. */
  setAt: number | null;
  /** When it was replaced or removed (epoch ms). */
  replacedAt: number;
}

export const PASSWORD_LENGTH_RANGE = { min: 4, max: 128, default: 20 } as const;
export const PASSPHRASE_WORDS_RANGE = { min: 3, max: 20, default: 6 } as const;

/** Options of the random-character generator; every class is on unless turned off. */
export interface RandomPasswordOptions {
  kind: 'random';
  length?: number | undefined;
  lowercase?: boolean | undefined;
  uppercase?: boolean | undefined;
  digits?: boolean | undefined;
  symbols?: boolean | undefined;
  /** Leave out characters that are easily confused (0/O, 1/l/I, quotes…). */
  excludeAmbiguous?: boolean | undefined;
}

/** Options of the passphrase generator (EFF's large word list). */
export interface PassphraseOptions {
  kind: 'passphrase';
  words?: number | undefined;
  separator?: string | undefined;
}

export type GeneratorOptions = RandomPasswordOptions | PassphraseOptions;

export interface GeneratedPassword {
  password: string;
  kind: GeneratorOptions['kind'];
  /** The generator's entropy: log2 of the number of equally likely outcomes. */
  entropyBits: number;
  strength: PasswordStrength;
}

import { describe, expect, it } from 'vitest';
import { accountWords, estimateStrength } from '../../../src/core/passwords/strength.js';
import { GUESS_SCENARIOS, STRENGTH_LABELS } from '../../../src/shared/passwords.js';

describe('strength estimate (zxcvbn-ts)', () => {
  it.each([
    ['password', 0],
    ['hunter2', 1],
    ['P@ssw0rd2024!', 2],
    // Eight random characters are about 10^8 guesses: the top of score 2 …
    ['qx7!Rm2#', 2],
    // … and a ninth character crosses into 3.
    ['qx7!Rm2#z', 3],
    ['correct horse battery staple', 4],
  ])('scores %j as %i', (password, score) => {
    const strength = estimateStrength(password);
    expect(strength.score).toBe(score);
    expect(strength.label).toBe(STRENGTH_LABELS[strength.score]);
  });

  it('puts the score edges where zxcvbn does: 10^8 guesses is 2, 10^9 is 3', () => {
    expect(estimateStrength('qx7!Rm2#').guessesLog10).toBeCloseTo(8, 1);
    expect(estimateStrength('qx7!Rm2#z').guessesLog10).toBeCloseTo(9, 1);
  });

  it('explains the guess time for each kind of attacker, slowest first', () => {
    const strength = estimateStrength('qx7!Rm2#');
    expect(strength.guessTimes.map((time) => time.scenario)).toEqual([...GUESS_SCENARIOS]);
    const seconds = strength.guessTimes.map((time) => time.seconds);
    expect([...seconds].sort((a, b) => b - a)).toEqual(seconds);
    // 10^8 guesses at 10^4 a second is 10^4 s: about 3 hours.
    const slow = strength.guessTimes.find((time) => time.scenario === 'offline-slow-hash');
    expect(slow).toMatchObject({ guessesPerSecond: 10_000, display: '3 hours' });
    expect(strength.explanation).toBe(
      'Guessing it would take less than a second with a leaked, fast-hashed password database, 3 hours with a slowly hashed one, and centuries online at a site that limits attempts.',
    );
    expect(estimateStrength('correct horse battery staple').explanation).toBe(
      'Guessing it would take centuries, even with a leaked, fast-hashed password database.',
    );
  });

  it('says what makes a password guessable', () => {
    const common = estimateStrength('password');
    expect(common.warning).toBe('This is a heavily used password.');
    expect(common.suggestions.length).toBeGreaterThan(0);
    expect(estimateStrength('correct horse battery staple').warning).toBeNull();
  });

  it("counts the account's own names as guessable words", () => {
    expect(estimateStrength('Octocat!2024').score).toBe(3);
    expect(
      estimateStrength('Octocat!2024', accountWords('GitHub', 'octocat@example.com', 'octocat'))
        .score,
    ).toBe(2);
    expect(accountWords('GitHub', 'octo.cat@example.com', null)).toEqual([
      'github',
      'octo.cat@example.com',
      'octo',
      'cat',
      'example',
      'com',
    ]);
  });
});

import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export interface Strength {
  /** 0 (guessable in seconds) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  warning: string | null;
  suggestions: string[];
}

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const;

let checker: Promise<ZxcvbnFactory> | null = null;

/**
 * zxcvbn-ts with its common and English dictionaries. They are large, so they
 * load on the create-vault screen only, as a separate chunk.
 */
export function loadStrengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        translations: english.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...english.dictionary },
        useLevenshteinDistance: true,
      }),
  );
  return checker;
}

export function strengthOf(factory: ZxcvbnFactory, password: string): Strength {
  const result = factory.check(password, ['sparekey', 'vault']);
  return {
    score: result.score,
    label: STRENGTH_LABELS[result.score],
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

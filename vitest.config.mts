import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/build-cli.ts'],
    // Generous: the CLI tests run many child processes, each deriving an Argon2id key at full cost.
    testTimeout: 120_000,
    hookTimeout: 30_000,
    // Argon2 at full cost and the CLI child processes are CPU-bound; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});

import { build } from 'vite';

/** Vitest global setup: build the CLI once, so the CLI tests always run the current code. */
export default async function buildCli(): Promise<void> {
  await build({ configFile: 'vite.cli.config.ts', logLevel: 'warn' });
}

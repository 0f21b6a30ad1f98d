import { builtinModules } from 'node:module';
import { build } from 'vite';

/**
 * Vitest global setup: build the CLI, and the helper processes some tests run
 * as children (out/test-support/), so they always run the current code.
 */
export default async function buildForTests(): Promise<void> {
  await build({ configFile: 'vite.cli.config.ts', logLevel: 'warn' });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'out/test-support',
      emptyOutDir: true,
      target: 'node22',
      ssr: true,
      minify: false,
      rollupOptions: {
        input: { 'crash-writer': 'tests/support/processes/crash-writer.ts' },
        external: (id) =>
          id.startsWith('node:') || builtinModules.includes(id) || !/^[./]/.test(id),
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
}

import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const dependencies = Object.keys(pkg.dependencies);

/** The `sparekey` CLI: one ES module for Node, its npm dependencies left to node_modules. */
export default defineConfig({
  define: { __SPAREKEY_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    ssr: 'src/cli/index.ts',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: (id) =>
        id.startsWith('node:') ||
        builtinModules.includes(id) ||
        dependencies.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: 'index.js' },
    },
  },
});

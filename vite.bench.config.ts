import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** `npm run bench`: the benchmark runner and its child process, as ES modules for Node. */
export default defineConfig({
  build: {
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node22',
    ssr: true,
    minify: false,
    rollupOptions: {
      input: { run: 'bench/run.ts', 'memory-child': 'bench/memory-child.ts' },
      external: (id) => id.startsWith('node:') || builtinModules.includes(id) || !/^[./]/.test(id),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});

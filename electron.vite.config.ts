import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/** Native modules stay outside the bundle; they load their own prebuilt binaries (see TOOLCHAIN.md). */
const NATIVE_MODULES = ['better-sqlite3', 'argon2'];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { include: NATIVE_MODULES },
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but 'electron': bundle the contract (and zod) into it, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // The password-strength dictionaries (about 1.2 MB) are one lazy chunk, loaded by the create-vault screen only.
      chunkSizeWarningLimit: 1600,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});

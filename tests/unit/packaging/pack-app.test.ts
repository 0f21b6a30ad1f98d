import { listPackage } from '@electron/asar';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { NATIVE_MODULES } from '../../../build/electron-builder.config.mjs';
import { tempFolder } from '../../support/temp-vault.js';

/**
 * Runs electron-builder for real, with this configuration, on the built app:
 * only the Electron download is replaced by a stand-in folder (and the fuse
 * hook, which needs the real binary, is left out). Then reads the asar.
 */
describe('electron-builder packs the app as configured', () => {
  it('puts the built app in the asar, native modules beside it, and nothing else of the repo', () => {
    if (!existsSync('out/renderer/index.html') || !existsSync('out/main/index.js')) {
      execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    }
    const work = tempFolder();
    const electronDist = join(work, 'electron');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    const output = join(work, 'dist');
    const configFile = join(work, 'config.mjs');
    writeFileSync(
      configFile,
      `import config from ${JSON.stringify(resolve('build/electron-builder.config.mjs'))};
export default { ...config, afterPack: async () => {}, electronDist: ${JSON.stringify(electronDist)},
  electronVersion: '45.4.1', directories: { ...config.directories, output: ${JSON.stringify(output)} } };\n`,
    );
    execFileSync('npx', ['electron-builder', '--config', configFile, '--linux', '--dir'], {
      stdio: 'ignore',
      timeout: 120_000,
    });

    const resources = join(output, 'linux-unpacked', 'resources');
    const files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((file) =>
      file.replaceAll('\\', '/'),
    );
    const own = files.filter((file) => !file.startsWith('/node_modules'));
    expect(own).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js']));
    expect(own.filter((file) => file !== '/package.json' && !/^\/out(\/|$)/.test(file))).toEqual(
      [],
    );
    expect(own.filter((file) => file.startsWith('/out/cli'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /\/(react|react-dom|electron|vitest)\//.test(file))).toEqual([]);

    for (const name of NATIVE_MODULES) {
      const unpacked = join(resources, 'app.asar.unpacked', 'node_modules', name);
      const binaries = readdirSync(unpacked, { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.node'),
      );
      expect(binaries.length, name).toBeGreaterThan(0);
    }
    expect(config.asarUnpack).toHaveLength(NATIVE_MODULES.length);
  }, 180_000);
});

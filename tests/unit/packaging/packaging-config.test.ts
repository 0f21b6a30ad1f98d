import { FuseV1Options } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import afterPack from '../../../build/after-pack.mjs';
import config, { NATIVE_MODULES } from '../../../build/electron-builder.config.mjs';
import { fuseConfig } from '../../../build/fuses.mjs';
import { LINUX_ICON_SIZES, renderIcon } from '../../../build/make-icons.mjs';

/**
 * `npm run dist` downloads Electron, so it cannot run on the build machines;
 * these tests check the packaging configuration itself.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const patterns = config.files as string[];

/** electron-builder's rule: a file is packed if a pattern includes it and no `!` pattern excludes it. */
function packed(path: string): boolean {
  const matches = (pattern: string) => minimatch(path, pattern, { dot: true });
  const include = patterns.filter((pattern) => !pattern.startsWith('!'));
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((p) => p.slice(1));
  return include.some(matches) && !exclude.some(matches);
}

describe('electron-builder configuration', () => {
  it('is what `npm run dist` uses, and builds the app first', () => {
    expect(pkg.scripts.dist).toBe(
      'npm run build && electron-builder --config build/electron-builder.config.mjs',
    );
  });

  it('builds AppImage and deb on Linux, dmg on macOS, NSIS on Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('packs the built app and nothing of the repository but package.json', () => {
    for (const file of [
      pkg.main,
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-AbC123.js',
      'out/renderer/assets/index-AbC123.css',
      'package.json',
    ]) {
      expect(packed(file), file).toBe(true);
    }
    const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n');
    const leaked = tracked.filter((file) => file !== '' && file !== 'package.json' && packed(file));
    expect(leaked).toEqual([]);
  });

  it('packs no source maps, no sources, no tests, no CLI build and no vault files', () => {
    for (const file of [
      'out/main/index.js.map',
      'out/renderer/assets/index-AbC123.js.map',
      'out/main/chunk.ts',
      'out/cli/index.js',
      'src/main/index.ts',
      'tests/unit/api/dispatch.test.ts',
      'test-results/e2e/accounts.png',
      'vault.sparekey',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/zod/tests/x.js',
    ]) {
      expect(packed(file), file).toBe(false);
    }
  });

  it('unpacks the native modules from the asar and does not rebuild them', () => {
    expect(config.asar).toBe(true);
    for (const name of NATIVE_MODULES) {
      expect(pkg.dependencies[name], `${name} is a production dependency`).toBeDefined();
      const binary = `node_modules/${name}/prebuilds/linux-x64/${name}.node`;
      expect(
        (config.asarUnpack as string[]).some((pattern) => minimatch(binary, pattern)),
        binary,
      ).toBe(true);
    }
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('ships no development dependency: the UI libraries are bundled, Electron is the runtime', () => {
    // (zxcvbn-ts is a runtime dependency: the core scores passwords in the main process.)
    for (const name of ['electron', 'react', 'react-dom', '@tanstack/react-virtual']) {
      expect(pkg.devDependencies[name], name).toBeDefined();
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
    const overlap = Object.keys(pkg.dependencies).filter((name) => name in pkg.devDependencies);
    expect(overlap).toEqual([]);
  });

  it('points at icons that exist', () => {
    expect(existsSync(config.mac?.icon as string)).toBe(true);
    expect(existsSync(config.win?.icon as string)).toBe(true);
    expect(existsSync(`${config.linux?.icon as string}/512x512.png`)).toBe(true);
  });
});

describe('Electron fuses (afterPack hook)', () => {
  const expected = {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };

  it('is the afterPack hook, and flips the fuses a vault needs on every platform', async () => {
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    for (const platform of ['linux', 'darwin', 'win32']) {
      const flipped: unknown[] = [];
      const context = {
        electronPlatformName: platform,
        packager: {
          addElectronFuses: async (_context: unknown, fuses: unknown) => flipped.push(fuses),
        },
      };
      await afterPack(context as never);
      expect(flipped).toHaveLength(1);
      expect(flipped[0]).toMatchObject(expected);
      expect((flipped[0] as { resetAdHocDarwinSignature: boolean }).resetAdHocDarwinSignature).toBe(
        platform === 'darwin',
      );
    }
  });

  it('names only fuses @electron/fuses knows', () => {
    expect(() => fuseConfig('linux')).not.toThrow();
  });
});

describe('icons', () => {
  function pngSize(file: string): [number, number] {
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  }

  it('are generated from build/icon.svg and up to date with it', () => {
    const svg = readFileSync('build/icon.svg');
    expect(Buffer.compare(renderIcon(svg, 1024), readFileSync('build/icon.png'))).toBe(0);
    expect(pngSize('build/icon.png')).toEqual([1024, 1024]);
    for (const size of LINUX_ICON_SIZES) {
      expect(pngSize(`build/icons/${size}x${size}.png`)).toEqual([size, size]);
    }
  });

  it('include a macOS icns and a Windows ico with a 256 px image', () => {
    const icns = readFileSync('build/icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = readFileSync('build/icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });
});

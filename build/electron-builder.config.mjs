// electron-builder configuration: `npm run dist` builds the installers for the
// platform it runs on (AppImage and deb on Linux, dmg on macOS, NSIS on Windows).
// tests/unit/packaging/ checks this file, since the packaging itself downloads
// Electron and cannot run on the build machines.

/** Native modules load their own prebuilt Node-API binaries, which cannot live inside the asar. */
export const NATIVE_MODULES = ['better-sqlite3', 'argon2'];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.sparekey.desktop',
  productName: 'Sparekey',
  copyright: 'Copyright © Sparekey contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app (main, preload, renderer) and package.json; production
  // dependencies from node_modules are added by electron-builder (never devDependencies).
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'package.json',
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/node_modules/**/{test,tests,__tests__,example,examples,docs}/**',
    '!**/node_modules/better-sqlite3/{deps,src}/**',
    '!**/node_modules/argon2/{argon2,argon2.cpp,binding.gyp}',
    // The CLI's PDF renderer (sparekey sheet --pdf); the app prints with Electron's printToPDF.
    '!**/node_modules/playwright-core/**',
  ],
  asar: true,
  asarUnpack: NATIVE_MODULES.map((name) => `**/node_modules/${name}/**`),
  // Node-API prebuilds load in Electron as they are: no rebuild (it would download Electron's headers).
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: './build/after-pack.mjs',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'build/icons',
    synopsis: 'Offline vault for authenticator seeds, backup codes and recovery contacts',
    executableName: 'sparekey',
    maintainer: 'Sparekey contributors',
  },
  deb: { packageCategory: 'utils' },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.utilities',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
  },
  dmg: { title: 'Sparekey ${version}' },
  win: { target: ['nsis'], icon: 'build/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  artifactName: 'Sparekey-${version}-${os}-${arch}.${ext}',
  publish: null,
};

export default config;

// The Electron fuses Sparekey ships with: switches compiled into the Electron
// binary, flipped after packaging (build/after-pack.mjs) and before signing.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every fuse we set, by name, with the value a vault wants. */
export const SPAREKEY_FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 Sparekey` would turn the app into a plain Node runtime.
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS keychain (the app keeps no cookies; defence in depth).
  EnableCookieEncryption: true,
  // NODE_OPTIONS (e.g. --require evil.js) and --inspect flags would let anyone inject code into main.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // The app code is checked against the hash recorded at build time (macOS, Windows)…
  EnableEmbeddedAsarIntegrityValidation: true,
  // …and loaded only from app.asar, never from a loose folder planted beside it.
  OnlyLoadAppFromAsar: true,
  // The UI is served from the app's own scheme; file:// gets no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
};

/** The @electron/fuses configuration for one platform. */
export function fuseConfig(platform) {
  const config = {
    version: FuseVersion.V1,
    // Flipping fuses invalidates the ad-hoc signature of macOS (arm64) binaries; re-sign ad hoc.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
  };
  for (const [name, value] of Object.entries(SPAREKEY_FUSES)) {
    const fuse = FuseV1Options[name];
    if (fuse === undefined) throw new Error(`Unknown Electron fuse: ${name}`);
    config[fuse] = value;
  }
  return config;
}

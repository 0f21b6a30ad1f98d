// electron-builder afterPack hook: flips Sparekey's Electron fuses on the
// packaged binary. electron-builder signs after this hook, so the signature
// covers the flipped binary.
import { fuseConfig } from './fuses.mjs';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName));
}

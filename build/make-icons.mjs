// Renders build/icon.svg into the icons electron-builder uses:
//   build/icon.png (1024 px; the source for every platform),
//   build/icons/<size>x<size>.png (Linux: AppImage and deb),
//   build/icon.icns (macOS) and build/icon.ico (Windows).
// Run with `npm run icons` after changing the SVG; the outputs are committed.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const here = dirname(fileURLToPath(import.meta.url));

/** The SVG rendered to a square PNG of `size` pixels. */
export function renderIcon(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

function main() {
  const svg = readFileSync(join(here, 'icon.svg'));
  const master = renderIcon(svg, 1024);
  writeFileSync(join(here, 'icon.png'), master);
  mkdirSync(join(here, 'icons'), { recursive: true });
  for (const size of LINUX_ICON_SIZES) {
    writeFileSync(join(here, 'icons', `${size}x${size}.png`), renderIcon(svg, size));
  }
  const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0);
  const ico = png2icons.createICO(renderIcon(svg, 256), png2icons.BICUBIC, 0, false, true);
  if (icns === null || ico === null) throw new Error('png2icons could not convert the icon.');
  writeFileSync(join(here, 'icon.icns'), icns);
  writeFileSync(join(here, 'icon.ico'), ico);
  process.stdout.write(
    'Wrote build/icon.png, build/icons/*.png, build/icon.icns, build/icon.ico\n',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

/** Loaded when needed, not for every command. */
const qrcode = async () => (await import('qrcode')).default;

/**
 * QR codes as PNG images, with the `qrcode` library. Medium error correction
 * keeps a Google Authenticator transfer of ten accounts scannable from a screen.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 6 } as const;

export async function qrPng(text: string): Promise<Uint8Array> {
  return new Uint8Array(await (await qrcode()).toBuffer(text, { ...OPTIONS, type: 'png' }));
}

export async function qrPngDataUrl(text: string): Promise<string> {
  return (await qrcode()).toDataURL(text, { ...OPTIONS, type: 'image/png' });
}

/** Modules of quiet zone around a QR code, as the standard asks. */
const QUIET_ZONE = 4;

/**
 * A QR code as inline SVG (for printed recovery sheets): the same symbol,
 * drawn as filled black rectangles on white, one per run of dark modules, with
 * the quiet zone. Filled shapes, not strokes, so no PDF renderer or printer
 * leaves hairline gaps between modules. No script, nothing fetched.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const { modules } = (await qrcode()).create(text, {
    errorCorrectionLevel: OPTIONS.errorCorrectionLevel,
  });
  const size = modules.size;
  const dark = (x: number, y: number) => modules.get(y, x) === 1;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark(x, y)) continue;
      let run = 1;
      while (x + run < size && dark(x + run, y)) run++;
      path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  const side = size + 2 * QUIET_ZONE;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="${label}"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}

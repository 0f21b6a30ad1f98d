import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ZxingReader from 'zxing-wasm/reader';
import { invalidInput } from '../../shared/errors.js';

/**
 * Reads the QR codes in a PNG or JPEG image (a screenshot may hold several), with
 * ZXing (its C++ reader compiled to WebAssembly), which also reads dense codes
 * such as a Google Authenticator transfer of ten accounts.
 */

/** Larger images are refused before they are decoded (a screenshot is a few megapixels). */
export const MAX_IMAGE_MEGAPIXELS = 64;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

export function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const starts = (magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (starts(PNG_MAGIC)) return 'png';
  if (starts(JPEG_MAGIC)) return 'jpeg';
  return null;
}

interface Pixels {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel. */
  data: Uint8Array;
}

async function decodePng(bytes: Uint8Array): Promise<Pixels> {
  if (bytes.length < 24) throw invalidInput('the PNG image is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const megapixels = (view.getUint32(16) * view.getUint32(20)) / 1e6;
  if (megapixels > MAX_IMAGE_MEGAPIXELS) {
    throw invalidInput(`the image is too large (${Math.round(megapixels)} megapixels)`);
  }
  const { PNG } = await import('pngjs');
  try {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, data: png.data };
  } catch (error) {
    throw invalidInput('the PNG image is damaged or cut short', undefined, { cause: error });
  }
}

async function decodeJpeg(bytes: Uint8Array): Promise<Pixels> {
  const { default: jpeg } = await import('jpeg-js');
  try {
    return jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_IMAGE_MEGAPIXELS,
      maxMemoryUsageInMB: 1024,
    });
  } catch (error) {
    throw invalidInput('the JPEG image is damaged or cut short', undefined, { cause: error });
  }
}

type Zxing = typeof ZxingReader;
let zxingReady: Promise<Zxing> | null = null;

/** Loads ZXing and its WebAssembly from the installed package (never from the network), once. */
function loadZxing(): Promise<Zxing> {
  zxingReady ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    await zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    return zxing;
  })();
  return zxingReady;
}

/** One QR code found in an image: its text, in reading order (top to bottom, left to right). */
export interface FoundQrCode {
  text: string;
}

/** The QR codes in an image; throws INVALID_INPUT when the image cannot be decoded. */
export async function readQrCodes(bytes: Uint8Array): Promise<FoundQrCode[]> {
  const kind = imageKind(bytes);
  if (kind === null) throw invalidInput('it is not a PNG or JPEG image');
  const pixels = kind === 'png' ? await decodePng(bytes) : await decodeJpeg(bytes);
  const { readBarcodes } = await loadZxing();
  const imageData = {
    data: new Uint8ClampedArray(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length),
    width: pixels.width,
    height: pixels.height,
    colorSpace: 'srgb',
  } as unknown as Parameters<Zxing['readBarcodes']>[0];
  const results = await readBarcodes(imageData, {
    formats: ['QRCode'],
    tryHarder: true,
    tryInvert: true,
    tryRotate: true,
    maxNumberOfSymbols: 255,
  });
  return results
    .filter((result) => result.isValid)
    .sort(
      (a, b) =>
        a.position.topLeft.y - b.position.topLeft.y || a.position.topLeft.x - b.position.topLeft.x,
    )
    .map((result) => ({ text: result.text }));
}

/** Small byte helpers shared by the crypto and storage layers. */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8, throwing on malformed input rather than inventing replacement characters. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Overwrites key material in place. */
export function wipe(...buffers: (Uint8Array | undefined | null)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Unambiguous encoding of a list of fields (each prefixed with its 4-byte length),
 * used for associated data and checksums so that no two field lists encode alike:
 * per field, u32 big-endian byte length ‖ bytes; a string as UTF-8, a number as its
 * decimal digits, a byte array as itself (docs/vault-format.md, "fields").
 * Written into one buffer: this runs for every record read and written.
 */
export function encodeFields(
  fields: (string | number | Uint8Array)[],
  /** The encoding of fields that come first (encodeFields of them), copied as it is. */
  encodedBefore: Uint8Array = EMPTY,
): Uint8Array {
  let most = encodedBefore.length;
  for (const field of fields) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    most += 4 + (field instanceof Uint8Array ? field.length : 3 * fieldText(field).length);
  }
  const out = new Uint8Array(most);
  out.set(encodedBefore, 0);
  let offset = encodedBefore.length;
  for (const field of fields) {
    let length: number;
    if (field instanceof Uint8Array) {
      out.set(field, offset + 4);
      length = field.length;
    } else {
      const text = fieldText(field);
      length = writeAscii(text, out, offset + 4);
      if (length < 0) length = encoder.encodeInto(text, out.subarray(offset + 4)).written;
    }
    // u32 big-endian, as DataView.setUint32 writes it (without making a DataView per call).
    out[offset] = length >>> 24;
    out[offset + 1] = (length >>> 16) & 0xff;
    out[offset + 2] = (length >>> 8) & 0xff;
    out[offset + 3] = length & 0xff;
    offset += 4 + length;
  }
  return out.subarray(0, offset);
}

const EMPTY = new Uint8Array(0);

/**
 * Writes `text` at `offset` when it is all ASCII (its UTF-8 is its char codes) and
 * returns its length; returns -1 at the first other character, for encodeInto to
 * write it all. Ids, kinds and numbers are ASCII, and far quicker to copy than to
 * hand to TextEncoder one short field at a time.
 */
function writeAscii(text: string, out: Uint8Array, offset: number): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return -1;
    out[offset + index] = code;
  }
  return text.length;
}

const fieldText = (field: string | number): string =>
  typeof field === 'number' ? String(field) : field;

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

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
 * used for associated data and checksums so that no two field lists encode alike.
 */
export function encodeFields(fields: (string | number | Uint8Array)[]): Uint8Array {
  const encoded = fields.map((field) =>
    field instanceof Uint8Array ? field : utf8(typeof field === 'number' ? String(field) : field),
  );
  const parts: Uint8Array[] = [];
  for (const field of encoded) {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, field.length, false);
    parts.push(length, field);
  }
  return concatBytes(...parts);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

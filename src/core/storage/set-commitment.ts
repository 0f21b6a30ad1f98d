import { blake3 } from '@noble/hashes/blake3.js';
import { type _HMAC, hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { createBLAKE3, type IHasher } from 'hash-wasm';

/** The plaintext columns of a record row that its tag commits to. */
export interface RowIdentity {
  kind: string;
  id: string;
  parent: string | null;
  version: number;
  nonce: Uint8Array;
}

export const TAG_LENGTH = 32;
const WORDS = TAG_LENGTH / 4;
const TWO_32 = 0x1_0000_0000;

/**
 * A sum of 256-bit row tags modulo 2^256 (big-endian): the set commitment of
 * Clarke et al.'s MSet-Add-Hash. A sum, not an XOR, so a row present twice does
 * not cancel out; updated by adding a new row's tag and subtracting an old one's,
 * at a cost that does not depend on how many rows there are.
 */
export class SetSum {
  private readonly words = new Uint32Array(WORDS);

  add(tag: Uint8Array): void {
    let carry = 0;
    for (let index = WORDS - 1; index >= 0; index--) {
      const sum = this.words[index]! + readWord(tag, index) + carry;
      this.words[index] = sum >>> 0;
      carry = sum >= TWO_32 ? 1 : 0;
    }
  }

  subtract(tag: Uint8Array): void {
    let borrow = 0;
    for (let index = WORDS - 1; index >= 0; index--) {
      let difference = this.words[index]! - readWord(tag, index) - borrow;
      borrow = difference < 0 ? 1 : 0;
      if (difference < 0) difference += TWO_32;
      this.words[index] = difference;
    }
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(TAG_LENGTH);
    const view = new DataView(out.buffer);
    for (let index = 0; index < WORDS; index++) view.setUint32(index * 4, this.words[index]!);
    return out;
  }

  copy(): SetSum {
    const copy = new SetSum();
    copy.words.set(this.words);
    return copy;
  }
}

function readWord(bytes: Uint8Array, index: number): number {
  const offset = index * 4;
  return (
    (((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8)) +
      bytes[offset + 3]! +
      0) >>>
    0
  );
}

type KeyedHmac = _HMAC<ReturnType<typeof sha256.create>>;

/** The label each row encoding starts with: it names the format, so a tag of one format is never a tag of another. */
function rowLabel(format: number): Uint8Array {
  if (format !== 2 && format !== 3) throw new RangeError(`Format ${format} has no row tags.`);
  return new TextEncoder().encode(`sparekey v${format} row`);
}

/**
 * The bytes a row's tag is computed over:
 * label ‖ len‖kind ‖ len‖id ‖ presence[‖ len‖parent] ‖ u64 version ‖ len‖nonce
 * (lengths are big-endian u32). The body is bound through the nonce: the record's
 * AEAD binds the same columns and the version to its nonce and ciphertext.
 *
 * Needs no key, so the check at unlock encodes every row while the password's key
 * is still being derived. Rows are written into one reused buffer: every
 * allocation a row would otherwise make (a closure, a subarray per text, a BigInt
 * for the version) is avoided, as that check encodes every row of the vault.
 */
export class RowEncoder {
  private buffer = new Uint8Array(0);
  private view = new DataView(this.buffer.buffer);
  private readonly encoder = new TextEncoder();
  private readonly label: Uint8Array;

  constructor(format: number) {
    this.label = rowLabel(format);
    this.grow(256);
  }

  /** The encoding of `row`, valid until the next call (the buffer is reused). */
  encode(row: RowIdentity): Uint8Array {
    const { version } = row;
    if (!Number.isSafeInteger(version) || version < 0) {
      throw new RangeError('A row version must be a whole number from 0 to 2^53 - 1.');
    }
    const most =
      this.label.length +
      3 * (row.kind.length + row.id.length + (row.parent?.length ?? 0)) +
      row.nonce.length +
      4 * 4 +
      1 +
      8;
    if (this.buffer.length < most) this.grow(most * 2);
    const { buffer, view } = this;
    let offset = this.label.length;
    offset = this.text(row.kind, offset);
    offset = this.text(row.id, offset);
    if (row.parent === null) {
      buffer[offset++] = 0;
    } else {
      buffer[offset++] = 1;
      offset = this.text(row.parent, offset);
    }
    // u64 big-endian, as two 32-bit halves (exact for every safe integer).
    view.setUint32(offset, Math.floor(version / TWO_32));
    view.setUint32(offset + 4, version >>> 0);
    offset += 8;
    view.setUint32(offset, row.nonce.length);
    buffer.set(row.nonce, offset + 4);
    offset += 4 + row.nonce.length;
    return buffer.subarray(0, offset);
  }

  /**
   * Writes u32 length ‖ UTF-8 of `value` at `offset` and returns the offset after it.
   * ASCII (every kind and id Sparekey writes) is copied byte by byte; anything else
   * goes through the TextEncoder, which gives the same bytes for ASCII.
   */
  private text(value: string, offset: number): number {
    const { buffer } = this;
    const start = offset + 4;
    let length = 0;
    while (length < value.length) {
      const code = value.charCodeAt(length);
      if (code >= 0x80) break;
      buffer[start + length] = code;
      length++;
    }
    if (length < value.length) {
      length = this.encoder.encodeInto(value, buffer.subarray(start)).written;
    }
    this.view.setUint32(offset, length);
    return start + length;
  }

  private grow(size: number): void {
    this.buffer = new Uint8Array(size);
    this.view = new DataView(this.buffer.buffer);
    this.buffer.set(this.label, 0);
  }
}

/**
 * Row encodings gathered one after another into one growing buffer (the rows of
 * a whole vault, read before its key is known), with where each one ends.
 */
export class EncodedRows {
  private bytes = new Uint8Array(64 * 1024);
  private ends = new Uint32Array(1024);
  private used = 0;
  count = 0;

  append(encoded: Uint8Array): void {
    if (this.used + encoded.length > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + encoded.length));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    if (this.count === this.ends.length) {
      const bigger = new Uint32Array(this.ends.length * 2);
      bigger.set(this.ends);
      this.ends = bigger;
    }
    this.bytes.set(encoded, this.used);
    this.used += encoded.length;
    this.ends[this.count++] = this.used;
  }

  /** The encoding of row `index` (a view into the buffer). */
  row(index: number): Uint8Array {
    const start = index === 0 ? 0 : this.ends[index - 1]!;
    return this.bytes.subarray(start, this.ends[index]!);
  }

  /** Encodings and their ends, trimmed (for handing to another thread). */
  parts(): { bytes: Uint8Array; ends: Uint32Array } {
    return { bytes: this.bytes.subarray(0, this.used), ends: this.ends.subarray(0, this.count) };
  }
}

/**
 * Each row's tag: a keyed PRF under the row-tag subkey of the row's encoding
 * (RowEncoder). Format 2: HMAC-SHA256. Format 3: BLAKE3 in its keyed mode, about
 * four times cheaper here, which is what keeps the check at unlock of a large
 * vault short.
 */
export interface RowTagger {
  readonly format: number;
  /** The tag of `row`, written into `out`. */
  tag(row: RowIdentity, out?: Uint8Array): Uint8Array;
  /** The tag of a row already encoded (RowEncoder of the same format). */
  tagEncoded(encoded: Uint8Array, out?: Uint8Array): Uint8Array;
  /** The row encoding the tag is computed over (exported for test vectors). */
  encode(row: RowIdentity): Uint8Array;
  /** Adds the tags of rows `from` to `to` (exclusive) of `rows` into `sum`. */
  sumInto(sum: SetSum, rows: EncodedRows, from?: number, to?: number): SetSum;
  /** Switches to a faster implementation of the same function where one loads (WebAssembly). */
  accelerate(): Promise<void>;
  /** Wipes the key and every state derived from it. */
  destroy(): void;
}

/** The row tagger of a vault of `format` (2 or 3) under its row-tag subkey. */
export function rowTagger(format: number, key: Uint8Array): RowTagger {
  return format === 2 ? new HmacRowTagger(key) : new Blake3RowTagger(key);
}

abstract class BaseRowTagger implements RowTagger {
  private readonly encoder: RowEncoder;

  constructor(readonly format: number) {
    this.encoder = new RowEncoder(format);
  }

  abstract tagEncoded(encoded: Uint8Array, out?: Uint8Array): Uint8Array;
  abstract destroy(): void;

  tag(row: RowIdentity, out: Uint8Array = new Uint8Array(TAG_LENGTH)): Uint8Array {
    return this.tagEncoded(this.encoder.encode(row), out);
  }

  encode(row: RowIdentity): Uint8Array {
    return this.encoder.encode(row);
  }

  sumInto(sum: SetSum, rows: EncodedRows, from = 0, to = rows.count): SetSum {
    const tag = new Uint8Array(TAG_LENGTH);
    for (let index = from; index < to; index++) sum.add(this.tagEncoded(rows.row(index), tag));
    return sum;
  }

  accelerate(): Promise<void> {
    return Promise.resolve();
  }
}

/** A noble hash or MAC state that can be copied into another (its `_cloneInto`). */
interface CloneableHash<T> {
  _cloneInto(to?: T): T;
  update(data: Uint8Array): unknown;
  digestInto(out: Uint8Array): void;
  destroy(): void;
}

/**
 * A keyed noble state, cloned per message into one reused object: at 40,000 rows
 * a fresh keyed object per row costs several times more than the hashing itself.
 */
class KeyedClones<T extends CloneableHash<T>> {
  private scratch: T | undefined;

  constructor(private readonly keyed: T) {}

  digestInto(message: Uint8Array, out: Uint8Array): Uint8Array {
    const scratch = this.keyed._cloneInto(this.scratch);
    this.scratch = scratch;
    scratch.update(message);
    scratch.digestInto(out);
    return out;
  }

  destroy(): void {
    this.keyed.destroy();
    this.scratch?.destroy();
  }
}

/** Format 2: HMAC-SHA256. */
class HmacRowTagger extends BaseRowTagger {
  private readonly keyed: KeyedClones<KeyedHmac>;

  constructor(key: Uint8Array) {
    super(2);
    this.keyed = new KeyedClones(hmac.create(sha256, key) as KeyedHmac);
  }

  tagEncoded(encoded: Uint8Array, out: Uint8Array = new Uint8Array(TAG_LENGTH)): Uint8Array {
    return this.keyed.digestInto(encoded, out);
  }

  destroy(): void {
    this.keyed.destroy();
  }
}

type KeyedBlake3 = ReturnType<typeof blake3.create>;

/**
 * Format 3: BLAKE3's keyed hash (32-byte key, 32-byte output). Computed by
 * hash-wasm (WebAssembly) once `accelerate` has loaded it, and by noble's BLAKE3
 * (plain JavaScript, several times slower, the same function) until then or if it
 * cannot load: a write never waits for WebAssembly, and the tests check that both
 * give the same tags.
 */
class Blake3RowTagger extends BaseRowTagger {
  /** hash-wasm keeps a reference to the key it is given: this copy is its own, wiped on destroy. */
  private readonly key: Uint8Array;
  private readonly keyed: KeyedClones<KeyedBlake3>;
  private fast: IHasher | null = null;
  private destroyed = false;

  constructor(key: Uint8Array) {
    super(3);
    this.key = key.slice();
    this.keyed = new KeyedClones(blake3.create({ key: this.key }));
  }

  override async accelerate(): Promise<void> {
    if (this.fast !== null || this.destroyed) return;
    let fast: IHasher;
    try {
      fast = await createBLAKE3(TAG_LENGTH * 8, this.key);
    } catch {
      return; // WebAssembly unavailable: noble's BLAKE3 stays.
    }
    if (this.destroyed) wipeHasher(fast, this.key);
    else this.fast = fast;
  }

  tagEncoded(encoded: Uint8Array, out: Uint8Array = new Uint8Array(TAG_LENGTH)): Uint8Array {
    if (this.destroyed) throw new Error('The row tagger was destroyed.');
    const { fast } = this;
    if (fast !== null) {
      out.set(fast.init().update(encoded).digest('binary'));
      return out;
    }
    return this.keyed.digestInto(encoded, out);
  }

  destroy(): void {
    this.destroyed = true;
    this.key.fill(0);
    this.keyed.destroy();
    if (this.fast !== null) wipeHasher(this.fast, this.key);
    this.fast = null;
  }
}

/** Overwrites the key in the hasher's WebAssembly memory (its init writes the, now zeroed, key again). */
function wipeHasher(hasher: IHasher, zeroedKey: Uint8Array): void {
  zeroedKey.fill(0);
  hasher.init();
}

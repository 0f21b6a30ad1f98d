import { VaultError } from '../../shared/errors.js';
import { fromUtf8 } from '../crypto/bytes.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A file given to import: its name (for messages only; the format is detected
 * from the bytes) and lazily decoded views of its content.
 */
export class FileContent {
  private decodedText: string | null | undefined;
  private parsedJson: { value: unknown } | { error: string; cause?: unknown } | undefined;

  constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
  ) {}

  /** The content as UTF-8 text (BOM dropped), or null when it is not valid UTF-8 or holds NUL bytes. */
  get text(): string | null {
    if (this.decodedText === undefined) {
      try {
        const text = UTF8.decode(this.bytes);
        this.decodedText = text.includes('\u0000') ? null : text;
      } catch {
        this.decodedText = null;
      }
    }
    return this.decodedText;
  }

  /** The same file name with other content (what a container holds, once opened). */
  withBytes(bytes: Uint8Array): FileContent {
    return new FileContent(this.name, bytes);
  }

  /** True when the text starts like a JSON object or array. */
  get looksLikeJson(): boolean {
    const text = this.text?.trimStart() ?? '';
    return text.startsWith('{') || text.startsWith('[');
  }

  /** The parsed JSON, or undefined when the content is not JSON. */
  get json(): unknown {
    const parsed = this.parseJson();
    return 'value' in parsed ? parsed.value : undefined;
  }

  /** The parsed JSON; throws INVALID_INPUT naming the file when it does not parse. */
  requireJson(): unknown {
    const parsed = this.parseJson();
    if ('value' in parsed) return parsed.value;
    throw this.damaged('it is not valid JSON; the file is truncated or was edited', parsed.cause);
  }

  /** The text; throws INVALID_INPUT naming the file when it is not text. */
  requireText(): string {
    const text = this.text;
    if (text === null) throw this.damaged('it is not UTF-8 text');
    return text;
  }

  /** True when the content is a JSON object (not an array) with every one of `keys`. */
  hasJsonKeys(...keys: string[]): boolean {
    const json = this.json;
    return (
      typeof json === 'object' &&
      json !== null &&
      !Array.isArray(json) &&
      keys.every((key) => key in json)
    );
  }

  /**
   * The JSON in decrypted bytes, which are overwritten afterwards. A null
   * plaintext means the password was verified but `what` did not decrypt: the
   * file was edited or is damaged.
   */
  decryptedJson(plaintext: Uint8Array | null, what: string): unknown {
    if (plaintext === null) {
      throw this.damaged(
        `its ${what} does not decrypt although the password is right; the file was edited or is damaged`,
      );
    }
    try {
      return JSON.parse(fromUtf8(plaintext)) as unknown;
    } catch {
      throw this.damaged(`its decrypted ${what} is not valid JSON`);
    } finally {
      plaintext.fill(0);
    }
  }

  /**
   * INVALID_INPUT: "<file> cannot be imported: <problem>." The problem is in
   * Sparekey's words; a library's own error, if any, is kept as the cause.
   */
  damaged(problem: string, cause?: unknown): VaultError {
    return new VaultError(
      'INVALID_INPUT',
      `${this.name} cannot be imported: ${problem}.`,
      { file: this.name },
      cause === undefined ? undefined : { cause },
    );
  }

  /**
   * WRONG_PASSWORD naming the file. Formats with nothing to check the password
   * against first cannot tell a wrong password from edited ciphertext: `orEdited` says so.
   */
  wrongPassword(orEdited = false, alternative?: string): VaultError {
    return new VaultError(
      'WRONG_PASSWORD',
      `Wrong password${alternative ? ` ${alternative}` : ''} for ${this.name}: it does not decrypt the file${orEdited ? ' (or the file was edited or is damaged)' : ''}.`,
      { file: this.name },
    );
  }

  private parseJson(): { value: unknown } | { error: string; cause?: unknown } {
    if (this.parsedJson === undefined) {
      const text = this.text;
      if (text === null) this.parsedJson = { error: 'it is not UTF-8 text' };
      else {
        try {
          this.parsedJson = { value: JSON.parse(text) as unknown };
        } catch (error) {
          this.parsedJson = { error: 'it is not valid JSON', cause: error };
        }
      }
    }
    return this.parsedJson;
  }
}

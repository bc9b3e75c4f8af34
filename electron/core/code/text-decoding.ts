import type { EncodingChoice, TextEncoding } from '../../../shared/domain/text-encodings.js';
import { guessLegacyEncoding } from './encoding-detection.js';

/** How many leading bytes are inspected to tell text from binary (as git does: a NUL means binary). */
export const BINARY_SNIFF_BYTES = 8000;

export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return !hasUtf16Bom(bytes);
  return false;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when the encoding was guessed from content (no BOM, not valid UTF-8). */
  guessed: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode file bytes: the reader's choice when given; else a byte-order mark; else UTF-8 when the bytes are
 * valid UTF-8; else the legacy code page that reads most like text (encoding-detection.ts).
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (choice !== 'auto') return { text: decodeAs(bytes, choice), encoding: choice, guessed: false };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', guessed: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs(bytes, 'utf-16le'), encoding: 'utf-16le', guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs(bytes, 'utf-16be'), encoding: 'utf-16be', guessed: false };
  if (isUtf8Prefix(bytes)) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', guessed: false };
  const guess = guessLegacyEncoding(bytes);
  return { text: decodeAs(bytes, guess.encoding), encoding: guess.encoding, guessed: true };
}

/** Decoding drops a byte-order mark of the chosen encoding, as editors do. */
function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Valid UTF-8, allowing the bytes to end inside a character: a file shown from its first bytes only may
 * be cut in the middle of one.
 */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  for (let trim = 0; trim < 4 && trim <= bytes.length; trim++) {
    try {
      strictUtf8.decode(bytes.subarray(0, bytes.length - trim));
      return true;
    } catch {
      if (bytes.length - trim <= 0) return false;
    }
  }
  return false;
}

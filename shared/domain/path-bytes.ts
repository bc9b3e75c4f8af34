/**
 * Vendor file names are bytes, not always UTF-8. A name that is valid UTF-8 travels as itself; each byte of
 * an invalid sequence becomes U+DC80–U+DCFF (the "surrogateescape" of Python), which displays as a
 * replacement mark and converts back to the exact bytes, so every file stays addressable.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export function decodePathBytes(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    return decodeWithEscapes(bytes);
  }
}

export function encodePathString(path: string): Uint8Array {
  if (!/[\uDC80-\uDCFF]/.test(path)) return encoder.encode(path);
  const out: number[] = [];
  for (const char of path) {
    const code = char.codePointAt(0)!;
    if (code >= 0xdc80 && code <= 0xdcff) out.push(code - 0xdc00);
    else out.push(...encoder.encode(char));
  }
  return Uint8Array.from(out);
}

/** True when a path carries escaped bytes (its name was not UTF-8). */
export function hasEscapedBytes(path: string): boolean {
  return /[\uDC80-\uDCFF]/.test(path);
}

function decodeWithEscapes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      out += decoder.decode(bytes.subarray(i, i + length));
      i += length;
    } else {
      out += String.fromCharCode(0xdc00 + bytes[i]!);
      i += 1;
    }
  }
  return out;
}

/** Length of a valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const length = b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  try {
    decoder.decode(bytes.subarray(i, i + length));
    return length;
  } catch {
    return 0;
  }
}

const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]$/;

/**
 * Text holding a path as a URL component: its bytes (a name that was not UTF-8 gives back its own bytes)
 * percent-encoded where encodeURIComponent would, which for such a name would throw on the escaped bytes.
 */
export function percentEncodePath(text: string): string {
  let out = '';
  for (const byte of encodePathString(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The inverse of percentEncodePath (also reads what encodeURIComponent wrote); null when a `%` escape is malformed. */
export function percentDecodePath(text: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      bytes.push(...encodePathString(String.fromCodePoint(codePoint)));
    }
  }
  return decodePathBytes(Uint8Array.from(bytes));
}

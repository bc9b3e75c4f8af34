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

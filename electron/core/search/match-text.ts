import { isUtf8 } from 'node:buffer';
import { MATCH_TEXT_CHARS, type SearchMatch, type SearchQuery } from '../../../shared/contract/search.js';
import { posixMatchMeasure } from './posix-regex.js';

/** Characters of context kept before a match when a long line is cut. */
const CONTEXT_BEFORE = 100;
const lenient = new TextDecoder('utf-8');

/**
 * Turns git's report of a matching line (raw bytes, byte column) into what a reader sees: the decoded line
 * (not UTF-8: decoded leniently, each bad byte a replacement mark), column and length in characters, and
 * the text cut around the match so a minified 2 MB line never travels whole.
 */
export function matchDescriber(query: SearchQuery): (lineNumber: number, bytes: Buffer, byteColumn: number) => SearchMatch {
  const measure = query.regex ? posixMatchMeasure(query.pattern, query) : null;
  return (lineNumber, raw, byteColumn) => {
    const bytes = raw[raw.length - 1] === 0x0d ? raw.subarray(0, raw.length - 1) : raw;
    const utf8 = isUtf8(bytes);
    const decode = (end: number) => (utf8 ? bytes.toString('utf8', 0, end) : lenient.decode(bytes.subarray(0, end)));
    const line = decode(bytes.length);
    const start = Math.min(line.length, byteColumn <= 1 ? 0 : decode(Math.min(byteColumn - 1, bytes.length)).length);
    const measured = measure?.(line, start) ?? query.pattern.length;
    const length = Math.max(0, Math.min(measured, line.length - start));
    const cut = cutAround(line, start);
    return { line: lineNumber, column: start + 1, length, text: cut.text, textStart: cut.start };
  };
}

function cutAround(line: string, matchStart: number): { text: string; start: number } {
  if (line.length <= MATCH_TEXT_CHARS) return { text: line, start: 0 };
  let start = Math.max(0, Math.min(matchStart - CONTEXT_BEFORE, line.length - MATCH_TEXT_CHARS));
  let end = start + MATCH_TEXT_CHARS;
  // Never cut a surrogate pair in half.
  if (isLowSurrogate(line.charCodeAt(start))) start++;
  if (isLowSurrogate(line.charCodeAt(end))) end--;
  return { text: line.slice(start, end), start };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

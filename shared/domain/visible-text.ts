/**
 * Vendor text shown to people — file names, commit subjects, matched lines, report cells, terminal output —
 * with every character that could hide, reorder or fake what is around it made visible: C0 and C1 controls
 * and DEL as `\u{1b}`, the Unicode bidirectional controls (the "Trojan Source" characters) as `\u{202e}`,
 * lone surrogates as `\u{d800}`, and the bytes of a name that was not UTF-8 (carried as U+DC80–U+DCFF by
 * path-bytes.ts) as `\x{ff}`. Display only: the text itself still addresses the file.
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cs}]/gu;
/**
 * The same, but tab, line feed and a carriage return that ends a line (CRLF) stay: for text shown as lines (a
 * commit message, a terminal, a report cell). A carriage return alone, which lets a terminal overwrite a line, does not.
 */
const HIDDEN_KEEPING_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cs}]|\r(?!\n)/gu;

export function visibleText(text: string, options: { keepLines?: boolean } = {}): string {
  return text.replace(options.keepLines ? HIDDEN_KEEPING_LINES : HIDDEN, escapeChar);
}

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code >= 0xdc80 && code <= 0xdcff ? `\\x{${(code - 0xdc00).toString(16)}}` : `\\u{${code.toString(16)}}`;
}

/**
 * Vendor text (file names, file content, commit subjects) printed to a terminal could carry escape
 * sequences that rewrite the screen, or bidirectional overrides that hide code ("Trojan Source"). Such
 * characters are shown as visible escapes instead.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g;

export function safeForTerminal(text: string, options: { keepNewlines?: boolean } = {}): string {
  const escaped = text.replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
  return options.keepNewlines ? escaped : escaped.replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

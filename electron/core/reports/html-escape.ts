const HTML_SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters that would let vendor text hide or reorder what an auditor reads ("Trojan Source" bidirectional
 * overrides, other controls, lone surrogates): shown as visible `\u{…}` escapes, as the CLI shows them.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cs}]/gu;

/**
 * Text of any origin (vendor file names, refs, people's names and comments) made safe for HTML element
 * content and quoted attribute values: it can only ever be text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!).replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** A CSS string literal (for `content:` in page margins): every character outside [A-Za-z0-9 ] as a CSS escape. */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/^[A-Za-z0-9 ]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

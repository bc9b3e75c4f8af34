import { visibleText } from '../../../shared/domain/visible-text.js';

const HTML_SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text of any origin (vendor file names, refs, people's names and comments) made safe for HTML element
 * content and quoted attribute values: it can only ever be text, and characters that would let it hide or
 * reorder what an auditor reads are shown as visible escapes, as the app and the CLI show them.
 */
export function escapeHtml(text: string): string {
  return visibleText(text.replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!), { keepLines: true });
}

/** A CSS string literal (for `content:` in page margins): every character outside [A-Za-z0-9 ] as a CSS escape. */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/^[A-Za-z0-9 ]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

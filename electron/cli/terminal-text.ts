import { visibleText } from '../../shared/domain/visible-text.js';

/**
 * Vendor text (file names, file content, commit subjects) printed to a terminal could carry escape
 * sequences that rewrite the screen, or bidirectional overrides that hide code ("Trojan Source"). Such
 * characters are shown as visible escapes instead (shared/domain/visible-text.ts).
 */
export function safeForTerminal(text: string, options: { keepNewlines?: boolean } = {}): string {
  if (options.keepNewlines) return visibleText(text, { keepLines: true });
  // On one line, line feeds and tabs read as \n and \t, and every carriage return (a CRLF's too) as \u{d}.
  return visibleText(text.replace(/\n/g, '\\n').replace(/\t/g, '\\t'));
}

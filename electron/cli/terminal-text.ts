import { visibleText } from '../../shared/domain/visible-text.js';

/**
 * Vendor text (file names, file content, commit subjects) printed to a terminal could carry escape
 * sequences that rewrite the screen, or bidirectional overrides that hide code ("Trojan Source"). Such
 * characters are shown as visible escapes instead (shared/domain/visible-text.ts).
 */
export function safeForTerminal(text: string, options: { keepNewlines?: boolean } = {}): string {
  const escaped = visibleText(text, { keepLines: true });
  return options.keepNewlines ? escaped : escaped.replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

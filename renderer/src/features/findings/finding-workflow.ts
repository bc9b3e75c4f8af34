export { nextStatuses } from '../../../../shared/domain/finding-workflow.js';

/** A line range typed as `12` or `12-20` (or with an en dash); null when it is not one. */
export function parseLineRange(text: string): { startLine: number; endLine: number } | null {
  const match = /^\s*(\d{1,8})\s*(?:[-–]\s*(\d{1,8}))?\s*$/.exec(text);
  if (!match) return null;
  const startLine = Number(match[1]);
  const endLine = match[2] === undefined ? startLine : Number(match[2]);
  return startLine >= 1 && endLine >= startLine ? { startLine, endLine } : null;
}

/** A date `days` after today as YYYY-MM-DD (the default expiry offered for an accepted risk). */
export function dateAfter(days: number, from: Date = new Date()): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

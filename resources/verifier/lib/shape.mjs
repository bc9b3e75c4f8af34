// @ts-check
/** Small predicates for reading untrusted JSON: a manifest is data from outside until every check passed. */

const HEX64 = /^[0-9a-f]{64}$/;
const GIT_COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @returns {value is string}
 */
export function isHex64(value) {
  return typeof value === 'string' && HEX64.test(value);
}

/**
 * A git object id: 40 hex digits (SHA-1) or 64 (a repository using SHA-256 ids), lowercase.
 * @param {unknown} value
 * @returns {value is string}
 */
export function isGitCommit(value) {
  return typeof value === 'string' && GIT_COMMIT.test(value);
}

/**
 * @param {unknown} value
 * @returns {value is string}
 */
export function isNonEmptyString(value) {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * @param {unknown} value
 * @returns {value is number}
 */
export function isPositiveInteger(value) {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/**
 * The instant an ISO-8601 date or date-time stands for; null when the text is not one (a date alone is
 * midnight UTC, as Date.parse reads it).
 * @param {unknown} value
 * @returns {Date | null}
 */
export function parseIsoDate(value) {
  if (typeof value !== 'string' || !ISO_8601.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * Untrusted text for a terminal line: control and bidirectional-override characters become visible escapes,
 * and very long text is cut.
 * @param {string} text
 * @param {number} [limit]
 */
export function visible(text, limit = 300) {
  const cut = text.length > limit ? `${text.slice(0, limit)}…` : text;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/**
 * A value for a message: strings quoted and made visible, anything else as short JSON.
 * @param {unknown} value
 */
export function show(value) {
  if (typeof value === 'string') return `"${visible(value, 120)}"`;
  if (value === undefined) return 'nothing';
  let text;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return visible(text, 120);
}

import { AppError } from '../errors.js';
import { CWE_CATEGORY_IDS, CWE_NAMES, CWE_VERSION, CWE_VIEW_IDS } from './cwe-data.js';

export { CWE_RELEASE_DATE, CWE_VERSION } from './cwe-data.js';

export type CweKind = 'weakness' | 'category' | 'view';

/**
 * The forms people and scanners write a CWE id in: `79`, `CWE-79`, `cwe-079`, CodeQL's tag
 * `external/cwe/cwe-079`. Nothing else is guessed at, so a typo is refused rather than misread.
 */
const CWE_ID_FORM = /^(?:external\/cwe\/)?(?:cwe-)?0*(\d{1,7})$/i;

/** The id of a CWE entry from the bundled MITRE list, or an INVALID_INPUT error that says what is wrong. */
export function parseCweId(input: string | number): number {
  const id = typeof input === 'number' ? (Number.isSafeInteger(input) && input > 0 ? input : null) : idFromText(input);
  if (id === null) throw new AppError('INVALID_INPUT', 'error.cwe.malformed', { input: shorten(String(input)) });
  if (!Object.hasOwn(CWE_NAMES, id)) throw new AppError('INVALID_INPUT', 'error.cwe.unknown', { id, version: CWE_VERSION });
  return id;
}

/** The official name of a CWE entry ("DEPRECATED: …" for withdrawn ones), or null when the list has no such id. */
export function cweName(id: number): string | null {
  return Object.hasOwn(CWE_NAMES, id) ? (CWE_NAMES[id] ?? null) : null;
}

const categories = new Set(CWE_CATEGORY_IDS);
const views = new Set(CWE_VIEW_IDS);

export function cweKind(id: number): CweKind | null {
  if (!Object.hasOwn(CWE_NAMES, id)) return null;
  return categories.has(id) ? 'category' : views.has(id) ? 'view' : 'weakness';
}

/** MITRE's page for an entry; weaknesses, categories and views share one address scheme. */
export function cweUrl(id: number): string {
  return `https://cwe.mitre.org/data/definitions/${id}.html`;
}

function idFromText(text: string): number | null {
  const match = CWE_ID_FORM.exec(text.trim());
  if (!match) return null;
  const id = Number(match[1]);
  return id > 0 ? id : null;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

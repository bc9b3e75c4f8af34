import { describe, expect, it } from 'vitest';
import { CWE_NAMES, CWE_VERSION } from '../../shared/domain/cwe-data.js';
import { cweKind, cweName, cweUrl, parseCweId } from '../../shared/domain/cwe.js';
import { AppError } from '../../shared/errors.js';

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseCweId', () => {
  it('reads the forms people and scanners write', () => {
    for (const input of [79, '79', 'CWE-79', 'cwe-79', 'external/cwe/cwe-079', ' CWE-079 ', 'External/CWE/CWE-79']) {
      expect(parseCweId(input), String(input)).toBe(79);
    }
    expect(parseCweId('external/cwe/cwe-089')).toBe(89);
    expect(parseCweId(1000)).toBe(1000);
  });

  it('refuses what is not a CWE id, saying what it was given', () => {
    for (const input of ['', 'CWE-', 'CWE79x', 'XSS', '79.5', 'CWE-79; DROP TABLE', 'cwe--79', 'external/cwe-79', -1, 0, 1.5, Number.NaN]) {
      const error = errorOf(() => parseCweId(input));
      expect(error.code, String(input)).toBe('INVALID_INPUT');
      expect(error.messageKey).toBe('error.cwe.malformed');
      expect(error.params).toEqual({ input: String(input) });
    }
  });

  it('refuses ids the bundled list does not have, naming the list version', () => {
    for (const [input, id] of [[99999, 99999], ['CWE-1451', 1451], ['external/cwe/cwe-3000', 3000]] as const) {
      const error = errorOf(() => parseCweId(input));
      expect(error.messageKey).toBe('error.cwe.unknown');
      expect(error.params).toEqual({ id, version: CWE_VERSION });
      expect(error.message).toContain(`CWE-${id}`);
    }
  });
});

describe('the bundled CWE list', () => {
  it('names weaknesses, categories and views as MITRE does', () => {
    expect(cweName(79)).toBe("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
    expect(cweName(89)).toBe("Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')");
    expect(cweName(1000)).toBe('Research Concepts');
    expect(cweName(16)).toBe('Configuration');
    expect(cweName(1187)).toMatch(/^DEPRECATED: /);
    expect(cweName(99999)).toBeNull();
    expect([cweKind(79), cweKind(16), cweKind(1000), cweKind(99999)]).toEqual(['weakness', 'category', 'view', null]);
    expect(cweUrl(79)).toBe('https://cwe.mitre.org/data/definitions/79.html');
  });

  it('is a whole release of the list, not a sample', () => {
    expect(CWE_VERSION).toMatch(/^4\.\d+(\.\d+)?$/);
    const ids = Object.keys(CWE_NAMES).map(Number);
    expect(ids.length).toBeGreaterThan(1400);
    // The 2024 CWE Top 25 and every id the SARIF fixtures cite.
    const top25 = [79, 787, 89, 352, 22, 125, 78, 416, 862, 434, 94, 20, 77, 287, 269, 502, 200, 863, 918, 119, 476, 798, 190, 400, 306];
    for (const id of [...top25, 117, 295, 312, 319, 338, 703]) expect(cweName(id), `CWE-${id}`).not.toBeNull();
    for (const id of ids) expect(CWE_NAMES[id], `CWE-${id}`).toMatch(/^[^\u0000-\u001f\u007f]+$/);
  });
});

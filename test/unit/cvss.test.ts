import { describe, expect, it } from 'vitest';
import { cvssSeverity, parseCvss } from '../../shared/domain/cvss.js';
import { AppError } from '../../shared/errors.js';

/** Reason given for a malformed vector, or a failure if it was accepted. */
function reasonFor(vector: string): string {
  try {
    parseCvss(vector);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.messageKey).toBe('error.cvss.malformed');
    return String(error.params['reason']);
  }
  throw new Error(`accepted ${vector}`);
}

describe('CVSS v3.1 base scores', () => {
  // Scores as FIRST's v3.1 calculator gives them (the first two are the specification's own examples).
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10, 'critical'],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 'high'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 'high'],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6, 'low'],
    // 1.08 × 6.9078… = 7.46…: Roundup to one decimal gives 7.5, not 7.46 or 7.4.
    ['CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:H/A:N', 7.5, 'high'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
  ])('%s = %s', (vector, score, severity) => {
    expect(parseCvss(vector)).toEqual({ version: '3.1', vector, score, severity });
  });

  it('accepts v3.0, temporal and environmental metrics, and any metric order', () => {
    expect(parseCvss('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toMatchObject({ version: '3.0', score: 9.8 });
    // The base score is the base score: temporal and environmental metrics are checked, not applied.
    expect(parseCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/MAV:L/MS:C').score).toBe(9.8);
    expect(parseCvss(' CVSS:3.1/S:U/A:H/AV:N/AC:L/PR:N/UI:N/C:H/I:H \n')).toEqual({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      score: 9.8,
      severity: 'critical',
    });
  });
});

describe('CVSS v4.0 scores', () => {
  // Scores as FIRST's v4.0 calculator (github.com/RedHatProductSecurity/cvss-v4-calculator, which FIRST
  // publishes) gives them; the implementation was also compared with it on all 104,976 base vectors.
  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, 'critical'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10, 'critical'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N', 6.9, 'medium'],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5, 'high'],
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 1, 'low'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0, 'none'],
    // Exactly 8.55 before rounding, computed as 8.5499…: rounded half up to 8.6 as the calculator does since 2024.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:L/SC:H/SI:H/SA:H', 8.6, 'high'],
  ])('%s = %s', (vector, score, severity) => {
    expect(parseCvss(vector)).toEqual({ version: '4.0', vector, score, severity });
  });

  it('applies threat and environmental metrics, and ignores supplemental ones', () => {
    const base = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    expect(parseCvss(`${base}/E:U`).score).toBe(8.1);
    expect(parseCvss(`${base}/E:P`).score).toBe(8.9);
    expect(parseCvss(`${base}/E:A`).score).toBe(9.3);
    expect(parseCvss(`${base}/CR:L/IR:L/AR:L`).score).toBe(8.9);
    expect(parseCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A').score).toBe(8.7);
    expect(parseCvss('CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:L/SA:N/MSI:S').score).toBe(7);
    expect(parseCvss(`${base}/S:P/AU:Y/R:A/V:C/RE:H/U:Red`)).toMatchObject({ score: 9.3, vector: `${base}/S:P/AU:Y/R:A/V:C/RE:H/U:Red` });
  });

  it('puts metrics in the specification order', () => {
    expect(parseCvss('CVSS:4.0/E:U/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N').vector).toBe(
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U',
    );
  });
});

describe('malformed vectors', () => {
  const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
  const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

  it.each([
    [`${v31}/XX:Y`, '"XX" is not a metric of this CVSS version'],
    [`${v40}/C:H`, '"C" is not a metric of this CVSS version'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'the base metric A is missing'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H', 'the base metrics SC, SI, SA are missing'],
    [`${v31}/AV:L`, 'metric AV appears more than once'],
    ['CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '"Q" is not a value of AV (it takes N, A, L, P)'],
    ['CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '"n" is not a value of AV'],
    [`${v40}/U:green`, '"green" is not a value of U (it takes X, Clear, Green, Amber, Red)'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 'it does not start with "CVSS:3.1/" or "CVSS:4.0/" (CVSS v2 vectors are not supported)'],
    ['cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'it does not start with'],
    ['CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', 'CVSS version "2.0" is not supported (3.0, 3.1 and 4.0 are)'],
    ['CVSS:3.1/AV:N/AC:L//PR:N/UI:N/S:U/C:H/I:H/A:H', 'an empty part'],
    [`${v31}/`, 'an empty part'],
    ['CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '"AVN" is not a METRIC:VALUE pair'],
    [`${v31}${'/E:X'.repeat(120)}`, 'characters long, over the limit of 512'],
    ['', 'it does not start with'],
  ])('%s', (vector, reason) => {
    expect(reasonFor(vector)).toContain(reason);
  });

  it('quotes the vector in the error on one line', () => {
    try {
      parseCvss('CVSS:3.1/AV:N\n/AC:L');
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).params['vector']).toBe('CVSS:3.1/AV:N\uFFFD/AC:L');
      expect((error as AppError).message).toContain('The CVSS vector "CVSS:3.1/AV:N');
    }
  });
});

describe('cvssSeverity', () => {
  it('follows the qualitative rating scale', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(cvssSeverity)).toEqual(['none', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });
});

import { AppError } from '../errors.js';

/**
 * CVSS vectors and their scores, per FIRST's specifications: v3.0 and v3.1 (base score) and v4.0 (the one
 * CVSS-B/BT/BE/BTE score the vector denotes, as FIRST's v4.0 calculator gives it).
 */
export type CvssVersion = '3.0' | '3.1' | '4.0';
export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';
export interface CvssScore {
  version: CvssVersion;
  /** The vector as given, with its metrics put in the specification's order. */
  vector: string;
  score: number;
  severity: CvssSeverity;
}

export const CVSS_VECTOR_MAX_LENGTH = 512;

/** Each metric with its allowed values; key order is the specification's order. */
type MetricTable = Readonly<Record<string, readonly string[]>>;
type Metrics = ReadonlyMap<string, string>;

const CIA = ['H', 'L', 'N'] as const;
const V3_BASE: MetricTable = { AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], PR: ['N', 'L', 'H'], UI: ['N', 'R'], S: ['U', 'C'], C: CIA, I: CIA, A: CIA };
const V3_OPTIONAL: MetricTable = {
  E: ['X', 'U', 'P', 'F', 'H'], RL: ['X', 'O', 'T', 'W', 'U'], RC: ['X', 'U', 'R', 'C'],
  CR: ['X', 'L', 'M', 'H'], IR: ['X', 'L', 'M', 'H'], AR: ['X', 'L', 'M', 'H'],
  MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'R'], MS: ['X', 'U', 'C'],
  MC: ['X', 'N', 'L', 'H'], MI: ['X', 'N', 'L', 'H'], MA: ['X', 'N', 'L', 'H'],
};
const V4_BASE: MetricTable = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'],
  VC: CIA, VI: CIA, VA: CIA, SC: CIA, SI: CIA, SA: CIA,
};
const V4_OPTIONAL: MetricTable = {
  E: ['X', 'A', 'P', 'U'], CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MAT: ['X', 'N', 'P'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'P', 'A'],
  MVC: ['X', 'H', 'L', 'N'], MVI: ['X', 'H', 'L', 'N'], MVA: ['X', 'H', 'L', 'N'],
  MSC: ['X', 'H', 'L', 'N'], MSI: ['X', 'S', 'H', 'L', 'N'], MSA: ['X', 'S', 'H', 'L', 'N'],
  S: ['X', 'N', 'P'], AU: ['X', 'N', 'Y'], R: ['X', 'A', 'U', 'I'], V: ['X', 'D', 'C'], RE: ['X', 'L', 'M', 'H'], U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};

/** Parse a CVSS v3.0, v3.1 or v4.0 vector and score it; metrics may come in any order, each once. */
export function parseCvss(vector: string): CvssScore {
  const fail = (reason: string): never => {
    throw new AppError('INVALID_INPUT', 'error.cvss.malformed', { vector: printable(vector, 100), reason });
  };
  if (vector.length > CVSS_VECTOR_MAX_LENGTH) fail(`it is ${vector.length} characters long, over the limit of ${CVSS_VECTOR_MAX_LENGTH}`);
  const text = vector.trim();
  const prefix = /^CVSS:([^/]*)\//.exec(text);
  if (!prefix) return fail('it does not start with "CVSS:3.1/" or "CVSS:4.0/" (CVSS v2 vectors are not supported)');
  const version = prefix[1];
  if (version !== '3.0' && version !== '3.1' && version !== '4.0') return fail(`CVSS version "${printable(version ?? '', 10)}" is not supported (3.0, 3.1 and 4.0 are)`);
  const [base, optional] = version === '4.0' ? [V4_BASE, V4_OPTIONAL] : [V3_BASE, V3_OPTIONAL];
  const metrics = readMetrics(text.slice(prefix[0].length), base, optional, fail);
  const canonical = [...Object.keys(base), ...Object.keys(optional)].filter((key) => metrics.has(key)).map((key) => `${key}:${metrics.get(key)}`);
  const score = version === '4.0' ? v4Score(metrics) : v3BaseScore(metrics, version);
  return { version, vector: `CVSS:${version}/${canonical.join('/')}`, score, severity: cvssSeverity(score) };
}

/** FIRST's qualitative rating scale, the same for v3.x and v4.0. */
export function cvssSeverity(score: number): CvssSeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return score > 0 ? 'low' : 'none';
}

function readMetrics(text: string, base: MetricTable, optional: MetricTable, fail: (reason: string) => never): Metrics {
  const metrics = new Map<string, string>();
  for (const part of text.split('/')) {
    if (part === '') fail('it has an empty part (a stray "/")');
    const colon = part.indexOf(':');
    if (colon <= 0) fail(`"${printable(part, 40)}" is not a METRIC:VALUE pair`);
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const allowed = Object.hasOwn(base, key) ? base[key] : Object.hasOwn(optional, key) ? optional[key] : undefined;
    if (allowed === undefined) return fail(`"${printable(key, 20)}" is not a metric of this CVSS version`);
    if (metrics.has(key)) fail(`metric ${key} appears more than once`);
    if (!allowed.includes(value)) fail(`"${printable(value, 20)}" is not a value of ${key} (it takes ${allowed.join(', ')})`);
    metrics.set(key, value);
  }
  const missing = Object.keys(base).filter((key) => !metrics.has(key));
  if (missing.length === 1) fail(`the base metric ${missing[0]} is missing`);
  if (missing.length > 1) fail(`the base metrics ${missing.join(', ')} are missing`);
  return metrics;
}

// ---- CVSS v3.0 / v3.1 base score (specification section 7.1 and appendix A) --------------------------------

const V3_WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  PR: { N: 0.85, L: 0.62, H: 0.27 },
  PR_CHANGED: { N: 0.85, L: 0.68, H: 0.5 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const satisfies Record<string, Record<string, number>>;

function v3BaseScore(metrics: Metrics, version: '3.0' | '3.1'): number {
  const weight = (table: Readonly<Record<string, number>>, key: string): number => table[metrics.get(key) ?? ''] ?? 0;
  const changed = metrics.get('S') === 'C';
  const iss = 1 - (1 - weight(V3_WEIGHTS.CIA, 'C')) * (1 - weight(V3_WEIGHTS.CIA, 'I')) * (1 - weight(V3_WEIGHTS.CIA, 'A'));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability =
    8.22 * weight(V3_WEIGHTS.AV, 'AV') * weight(V3_WEIGHTS.AC, 'AC') * weight(changed ? V3_WEIGHTS.PR_CHANGED : V3_WEIGHTS.PR, 'PR') * weight(V3_WEIGHTS.UI, 'UI');
  const raw = Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10);
  return version === '3.0' ? Math.ceil(raw * 10) / 10 : roundUp31(raw);
}

/** v3.1's Roundup (appendix A): integer arithmetic, so 4.000000000000001 does not become 4.1. */
function roundUp31(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

// ---- CVSS v4.0 (specification section 8; data and interpolation as in FIRST's reference calculator) --------

/**
 * The score of every macro vector (EQ1…EQ6), from FIRST's CVSS v4.0 calculator (cvss_lookup.js,
 * BSD-2-Clause, © FIRST, Red Hat and contributors). Keyed by EQ1–EQ4; the values run over (EQ5, EQ6) =
 * 00, 01, 10, 11, 20, 21 — or 01, 11, 21 where EQ3 is 2, which has no EQ6 = 0.
 */
const MACRO_VECTOR_ROWS: Readonly<Record<string, readonly number[]>> = {
  '0000': [10, 9.9, 9.8, 9.5, 9.5, 9.2],
  '0001': [10, 9.6, 9.3, 8.7, 9.1, 8.1],
  '0002': [9.3, 9, 8.9, 8, 8.1, 6.8],
  '0010': [9.8, 9.5, 9.5, 9.2, 9, 8.4],
  '0011': [9.3, 9.2, 8.9, 8.1, 8.1, 6.5],
  '0012': [8.8, 8, 7.8, 7, 6.9, 4.8],
  '0020': [9.2, 8.2, 7.2],
  '0021': [7.9, 6.9, 5],
  '0022': [6.9, 5.5, 2.7],
  '0100': [9.9, 9.7, 9.5, 9.2, 9.2, 8.5],
  '0101': [9.5, 9.1, 9, 8.3, 8.4, 7.1],
  '0102': [9.2, 8.1, 8.2, 7.1, 7.2, 5.3],
  '0110': [9.5, 9.3, 9.2, 8.5, 8.5, 7.3],
  '0111': [9.2, 8.2, 8, 7.2, 7, 5.9],
  '0112': [8.4, 7, 7.1, 5.2, 5, 3],
  '0120': [8.6, 7.5, 5.2],
  '0121': [7.1, 5.2, 2.9],
  '0122': [6.3, 2.9, 1.7],
  '1000': [9.8, 9.5, 9.4, 8.7, 9.1, 8.1],
  '1001': [9.4, 8.9, 8.6, 7.4, 7.7, 6.4],
  '1002': [8.7, 7.5, 7.4, 6.3, 6.3, 4.9],
  '1010': [9.4, 8.9, 8.8, 7.7, 7.6, 6.7],
  '1011': [8.6, 7.6, 7.4, 5.8, 5.9, 5],
  '1012': [7.2, 5.7, 5.7, 5.2, 5.2, 2.5],
  '1020': [8.3, 7, 5.4],
  '1021': [6.5, 5.8, 2.6],
  '1022': [5.3, 2.1, 1.3],
  '1100': [9.5, 9, 8.8, 7.6, 7.6, 7],
  '1101': [9, 7.7, 7.5, 6.2, 6.1, 5.3],
  '1102': [7.7, 6.6, 6.8, 5.9, 5.2, 3],
  '1110': [8.9, 7.8, 7.6, 6.7, 6.2, 5.8],
  '1111': [7.4, 5.9, 5.7, 5.7, 4.7, 2.3],
  '1112': [6.1, 5.2, 5.7, 2.9, 2.4, 1.6],
  '1120': [7.1, 5.9, 3],
  '1121': [5.8, 2.6, 1.5],
  '1122': [2.3, 1.3, 0.6],
  '2000': [9.3, 8.7, 8.6, 7.2, 7.5, 5.8],
  '2001': [8.6, 7.4, 7.4, 6.1, 5.6, 3.4],
  '2002': [7, 5.4, 5.2, 4, 4, 2.2],
  '2010': [8.5, 7.5, 7.4, 5.5, 6.2, 5.1],
  '2011': [7.2, 5.7, 5.5, 4.1, 4.6, 1.9],
  '2012': [5.3, 3.6, 3.4, 1.9, 1.9, 0.8],
  '2020': [6.4, 5.1, 2],
  '2021': [4.7, 2.1, 1.1],
  '2022': [2.4, 0.9, 0.4],
  '2100': [8.8, 7.5, 7.3, 5.3, 6, 5],
  '2101': [7.3, 5.5, 5.9, 4, 4.1, 2],
  '2102': [5.4, 4.3, 4.5, 2.2, 2, 1.1],
  '2110': [7.5, 5.5, 5.8, 4.5, 4, 2.1],
  '2111': [6.1, 5.1, 4.8, 1.8, 2, 0.9],
  '2112': [4.6, 1.8, 1.7, 0.7, 0.8, 0.2],
  '2120': [5.3, 2.4, 1.4],
  '2121': [2.4, 1.2, 0.5],
  '2122': [1, 0.3, 0.1],
};

const MACRO_VECTOR_SCORES: ReadonlyMap<string, number> = new Map(
  Object.entries(MACRO_VECTOR_ROWS).flatMap(([eq1to4, scores]) => {
    const eq5eq6 = eq1to4[2] === '2' ? ['01', '11', '21'] : ['00', '01', '10', '11', '20', '21'];
    return scores.map((score, i) => [`${eq1to4}${eq5eq6[i]}`, score] as const);
  }),
);

/** The highest-severity vectors of each EQ level (FIRST calculator, max_composed.js); EQ3 is keyed by EQ6 too. */
const MAX_VECTORS = {
  eq1: [['AV:N/PR:N/UI:N'], ['AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'], ['AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P']],
  eq2: [['AC:L/AT:N'], ['AC:H/AT:N', 'AC:L/AT:P']],
  eq3eq6: [
    [['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H'], ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M']],
    [
      ['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H'],
      ['VC:L/VI:H/VA:L/CR:H/IR:M/AR:H', 'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M', 'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M', 'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H', 'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M'],
    ],
    [[], ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H']],
  ],
  eq4: [['SC:H/SI:S/SA:S'], ['SC:H/SI:H/SA:H'], ['SC:L/SI:L/SA:L']],
  eq5: [['E:A'], ['E:P'], ['E:U']],
} as const;

/** The depth of each macro vector in severity-distance steps (FIRST calculator, max_severity.js). */
const MAX_SEVERITY = {
  eq1: [1, 4, 5],
  eq2: [1, 2],
  eq3eq6: [[7, 6], [8, 8], [Number.NaN, 10]],
  eq4: [6, 5, 4],
} as const;

/** Each metric value's position from the most severe, in tenths: the unit of severity distance. */
const LEVELS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  AV: { N: 0.0, A: 0.1, L: 0.2, P: 0.3 },
  PR: { N: 0.0, L: 0.1, H: 0.2 },
  UI: { N: 0.0, P: 0.1, A: 0.2 },
  AC: { L: 0.0, H: 0.1 },
  AT: { N: 0.0, P: 0.1 },
  VC: { H: 0.0, L: 0.1, N: 0.2 },
  VI: { H: 0.0, L: 0.1, N: 0.2 },
  VA: { H: 0.0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 },
  SI: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 },
  SA: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0.0, M: 0.1, L: 0.2 },
  IR: { H: 0.0, M: 0.1, L: 0.2 },
  AR: { H: 0.0, M: 0.1, L: 0.2 },
};

/** Unset threat and security-requirement metrics count as their worst case; a set modified metric replaces its base one. */
function v4Effective(metrics: Metrics): (key: string) => string {
  const worstCase: Readonly<Record<string, string>> = { E: 'A', CR: 'H', IR: 'H', AR: 'H' };
  return (key) => {
    const selected = metrics.get(key) ?? 'X';
    if (selected === 'X' && Object.hasOwn(worstCase, key)) return worstCase[key] ?? selected;
    const modified = metrics.get(`M${key}`);
    return modified !== undefined && modified !== 'X' ? modified : selected;
  };
}

const EXPLOIT_MATURITY_LEVEL: Readonly<Record<string, number>> = { A: 0, P: 1, U: 2 };

/** The macro vector: which equivalence class of each of EQ1…EQ6 (specification section 8.2) the vector falls in. */
function v4MacroVector(value: (key: string) => string): number[] {
  const [av, pr, ui] = [value('AV'), value('PR'), value('UI')];
  const eq1 = av === 'N' && pr === 'N' && ui === 'N' ? 0 : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P' ? 1 : 2;
  const eq2 = value('AC') === 'L' && value('AT') === 'N' ? 0 : 1;
  const [vc, vi, va] = [value('VC'), value('VI'), value('VA')];
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
  const eq4 = value('MSI') === 'S' || value('MSA') === 'S' ? 0 : value('SC') === 'H' || value('SI') === 'H' || value('SA') === 'H' ? 1 : 2;
  const eq5 = EXPLOIT_MATURITY_LEVEL[value('E')] ?? 0;
  const eq6 = (value('CR') === 'H' && vc === 'H') || (value('IR') === 'H' && vi === 'H') || (value('AR') === 'H' && va === 'H') ? 0 : 1;
  return [eq1, eq2, eq3, eq4, eq5, eq6];
}

function v4Score(metrics: Metrics): number {
  const value = v4Effective(metrics);
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((key) => value(key) === 'N')) return 0;
  const eq = v4MacroVector(value);
  const [eq1 = 0, eq2 = 0, eq3 = 0, eq4 = 0, eq5 = 0, eq6 = 0] = eq;
  const scoreOf = (...digits: number[]): number => MACRO_VECTOR_SCORES.get(digits.join('')) ?? Number.NaN;
  const macroScore = scoreOf(...eq);

  // The next lower macro vector along each EQ; NaN where there is none. EQ3 and EQ6 move together.
  const lowerEq3eq6 =
    eq3 === 0 && eq6 === 0
      ? Math.max(scoreOf(eq1, eq2, eq3, eq4, eq5, eq6 + 1), scoreOf(eq1, eq2, eq3 + 1, eq4, eq5, eq6))
      : eq3 === 1 && eq6 === 0
        ? scoreOf(eq1, eq2, eq3, eq4, eq5, eq6 + 1)
        : scoreOf(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
  const lower = [scoreOf(eq1 + 1, eq2, eq3, eq4, eq5, eq6), scoreOf(eq1, eq2 + 1, eq3, eq4, eq5, eq6), lowerEq3eq6, scoreOf(eq1, eq2, eq3, eq4 + 1, eq5, eq6), scoreOf(eq1, eq2, eq3, eq4, eq5 + 1, eq6)];

  // The severity distance from the first highest-severity vector of this macro vector that is at least as severe.
  const distance = severityDistances(value, eq);
  const current = [
    distance('AV') + distance('PR') + distance('UI'),
    distance('AC') + distance('AT'),
    distance('VC') + distance('VI') + distance('VA') + distance('CR') + distance('IR') + distance('AR'),
    distance('SC') + distance('SI') + distance('SA'),
    0,
  ];
  const STEP = 0.1;
  const depth = [MAX_SEVERITY.eq1[eq1], MAX_SEVERITY.eq2[eq2], MAX_SEVERITY.eq3eq6[eq3]?.[eq6], MAX_SEVERITY.eq4[eq4], 1].map((d) => (d ?? Number.NaN) * STEP);

  let existing = 0;
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    const available = macroScore - (lower[i] ?? Number.NaN);
    if (Number.isNaN(available)) continue;
    existing++;
    sum += i === 4 ? 0 : available * ((current[i] ?? 0) / (depth[i] ?? Number.NaN));
  }
  const meanDistance = existing === 0 ? 0 : sum / existing;
  return roundToTenth(Math.max(0, Math.min(10, macroScore - meanDistance)));
}

function severityDistances(value: (key: string) => string, eq: readonly number[]): (key: string) => number {
  const [eq1 = 0, eq2 = 0, eq3 = 0, eq4 = 0, eq5 = 0, eq6 = 0] = eq;
  const candidates: Array<Map<string, string>> = [];
  for (const a of MAX_VECTORS.eq1[eq1] ?? [])
    for (const b of MAX_VECTORS.eq2[eq2] ?? [])
      for (const c of MAX_VECTORS.eq3eq6[eq3]?.[eq6] ?? [])
        for (const d of MAX_VECTORS.eq4[eq4] ?? [])
          for (const e of MAX_VECTORS.eq5[eq5] ?? []) candidates.push(new Map([a, b, c, d, e].flatMap((part) => part.split('/').map((m) => m.split(':') as [string, string]))));
  const distanceTo = (max: Map<string, string>) => (key: string): number => (LEVELS[key]?.[value(key)] ?? 0) - (LEVELS[key]?.[max.get(key) ?? ''] ?? 0);
  let chosen = candidates[candidates.length - 1] ?? new Map<string, string>();
  for (const candidate of candidates) {
    const distance = distanceTo(candidate);
    if (Object.keys(LEVELS).every((key) => distance(key) >= 0)) {
      chosen = candidate;
      break;
    }
  }
  return distanceTo(chosen);
}

/** Half up to one decimal; the 1e-6 nudge keeps 1.4499999999999993 (that is, 1.45) from rounding down, as FIRST's calculator does. */
function roundToTenth(value: number): number {
  return Math.round((value + 1e-6) * 10) / 10;
}

function printable(text: string, max: number): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

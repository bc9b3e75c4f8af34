import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors.js';
import type { MessageParams } from '../../../../shared/i18n/format.js';
import { translate, type MessageKey } from '../../../../shared/i18n/index.js';
import { jsonErrorPosition } from './json-error-position.js';
import { SarifPathResolver } from './sarif-paths.js';
import { SarifRuleIndex } from './sarif-rules.js';
import { validateSarif } from './sarif-schema.js';
import type { ReportingDescriptor, SarifLevel, SarifLog, SarifResult, SarifRun } from './sarif-types.js';

export type ImportedSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One scanner result, placed in the repository and mapped onto our finding fields. */
export interface ImportedResult {
  tool: string;
  toolVersion: string | null;
  ruleId: string;
  ruleName: string | null;
  title: string;
  message: string;
  severity: ImportedSeverity;
  cwe: number | null;
  /** Relative to the repository root, '/'-separated, no `.`/`..` segments. */
  path: string;
  startLine: number;
  endLine: number;
  /** The tool's own identity for the result, stable across scans (see `fingerprintOf`), or null. */
  fingerprint: string | null;
  /** The SARIF level in force: the result's, else its rule's default, else `warning`; `none` for non-failures. */
  level: SarifLevel;
}

export interface SarifImport {
  results: ImportedResult[];
  /** Results left out, with the reason in English; `index` counts results across all runs, from 0. */
  skipped: Array<{ index: number; reason: string }>;
}

export interface SarifImportOptions {
  /** Bigger files are refused before they are parsed. */
  maxBytes?: number;
  /** Where the scanner ran (a path or file URI): lets absolute paths in a log with no root of its own be placed. */
  sourceRoot?: string;
}

export const SARIF_MAX_BYTES = 256 * 1024 * 1024;
const TITLE_MAX = 300;
const MESSAGE_MAX = 20_000;
const FINGERPRINT_MAX = 256;

/**
 * Reads a SARIF 2.1.0 log: size limit, UTF-8 (a byte-order mark is allowed), JSON, the official schema (URI
 * formats aside: see `SarifValidation`), then every result of every run. Results that cannot be placed in
 * the repository are skipped with a reason, never fatal; a file that is not SARIF 2.1.0 is refused whole.
 *
 * Severity: the `security-severity` property (a 0–10 CVSS-like score CodeQL and GitHub code scanning put on
 * the result or its rule) in GitHub's bands — ≥ 9 critical, ≥ 7 high, ≥ 4 medium, > 0 low, 0 info; else the
 * level — error high, warning medium, note low, none info.
 *
 * Results the tool itself marks as no problem (kind pass, notApplicable, informational) or as gone since a
 * baseline (baselineState absent) are skipped. Results the vendor suppressed in source are kept: whether a
 * suppression is justified is the reviewers' call.
 */
export function parseSarifLog(bytes: Buffer, options: SarifImportOptions = {}): SarifImport {
  const max = options.maxBytes ?? SARIF_MAX_BYTES;
  if (bytes.length > max) throw new AppError('INVALID_INPUT', 'error.sarif.tooLarge', { bytes: bytes.length, max });
  const log = parseJson(decodeText(bytes));
  const version = typeof log === 'object' && log !== null && !Array.isArray(log) ? (log as Record<string, unknown>)['version'] : undefined;
  if (version !== undefined && version !== '2.1.0') throw new AppError('INVALID_INPUT', 'error.sarif.unsupportedVersion', { version: String(version).slice(0, 40) });
  validateSarif(log, 'import');
  return importResults(log as SarifLog, options.sourceRoot ?? null);
}

function importResults(log: SarifLog, sourceRoot: string | null): SarifImport {
  const imported: SarifImport = { results: [], skipped: [] };
  let index = 0;
  for (const run of log.runs ?? []) {
    const context = { run, rules: new SarifRuleIndex(run), paths: new SarifPathResolver(run, sourceRoot) };
    for (const result of run.results ?? []) {
      const outcome = importResult(result, context);
      if ('skip' in outcome) imported.skipped.push({ index, reason: translate('en', outcome.skip, outcome.params) });
      else imported.results.push(outcome);
      index++;
    }
  }
  return imported;
}

type RunContext = { run: SarifRun; rules: SarifRuleIndex; paths: SarifPathResolver };
type Skip = { skip: MessageKey; params: MessageParams };

function importResult(result: SarifResult, { run, rules, paths }: RunContext): ImportedResult | Skip {
  if (result.kind === 'pass' || result.kind === 'notApplicable' || result.kind === 'informational') return { skip: 'sarif.skip.notAProblem', params: { kind: result.kind } };
  if (result.baselineState === 'absent') return { skip: 'sarif.skip.absent', params: {} };
  const physical = result.locations?.find((location) => location.physicalLocation?.artifactLocation !== undefined)?.physicalLocation;
  if (physical?.artifactLocation === undefined) return { skip: 'sarif.skip.noLocation', params: {} };
  const placed = paths.resolve(physical.artifactLocation);
  if ('skip' in placed) return placed;

  const rule = rules.ruleOf(result);
  const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? '';
  const driver = run.tool.driver;
  const level = levelOf(result, rule);
  const message = cut(messageText(result, rule, run), MESSAGE_MAX);
  const startLine = physical.region?.startLine ?? 1;
  return {
    tool: driver.name,
    toolVersion: driver.semanticVersion ?? driver.version ?? null,
    ruleId,
    ruleName: rule?.name ?? null,
    title: titleOf(rule, ruleId, message),
    message,
    severity: severityOf(result, rule, level),
    cwe: rules.cweOf(result, rule),
    path: placed.path,
    startLine,
    endLine: Math.max(startLine, physical.region?.endLine ?? startLine),
    fingerprint: fingerprintOf(result),
    level,
  };
}

/** SARIF §3.27.10: a result that is not a failure has level none; else its own, its rule's default, or warning. */
function levelOf(result: SarifResult, rule: ReportingDescriptor | null): SarifLevel {
  if (result.kind !== undefined && result.kind !== 'fail') return 'none';
  return result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
}

const LEVEL_SEVERITY: Record<SarifLevel, ImportedSeverity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

function severityOf(result: SarifResult, rule: ReportingDescriptor | null, level: SarifLevel): ImportedSeverity {
  const score = securitySeverity(result.properties?.['security-severity']) ?? securitySeverity(rule?.properties?.['security-severity']);
  if (score === null) return LEVEL_SEVERITY[level];
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return score > 0 ? 'low' : 'info';
}

function securitySeverity(value: unknown): number | null {
  const score = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(score) && score >= 0 && score <= 10 ? score : null;
}

/**
 * The rule's short description, unless it only repeats the rule id (Semgrep writes "Semgrep Finding:
 * <id>"); else the rule's name when it reads as words; else the message's first sentence; else the id.
 */
function titleOf(rule: ReportingDescriptor | null, ruleId: string, message: string): string {
  const short = rule?.shortDescription?.text.trim();
  const name = rule?.name?.trim();
  const title =
    (short && !(ruleId !== '' && short.includes(ruleId)) ? short : undefined) ??
    (name && name !== ruleId && /\s/.test(name) ? name : undefined) ??
    leadingSentence(message) ??
    (ruleId !== '' ? ruleId : 'SARIF result');
  return cut(title.split('\n')[0]?.trim() ?? title, TITLE_MAX);
}

/** A long message's first sentence makes a title ("String-formatted SQL query detected."); a short one is kept whole. */
function leadingSentence(message: string): string | undefined {
  const line = message.split('\n').find((text) => text.trim() !== '')?.trim();
  if (line === undefined || line.length <= 100) return line;
  const end = /[.!?](?=\s+\S)/.exec(line);
  return end ? line.slice(0, end.index + 1) : line;
}

/** The message text, or the rule's (or tool's) message string it names, with `{0}`-style arguments filled in. */
function messageText(result: SarifResult, rule: ReportingDescriptor | null, run: SarifRun): string {
  const { text, id, arguments: args = [] } = result.message;
  const template = text ?? (id !== undefined ? (rule?.messageStrings?.[id]?.text ?? run.tool.driver.globalMessageStrings?.[id]?.text) : undefined) ?? '';
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (whole, n: string | undefined) => (n === undefined ? whole[0] ?? '' : (args[Number(n)] ?? whole)));
}

/**
 * `fingerprints` (each a whole identity) if the result has any, else `partialFingerprints`: a single entry as
 * its value, several as sorted `name=value` pairs joined with ';'. Over 256 characters, its SHA-256.
 */
function fingerprintOf(result: SarifResult): string | null {
  const source = [result.fingerprints, result.partialFingerprints].find((prints) => prints !== undefined && Object.keys(prints).length > 0);
  if (source === undefined) return null;
  const entries = Object.entries(source).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = entries.length === 1 ? (entries[0]?.[1] ?? '') : entries.map(([name, value]) => `${name}=${value}`).join(';');
  return text.length > FINGERPRINT_MAX ? `sha256:${createHash('sha256').update(text).digest('hex')}` : text;
}

/** SARIF is UTF-8 (§3.1); a byte-order mark is tolerated, and PowerShell's UTF-16 too. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('INVALID_INPUT', 'error.sarif.notUtf8', {});
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = jsonErrorPosition(text) ?? text.length;
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1 && at < position; at = text.indexOf('\n', at + 1)) line++;
    const column = position - (position === 0 ? 0 : text.lastIndexOf('\n', position - 1) + 1) + 1;
    // V8's message quotes a piece of the file: keep it on one line.
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s*\(line \d+ column \d+\)$/, '').replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
    throw new AppError('INVALID_INPUT', 'error.sarif.notJson', { line, column, position, detail: cut(detail, 200) });
  }
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

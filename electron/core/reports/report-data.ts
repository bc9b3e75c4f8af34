import type { PinnedRelease, ReleaseInventory } from '../../../shared/contract/deposits.js';
import { FINDING_STATUSES, SEVERITIES, type Finding, type FindingStatus, type Severity } from '../../../shared/contract/findings.js';
import type { ReportFormat, RenderedReport } from '../../../shared/contract/reports.js';
import type { CoverageTotals } from '../../../shared/contract/review.js';
import type { Gate, Signoff } from '../../../shared/contract/trust.js';
import type { Locale } from '../../../shared/i18n/index.js';
import type { ReleasePinService } from '../releases/release-pins.js';
import type { CoverageService } from '../review/coverage-service.js';
import { DEFAULT_CRITERION, type CriteriaService } from '../review/criteria.js';
import type { FindingService } from '../review/finding-service.js';
import type { GateService } from '../trust/gate-service.js';
import type { PolicyService } from '../trust/policy-service.js';
import type { SignoffService } from '../trust/signoff-service.js';
import { renderReportHtml } from './report-html.js';
import { printPdf } from './report-pdf.js';

export interface CriterionCoverage {
  criterion: string;
  description: string;
  builtIn: boolean;
  /** The minimum share of lines the policy requires, in percent; null when the policy sets none. */
  required: number | null;
  /** Whether the gate counts the requirement met (null when nothing is required). */
  met: boolean | null;
  percent: number;
  combined: CoverageTotals;
  byPerson: Array<{ person: string; totals: CoverageTotals; percent: number }>;
  backlogLines: number;
  carriedFiles: number;
}

/** Everything a release report shows, gathered once so that the HTML is a pure function of it. */
export interface ReleaseReport {
  component: string;
  /** The name signers sign: `component@ref` as the gate names the release. */
  subject: string;
  gate: Gate;
  pin: PinnedRelease | null;
  policySetAt: string | null;
  signoffs: Signoff[];
  /** Findings that count against this release (found in it, or their lines are still in it). */
  findings: Finding[];
  coverage: CriterionCoverage[];
  inventory: ReleaseInventory | null;
}

/** The services a report reads; it changes nothing. */
export interface ReportSources {
  gates: GateService;
  signoffs: SignoffService;
  findings: FindingService;
  coverage: CoverageService;
  policies: PolicyService;
  criteria: CriteriaService;
  pins: ReleasePinService;
}

export type PdfPrinter = (html: string) => Promise<Buffer>;

/** The HTML and PDF report of a component release. */
export class ReportService {
  constructor(
    private readonly sources: ReportSources,
    private readonly printer: PdfPrinter = (html) => printPdf(html),
  ) {}

  async gather(component: string, ref: string): Promise<ReleaseReport> {
    const { gates, signoffs, findings, coverage, policies, criteria, pins } = this.sources;
    const gate = await gates.evaluate(component, ref);
    // Everything below reads the commit the gate resolved, so a ref moving meanwhile cannot mix two releases.
    const commit = gate.commit;
    const pin = (await pins.list(gate.component)).find((p) => p.commit === commit) ?? null;
    const { setAt } = await policies.get(gate.component);
    const known = await criteria.list(gate.component);
    // One call reports every criterion of the component; the one named only chooses whose file rows come back.
    const report = await coverage.coverage(gate.component, commit, DEFAULT_CRITERION);
    const coverageRows = report.criteria.map((c): CriterionCoverage => {
      const required = gate.policy.coverage[c.criterion] ?? null;
      const requirement = gate.requirements.find((r) => r.id === `coverage:${c.criterion}`);
      return {
        criterion: c.criterion,
        description: known.find((k) => k.name === c.criterion)?.description ?? '',
        builtIn: known.find((k) => k.name === c.criterion)?.builtIn ?? false,
        required,
        met: requirement ? requirement.met : null,
        percent: coveragePercent(c.combined),
        combined: c.combined,
        byPerson: c.byPerson.map((p) => ({ ...p, percent: coveragePercent(p.totals) })),
        backlogLines: c.backlogLines,
        carriedFiles: c.carriedFiles,
      };
    });
    return {
      component: gate.component,
      subject: `${gate.component}@${gate.ref}`,
      gate,
      pin,
      policySetAt: setAt,
      signoffs: await signoffs.list(gate.component, commit),
      findings: (await findings.list({ component: gate.component, ref: commit })).filter((f) => countsAgainst(f, commit)).sort((a, b) => a.number - b.number),
      coverage: coverageRows,
      inventory: pin ? (await pins.inventory(gate.component, commit)).inventory : null,
    };
  }

  async render(component: string, ref: string, locale: Locale, format: ReportFormat): Promise<RenderedReport> {
    const report = await this.gather(component, ref);
    const html = await renderReportHtml(report, locale);
    const base = reportFileBase(report, locale);
    if (format === 'html') return { fileName: `${base}.html`, mimeType: 'text/html; charset=utf-8', base64: Buffer.from(html, 'utf8').toString('base64') };
    return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: (await this.printer(html)).toString('base64') };
  }
}

/** The share of lines reviewed, as the gate computes it (two decimals, rounded down; a release of empty files counts by files). */
export function coveragePercent(totals: CoverageTotals): number {
  if (totals.lines === 0) return totals.files === totals.filesReviewed ? 100 : 0;
  return Math.floor((totals.linesReviewed / totals.lines) * 10000) / 100;
}

/** As the gate counts findings: found in this release, or placed in it by a location that is not outdated. */
function countsAgainst(finding: Finding, commit: string): boolean {
  return finding.commit === commit || finding.locations.some((l) => l.placement !== null && l.placement.status !== 'outdated');
}

export type FindingCounts = Record<Severity, Record<FindingStatus, number>>;

/** Findings counted by severity and status (the status in force: an expired acceptance counts as open). */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, Object.fromEntries(FINDING_STATUSES.map((st) => [st, 0]))])) as FindingCounts;
  for (const f of findings) counts[f.severity][f.status]++;
  return counts;
}

/** `component_ref_locale`, with every character a file system or a download header could mind replaced. */
function reportFileBase(report: ReleaseReport, locale: Locale): string {
  const ref = report.gate.ref.replace(/^refs\/(tags|heads)\//, '');
  return `${report.component}_${ref}_${locale}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 180);
}

import type { Finding, FindingStatus } from '../../../shared/contract/findings.js';
import { SEVERITIES } from '../../../shared/contract/findings.js';
import type { ReleaseInventory } from '../../../shared/contract/deposits.js';
import type { GateRequirement, Policy } from '../../../shared/contract/trust.js';
import { OPEN_FINDING_STATUSES, SEVERITY_LIMITS, type SeverityLimit } from '../../../shared/domain/policy.js';
import { ROLES, type Role } from '../../../shared/domain/roles.js';
import type { MessageParams } from '../../../shared/i18n/format.js';
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';
import { cssString, escapeHtml } from './html-escape.js';
import { coverageChartSvg, findingsChartSvg } from './report-charts.js';
import { countFindings, type CriterionCoverage, type ReleaseReport } from './report-data.js';

/** The one content security policy of every report: no script, no fetch, styles and images only inline. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Markup already built from escaped parts; anything else put into a template is escaped. */
class Markup {
  constructor(readonly value: string) {}
}

type Part = Markup | string | number | null | undefined | false | readonly Part[];

function part(value: Part): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map((v: Part) => part(v)).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  return new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]!) : ''), ''));
}

/** Trusted markup made here (the chart library's SVG, whose labels are ours and which it escapes itself). */
const trusted = (markup: string) => new Markup(markup);

const ACTIVE: readonly FindingStatus[] = OPEN_FINDING_STATUSES;
const RESOLVED: readonly FindingStatus[] = ['fixed', 'closed', 'false-positive'];
const LIST_LIMIT = 40;
/** Findings listed one per row; a scanner import can bring thousands, which belong in SARIF, not on paper. */
const FINDING_LIMIT = 300;

/** The report as one self-contained HTML document: no script, every vendor or user string escaped. */
export async function renderReportHtml(report: ReleaseReport, locale: Locale): Promise<string> {
  const f = new Formats(locale);
  const { gate } = report;
  const unmet = gate.requirements.filter((r) => !r.met).length;
  const verdict = gate.rejected ? 'rejected' : gate.approved ? 'approved' : gate.readyForApproval ? 'ready' : 'open';
  const counts = countFindings(report.findings);
  const findingsChart =
    report.findings.length === 0
      ? null
      : await findingsChartSvg({
          severities: SEVERITIES.map((s) => ({
            severity: s,
            label: f.t(`findingsView.severity.${s}`),
            open: ACTIVE.reduce((n, st) => n + counts[s][st], 0),
            accepted: counts[s]['risk-accepted'],
            resolved: RESOLVED.reduce((n, st) => n + counts[s][st], 0),
          })),
          labels: { open: f.t('report.chart.series.open'), accepted: f.t('report.chart.series.accepted'), resolved: f.t('report.chart.series.resolved') },
        });
  const coverageChart = await coverageChartSvg({
    criteria: report.coverage.map((c) => ({ criterion: c.criterion, percent: c.percent, required: c.required })),
    labels: { reviewed: f.t('report.chart.series.reviewed'), required: f.t('report.chart.series.required') },
  });

  const body = html`
<main>
<header class="cover">
  <p class="kind">${f.t('report.document.kind')}</p>
  <h1>${report.component}<span class="at">@</span>${shortRef(gate.ref)}</h1>
  <p class="lead">${f.t('report.document.lead')}</p>
  <div class="verdict verdict-${verdict}"><span class="verdict-label">${f.t('report.gate.verdict')}</span> ${f.t(`report.gate.verdict.${verdict}`, { count: unmet })}</div>
  <table class="facts">
    <tbody>
      <tr><th scope="row">${f.t('report.meta.component')}</th><td>${report.component}</td></tr>
      <tr><th scope="row">${f.t('report.meta.release')}</th><td class="mono">${gate.ref}</td></tr>
      <tr><th scope="row">${f.t('report.meta.commit')}</th><td class="mono">${gate.commit}</td></tr>
      ${report.pin && html`<tr><th scope="row">${f.t('report.meta.tree')}</th><td class="mono">${report.pin.tree}</td></tr>`}
      <tr><th scope="row">${f.t('report.meta.digest')}</th><td class="mono digest">${gate.digest ?? html`<span class="unmet">${f.t('report.meta.notPinned')}</span>`}</td></tr>
      <tr><th scope="row">${f.t('report.meta.pinned')}</th><td>${report.pin ? f.t('report.meta.pinnedAtBy', { at: f.dateTime(report.pin.pinnedAt), person: report.pin.pinnedBy }) : '—'}</td></tr>
      <tr><th scope="row">${f.t('report.meta.policy')}</th><td>${gate.policySetBy ? f.t('report.meta.policySetBy', { person: gate.policySetBy, at: report.policySetAt ? f.dateTime(report.policySetAt) : '—' }) : f.t('report.meta.defaultPolicy')}</td></tr>
      <tr><th scope="row">${f.t('report.meta.generated')}</th><td>${f.dateTime(gate.evaluatedAt)}</td></tr>
    </tbody>
  </table>
  <p class="note">${f.t('report.meta.times')}</p>
</header>

<section id="gate">
  <h2><span class="num">1</span>${f.t('report.gate.heading')}</h2>
  <table class="grid gate">
    <thead><tr><th class="requirement-col">${f.t('report.gate.column.requirement')}</th><th class="status-col">${f.t('report.gate.column.status')}</th><th>${f.t('report.gate.column.detail')}</th></tr></thead>
    <tbody>
      ${gate.requirements.map(
        (r) => html`<tr><td>${requirementTitle(f, r)}</td><td class="status-col">${metMark(f, r.met)}</td><td class="detail" lang="en">${r.detail}</td></tr>`,
      )}
    </tbody>
  </table>
  <p class="note">${f.t('report.gate.detailNote')}</p>
  <h3>${f.t('report.policy.heading')}</h3>
  <ul class="policy">${policyClauses(f, gate.policy).map((c) => html`<li>${c}</li>`)}</ul>
</section>

<section id="signoffs" class="page">
  <h2><span class="num">2</span>${f.t('report.signoffs.heading')}</h2>
  <p class="lead">${f.t('report.signoffs.lead')}</p>
  ${
    report.signoffs.length === 0
      ? html`<p class="empty">${f.t('report.signoffs.empty')}</p>`
      : html`<table class="grid">
    <thead><tr><th>${f.t('report.signoffs.column.signer')}</th><th>${f.t('report.signoffs.column.role')}</th><th>${f.t('report.signoffs.column.decision')}</th><th>${f.t('report.signoffs.column.signedAt')}</th><th>${f.t('report.signoffs.column.comment')}</th></tr></thead>
    <tbody>
      ${report.signoffs.map(
        (s) => html`<tr class="signoff"><td class="strong">${s.signer}</td><td>${roleName(f, s.role)}</td><td class="decision"><span class="${s.decision === 'approve' ? 'met' : 'unmet'}">${f.t(`report.decision.${s.decision}`)}</span></td><td class="nowrap">${f.dateTime(s.signedAt)}</td><td class="prose">${s.comment || '—'}</td></tr>
      <tr class="keyrow"><td colspan="5"><span class="keylabel">${f.t('report.signoffs.column.keyid')}:</span> <span class="mono">${s.keyid}</span></td></tr>`,
      )}
    </tbody>
  </table>`
  }
</section>

<section id="findings" class="page">
  <h2><span class="num">3</span>${f.t('report.findings.heading')}</h2>
  <p class="lead">${f.t('report.findings.lead', { count: report.findings.length })}</p>
  ${findingsChart && html`<figure class="chart" role="img" aria-label="${f.t('report.chart.findings')}">${trusted(findingsChart)}<figcaption>${f.t('report.chart.findings')}</figcaption></figure>`}
  ${report.findings.length > 0 && findingMatrix(f, counts)}
  <h3>${f.t('report.findings.open.heading')}</h3>
  ${findingTable(f, report.findings.filter((x) => ACTIVE.includes(x.status)), 'open')}
  <h3>${f.t('report.findings.risks.heading')}</h3>
  ${riskTable(f, report.findings.filter((x) => x.risk?.state === 'approved'))}
</section>

<section id="coverage" class="page">
  <h2><span class="num">4</span>${f.t('report.coverage.heading')}</h2>
  <p class="lead">${f.t('report.coverage.lead')}</p>
  <figure class="chart" role="img" aria-label="${f.t('report.chart.coverage')}">${trusted(coverageChart)}<figcaption>${f.t('report.chart.coverage')}</figcaption></figure>
  ${coverageTable(f, report.coverage)}
  ${personTable(f, report.coverage)}
</section>

<section id="inventory" class="page">
  <h2><span class="num">5</span>${f.t('report.inventory.heading')}</h2>
  ${report.inventory ? inventory(f, report.inventory) : html`<p class="empty">${f.t('report.inventory.notPinned')}</p>`}
</section>

<section id="attestation" class="attestation">
  <h2>${f.t('report.attest.heading')}</h2>
  <p>${f.t('report.attest.text', { subject: report.subject, digest: gate.digest ?? '—' })}</p>
  <table class="sign">
    <tbody>
      <tr><th scope="row">${f.t('report.attest.name')}</th><td></td><th scope="row">${f.t('report.attest.role')}</th><td></td></tr>
      <tr><th scope="row">${f.t('report.attest.signature')}</th><td></td><th scope="row">${f.t('report.attest.date')}</th><td></td></tr>
    </tbody>
  </table>
</section>
</main>`;

  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${escapeHtml(`${f.t('report.document.kind')} — ${report.subject}`)}</title>
<style>
${stylesheet(f, report)}
</style>
</head>
<body>${body.value}
</body>
</html>
`;
}

/** Locale-bound wording and formats: dates in UTC (the report says so), numbers as the reader writes them. */
class Formats {
  private readonly dateTimeFormat: Intl.DateTimeFormat;
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly numberFormat: Intl.NumberFormat;
  private readonly percentFormat: Intl.NumberFormat;

  constructor(readonly locale: Locale) {
    this.dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    this.numberFormat = new Intl.NumberFormat(locale);
    this.percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  }

  t(key: MessageKey, params: MessageParams = {}): string {
    return translate(this.locale, key, params);
  }

  dateTime(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : this.dateTimeFormat.format(date);
  }

  date(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : this.dateFormat.format(date);
  }

  number(value: number): string {
    return this.numberFormat.format(value);
  }

  /** `value` in percent (0–100). */
  percent(value: number): string {
    return this.percentFormat.format(value / 100);
  }

  bytes(value: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let unit = 0;
    let scaled = value;
    while (scaled >= 1024 && unit < units.length - 1) {
      scaled /= 1024;
      unit++;
    }
    return new Intl.NumberFormat(this.locale, { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(scaled);
  }
}

function shortRef(ref: string): string {
  return ref.replace(/^refs\/(tags|heads)\//, '');
}

function metMark(f: Formats, met: boolean): Markup {
  return met ? html`<span class="met">✓ ${f.t('report.gate.met')}</span>` : html`<span class="unmet">✗ ${f.t('report.gate.unmet')}</span>`;
}

function roleName(f: Formats, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? f.t(`report.role.${role as Role}`) : role;
}

function limitName(f: Formats, limit: string): string {
  return (SEVERITY_LIMITS as readonly string[]).includes(limit) ? f.t(`findingsView.severity.${limit as SeverityLimit}`) : limit;
}

/** A requirement in the reader's language, from its kind and parameters. */
function requirementTitle(f: Formats, requirement: GateRequirement): string {
  const p = requirement.params;
  const text = (v: string | number | undefined) => (v === undefined ? '?' : String(v));
  const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v ?? 0));
  switch (requirement.kind) {
    case 'release-pinned':
      return f.t('report.gate.requirement.release-pinned', { commit: text(p['commit']) });
    case 'coverage':
      return f.t('report.gate.requirement.coverage', { criterion: text(p['criterion']), percent: f.percent(num(p['percent'])), minimum: f.percent(num(p['minimum'])) });
    case 'open-findings':
      return f.t('report.gate.requirement.open-findings', { limit: limitName(f, text(p['limit'])), count: num(p['count']) });
    case 'accepted-risks':
      return f.t('report.gate.requirement.accepted-risks', { count: num(p['count']), bad: num(p['bad']) });
    case 'no-rejection':
      return f.t('report.gate.requirement.no-rejection', { count: num(p['count']) });
    case 'signoffs':
      return f.t('report.gate.requirement.signoffs', { role: roleName(f, text(p['role'])), count: num(p['count']), needed: num(p['needed']) });
    case 'separation-of-duties':
      return p['people'] ? f.t('report.gate.requirement.separationBroken', { people: text(p['people']) }) : f.t('report.gate.requirement.separation-of-duties');
  }
}

function policyClauses(f: Formats, policy: Policy): string[] {
  const coverage = Object.entries(policy.coverage);
  return [
    f.t('report.policy.signoffs', policy.signoffs),
    ...(coverage.length === 0 ? [f.t('report.policy.noCoverage')] : coverage.map(([criterion, minimum]) => f.t('report.policy.coverage', { criterion, minimum: f.percent(minimum) }))),
    f.t('report.policy.maxOpen', { limit: limitName(f, policy.maxOpenSeverity) }),
    f.t(policy.requireRiskExpiry ? 'report.policy.riskExpiry' : 'report.policy.noRiskExpiry'),
    f.t(policy.separationOfDuties ? 'report.policy.separation' : 'report.policy.noSeparation'),
  ];
}

function findingMatrix(f: Formats, counts: ReturnType<typeof countFindings>): Markup {
  const statuses = (['open', 'confirmed', 'reported', 'risk-accepted', 'fixed', 'closed', 'false-positive'] as const).filter((st) => SEVERITIES.some((s) => counts[s][st] > 0));
  const rowTotal = (s: (typeof SEVERITIES)[number]) => statuses.reduce((n, st) => n + counts[s][st], 0);
  const cell = (n: number) => html`<td class="n${n === 0 ? ' zero' : ''}">${n === 0 ? '·' : f.number(n)}</td>`;
  return html`<table class="grid matrix">
    <caption>${f.t('report.findings.matrix')}</caption>
    <thead><tr><th>${f.t('report.findings.column.severity')}</th>${statuses.map((st) => html`<th class="n">${f.t(`findingsView.status.${st}`)}</th>`)}<th class="n">${f.t('report.findings.column.total')}</th></tr></thead>
    <tbody>
      ${SEVERITIES.map((s) => html`<tr><th scope="row"><span class="sev sev-${s}">${f.t(`findingsView.severity.${s}`)}</span></th>${statuses.map((st) => cell(counts[s][st]))}<td class="n strong">${f.number(rowTotal(s))}</td></tr>`)}
    </tbody>
    <tfoot><tr><th scope="row">${f.t('report.findings.total')}</th>${statuses.map((st) => html`<td class="n">${f.number(SEVERITIES.reduce((n, s) => n + counts[s][st], 0))}</td>`)}<td class="n strong">${f.number(SEVERITIES.reduce((n, s) => n + rowTotal(s), 0))}</td></tr></tfoot>
  </table>`;
}

/** Where a finding sits in this release (or where it was recorded), plus how many other places it has. */
function findingLocation(f: Formats, finding: Finding): Markup {
  const first = finding.locations[0];
  if (!first) return html`—`;
  const placed = first.placement && first.placement.status !== 'outdated' && first.placement.path !== null ? first.placement : null;
  const where = placed ? `${placed.path}:${placed.startLine}-${placed.endLine}` : `${first.anchor.path}:${first.anchor.startLine}-${first.anchor.endLine}`;
  const more = finding.locations.length - 1;
  return html`<span class="mono path">${where}</span>${more > 0 && html`<br><span class="muted">${f.t('report.findings.locationMore', { count: more })}</span>`}`;
}

function weakness(finding: Finding): Markup {
  const parts = [finding.cwe ? `CWE-${finding.cwe.id}` : null, finding.cvss ? `CVSS ${finding.cvss.score.toFixed(1)}` : null].filter((p): p is string => p !== null);
  return parts.length === 0 ? html`—` : html`${parts.join(' · ')}`;
}

function findingTable(f: Formats, findings: readonly Finding[], kind: 'open'): Markup {
  if (findings.length === 0) return html`<p class="empty">${f.t(`report.findings.${kind}.empty`)}</p>`;
  return html`<table class="grid findings">
    <thead><tr><th class="nowrap">${f.t('report.findings.column.number')}</th><th>${f.t('report.findings.column.severity')}</th><th>${f.t('report.findings.column.title')}</th><th>${f.t('report.findings.column.status')}</th><th>${f.t('report.findings.column.location')}</th><th>${f.t('report.findings.column.weakness')}</th></tr></thead>
    <tbody>
      ${findings.slice(0, FINDING_LIMIT).map(
        (x) => html`<tr class="finding"><td class="nowrap mono">F-${x.number}</td><td><span class="sev sev-${x.severity}">${f.t(`findingsView.severity.${x.severity}`)}</span></td><td class="title">${x.title}</td><td>${f.t(`findingsView.status.${x.status}`)}</td><td>${findingLocation(f, x)}</td><td class="nowrap">${weakness(x)}</td></tr>`,
      )}
      ${moreFindings(f, findings.length, 6)}
    </tbody>
  </table>`;
}

function riskTable(f: Formats, findings: readonly Finding[]): Markup {
  if (findings.length === 0) return html`<p class="empty">${f.t('report.findings.risks.empty')}</p>`;
  return html`<table class="grid risks">
    <thead><tr><th class="nowrap">${f.t('report.findings.column.number')}</th><th>${f.t('report.findings.column.title')}</th><th>${f.t('report.findings.risks.column.justification')}</th><th>${f.t('report.findings.risks.column.expires')}</th><th>${f.t('report.findings.risks.column.requestedBy')}</th><th>${f.t('report.findings.risks.column.approvedBy')}</th></tr></thead>
    <tbody>
      ${findings.slice(0, FINDING_LIMIT).map((x) => {
        const risk = x.risk!;
        return html`<tr class="risk"><td class="nowrap mono">F-${x.number}</td><td class="title"><span class="sev sev-${x.severity}">${f.t(`findingsView.severity.${x.severity}`)}</span> ${x.title}</td><td class="prose">${risk.justification}</td><td class="nowrap">${risk.expiresAt ? f.date(risk.expiresAt) : '—'}${risk.expired && html`<br><span class="unmet">${f.t('report.findings.risks.expired')}</span>`}</td><td>${risk.requestedBy}<br><span class="muted">${f.dateTime(risk.requestedAt)}</span></td><td>${risk.approvedBy ?? '—'}${risk.approvedAt && html`<br><span class="muted">${f.dateTime(risk.approvedAt)}</span>`}</td></tr>`;
      })}
      ${moreFindings(f, findings.length, 6)}
    </tbody>
  </table>`;
}

function moreFindings(f: Formats, total: number, columns: number): Markup | null {
  return total > FINDING_LIMIT ? html`<tr><td colspan="${columns}" class="muted">${f.t('report.findings.more', { count: total - FINDING_LIMIT })}</td></tr>` : null;
}

function coverageTable(f: Formats, rows: readonly CriterionCoverage[]): Markup {
  const of = (done: number, total: number) => f.t('report.coverage.of', { done: f.number(done), total: f.number(total) });
  return html`<table class="grid coverage">
    <thead><tr><th>${f.t('report.coverage.column.criterion')}</th><th class="n">${f.t('report.coverage.column.required')}</th><th class="n">${f.t('report.coverage.column.percent')}</th><th class="n">${f.t('report.coverage.column.files')}</th><th class="n">${f.t('report.coverage.column.lines')}</th><th class="n">${f.t('report.coverage.column.backlog')}</th><th class="n">${f.t('report.coverage.column.carried')}</th></tr></thead>
    <tbody>
      ${rows.map(
        (c) => html`<tr><td><span class="mono strong">${c.criterion}</span>${(c.builtIn || c.description) && html`<br><span class="muted">${c.builtIn ? f.t('report.coverage.builtInAbout') : c.description}</span>`}</td><td class="n">${c.required === null ? html`<span class="muted">${f.t('report.coverage.notRequired')}</span>` : f.percent(c.required)}</td><td class="n strong"><span class="${c.met === null ? '' : c.met ? 'met' : 'unmet'}">${f.percent(c.percent)}</span></td><td class="n">${of(c.combined.filesReviewed, c.combined.files)}</td><td class="n">${of(c.combined.linesReviewed, c.combined.lines)}</td><td class="n">${f.number(c.backlogLines)}</td><td class="n">${f.number(c.carriedFiles)}</td></tr>`,
      )}
    </tbody>
  </table>`;
}

/** Each reviewer's share per criterion, in one table grouped by criterion. */
function personTable(f: Formats, rows: readonly CriterionCoverage[]): Markup {
  const of = (done: number, total: number) => f.t('report.coverage.of', { done: f.number(done), total: f.number(total) });
  return html`<h3>${f.t('report.coverage.byPerson')}</h3>
  <table class="grid people">
    <thead><tr><th>${f.t('report.coverage.column.criterion')}</th><th>${f.t('report.coverage.column.person')}</th><th class="n">${f.t('report.coverage.column.percent')}</th><th class="n">${f.t('report.coverage.column.files')}</th><th class="n">${f.t('report.coverage.column.lines')}</th></tr></thead>
    <tbody>
      ${rows.map((c) =>
        c.byPerson.length === 0
          ? html`<tr class="group"><td class="mono strong">${c.criterion}</td><td colspan="4" class="empty">${f.t('report.coverage.nobody')}</td></tr>`
          : c.byPerson.map(
              (p, i) =>
                html`<tr class="${i === 0 ? 'group' : ''}"><td class="mono strong">${i === 0 ? c.criterion : ''}</td><td class="strong">${p.person}</td><td class="n">${f.percent(p.percent)}</td><td class="n">${of(p.totals.filesReviewed, p.totals.files)}</td><td class="n">${of(p.totals.linesReviewed, p.totals.lines)}</td></tr>`,
            ),
      )}
    </tbody>
  </table>`;
}

function limited<T>(f: Formats, items: readonly T[], row: (item: T) => Markup, columns: number): Markup {
  const shown = items.slice(0, LIST_LIMIT).map(row);
  const rest = items.length - LIST_LIMIT;
  return html`${shown}${rest > 0 && html`<tr><td colspan="${columns}" class="muted">${f.t('report.inventory.more', { count: rest })}</td></tr>`}`;
}

function inventory(f: Formats, inv: ReleaseInventory): Markup {
  const pathSizeTable = (heading: MessageKey, items: ReadonlyArray<{ path: string; size: number }>) =>
    items.length === 0
      ? null
      : html`<h3>${f.t(heading)} <span class="count">${f.number(items.length)}</span></h3>
  <table class="grid"><thead><tr><th>${f.t('report.inventory.column.path')}</th><th class="n">${f.t('report.inventory.column.bytes')}</th></tr></thead>
  <tbody>${limited(f, items, (i) => html`<tr><td class="mono path">${i.path}</td><td class="n nowrap">${f.bytes(i.size)}</td></tr>`, 2)}</tbody></table>`;
  return html`<table class="facts summary">
    <tbody>
      <tr><th scope="row">${f.t('report.inventory.files')}</th><td class="n">${f.number(inv.files)}</td><th scope="row">${f.t('report.inventory.lines')}</th><td class="n">${f.number(inv.lines)}</td></tr>
      <tr><th scope="row">${f.t('report.inventory.bytes')}</th><td class="n">${f.bytes(inv.bytes)}</td><th scope="row">${f.t('report.inventory.executables')}</th><td class="n">${f.number(inv.executables)}</td></tr>
      <tr><th scope="row">${f.t('report.inventory.licences')}</th><td class="n">${f.number(inv.licenceFiles.length)}</td><th scope="row">${f.t('report.inventory.symlinks')}</th><td class="n">${f.number(inv.symlinks)}</td></tr>
    </tbody>
  </table>
  ${
    inv.languages.length > 0 &&
    html`<h3>${f.t('report.inventory.languages')}</h3>
  <table class="grid"><thead><tr><th>${f.t('report.inventory.column.language')}</th><th class="n">${f.t('report.inventory.column.files')}</th><th class="n">${f.t('report.inventory.column.lines')}</th><th class="n">${f.t('report.inventory.column.bytes')}</th></tr></thead>
  <tbody>${limited(f, inv.languages, (l) => html`<tr><td>${l.language}</td><td class="n">${f.number(l.files)}</td><td class="n">${f.number(l.lines)}</td><td class="n nowrap">${f.bytes(l.bytes)}</td></tr>`, 4)}</tbody></table>`
  }
  <h3>${f.t('report.inventory.licences')}</h3>
  ${inv.licenceFiles.length === 0 ? html`<p class="warning">${f.t('report.inventory.noLicence')}</p>` : html`<ul class="paths">${inv.licenceFiles.map((p) => html`<li class="mono path">${p}</li>`)}</ul>`}
  ${
    inv.buildFiles.length > 0 &&
    html`<h3>${f.t('report.inventory.buildFiles')} <span class="count">${f.number(inv.buildFiles.length)}</span></h3>
  <table class="grid"><thead><tr><th>${f.t('report.inventory.column.path')}</th><th>${f.t('report.inventory.column.system')}</th></tr></thead>
  <tbody>${limited(f, inv.buildFiles, (b) => html`<tr><td class="mono path">${b.path}</td><td>${b.system}</td></tr>`, 2)}</tbody></table>`
  }
  ${
    inv.vendoredFolders.length > 0 &&
    html`<h3>${f.t('report.inventory.vendored')} <span class="count">${f.number(inv.vendoredFolders.length)}</span></h3>
  <table class="grid"><thead><tr><th>${f.t('report.inventory.column.path')}</th><th class="n">${f.t('report.inventory.column.files')}</th><th class="n">${f.t('report.inventory.column.bytes')}</th></tr></thead>
  <tbody>${limited(f, inv.vendoredFolders, (v) => html`<tr><td class="mono path">${v.path}</td><td class="n">${f.number(v.files)}</td><td class="n nowrap">${f.bytes(v.bytes)}</td></tr>`, 3)}</tbody></table>`
  }
  ${pathSizeTable('report.inventory.binaries', inv.binaryFiles)}
  ${pathSizeTable('report.inventory.large', inv.largeFiles)}
  ${pathSizeTable('report.inventory.lfs', inv.lfsPointers)}
  ${
    inv.submodules.length > 0 &&
    html`<h3>${f.t('report.inventory.submodules')} <span class="count">${f.number(inv.submodules.length)}</span></h3>
  <table class="grid"><thead><tr><th>${f.t('report.inventory.column.path')}</th><th>${f.t('report.inventory.column.source')}</th><th>${f.t('report.inventory.column.commit')}</th><th>${f.t('report.inventory.column.deposited')}</th></tr></thead>
  <tbody>${limited(
    f,
    inv.submodules,
    (s) =>
      html`<tr><td class="mono path">${s.path}</td><td class="mono path">${s.url ?? '—'}</td><td class="mono">${s.commit.slice(0, 12)}</td><td>${
        s.deposited ? (s.component ? f.t('report.inventory.depositedAs', { component: s.component }) : f.t('report.inventory.depositedYes')) : html`<span class="unmet">${f.t('report.inventory.depositedNo')}</span>`
      }</td></tr>`,
    4,
  )}</tbody></table>`
  }`;
}

/** Print first: A4 pages, a running header naming the release, page numbers, each main section on a new page. */
function stylesheet(f: Formats, report: ReleaseReport): string {
  const marker = { page: '\u0001', pages: '\u0002' };
  const pageLabel = f
    .t('report.footer.page', marker)
    .split(/(\u0001|\u0002)/)
    .filter((s) => s !== '')
    .map((s) => (s === marker.page ? 'counter(page)' : s === marker.pages ? 'counter(pages)' : cssString(s)))
    .join(' ');
  const running = cssString(`${report.subject}  ·  ${report.gate.digest ?? report.gate.commit}`);
  return `
@page {
  size: A4;
  margin: 22mm 17mm 20mm 17mm;
  @top-left { content: ${running}; font: 7.5pt "DejaVu Sans Mono", "Liberation Mono", monospace; color: #6b7280; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-left { content: ${cssString(`${f.t('app.title')} · ${f.t('report.document.kind')}`)}; font: 7.5pt "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #6b7280; vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: ${pageLabel}; font: 7.5pt "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #6b7280; vertical-align: top; padding-top: 4mm; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1d232b; font: 9.5pt/1.45 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; background: #fff; }
main { max-width: 178mm; margin: 0 auto; }
@media screen {
  body { background: #e9ecf0; padding: 24px 0; }
  main { max-width: 212mm; background: #fff; padding: 18mm 17mm; box-shadow: 0 1px 4px rgba(0,0,0,.18); }
  section.page { margin-top: 14mm; border-top: 1px dashed #c3c9d1; padding-top: 8mm; }
}
@media print {
  section.page { break-before: page; }
}
h1, h2, h3 { color: #15304f; font-weight: 700; line-height: 1.2; break-after: avoid; }
h1 { font-size: 22pt; margin: 1mm 0 3mm; letter-spacing: -0.01em; overflow-wrap: anywhere; }
h1 .at { color: #8a96a6; font-weight: 400; margin: 0 .08em; }
h2 { font-size: 14pt; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 1.5pt solid #15304f; }
h2 .num { display: inline-block; min-width: 8mm; color: #8a96a6; font-weight: 400; }
h3 { font-size: 10.5pt; margin: 6mm 0 2mm; }
h3 .count { color: #6b7280; font-weight: 400; }
p { margin: 0 0 3mm; }
.kind { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 8.5pt; color: #52606d; font-weight: 700; }
.lead { color: #3c4652; }
.note, .muted { color: #6b7280; font-size: 8pt; }
.empty { color: #52606d; font-style: italic; }
.warning { color: #8a2a1b; font-weight: 700; }
.cover { margin-bottom: 6mm; }
.verdict { margin: 4mm 0; padding: 3mm 4mm; border-left: 4pt solid #8a96a6; background: #f3f5f8; font-size: 10.5pt; font-weight: 700; }
.verdict-label { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt; color: #52606d; margin-right: 2mm; }
.verdict-approved { border-color: #1e6b3a; background: #eef7f1; color: #174f2c; }
.verdict-rejected { border-color: #a3261b; background: #fbefed; color: #7d1d14; }
.verdict-ready { border-color: #b7791f; background: #fdf6e7; color: #7a4f12; }
.verdict-open { border-color: #a3261b; background: #fbefed; color: #7d1d14; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
caption { text-align: left; font-weight: 700; color: #15304f; padding: 0 0 1.5mm; }
table.facts th { width: 50mm; text-align: left; font-weight: 400; color: #52606d; vertical-align: top; padding: 1mm 3mm 1mm 0; border-bottom: .5pt solid #e1e5ea; }
table.facts td { padding: 1mm 0; border-bottom: .5pt solid #e1e5ea; overflow-wrap: anywhere; }
table.summary th { width: auto; }
table.summary td { padding-right: 6mm; }
table.grid th { text-align: left; font-size: 8pt; font-weight: 700; color: #35414e; padding: 1.5mm 2mm; border-bottom: 1pt solid #15304f; vertical-align: bottom; }
table.grid td { padding: 1.5mm 2mm; border-bottom: .5pt solid #dfe3e8; vertical-align: top; overflow-wrap: break-word; }
table.grid tbody th { font-size: 9pt; font-weight: 400; border-bottom: .5pt solid #dfe3e8; }
table.grid tfoot th, table.grid tfoot td { border-top: 1pt solid #15304f; border-bottom: none; font-weight: 700; }
td.n { text-align: right; white-space: nowrap; }
th.n { text-align: right !important; }
.zero { color: #b0b8c2; }
.nowrap { white-space: nowrap; }
.strong { font-weight: 700; }
.mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8pt; }
.digest { font-weight: 700; color: #15304f; }
.path { overflow-wrap: anywhere; word-break: break-all; }
.prose { white-space: pre-wrap; overflow-wrap: anywhere; }
.detail { color: #52606d; font-size: 8pt; }
.status-col { width: 32mm; white-space: nowrap; }
table.gate { table-layout: fixed; }
table.gate .requirement-col { width: 44%; }
table.gate .detail { overflow-wrap: anywhere; }
table.coverage td:first-child { width: 46mm; }
table.people td:first-child { width: 40mm; }
tr.group td { border-top: .75pt solid #b9c1cb; }
table.people tbody tr:first-child td { border-top: none; }
.decision { white-space: nowrap; }
.met { color: #1e6b3a; font-weight: 700; }
.unmet { color: #a3261b; font-weight: 700; }
tr.signoff td { border-bottom: none; padding-bottom: .5mm; }
tr.keyrow td { padding-top: 0; color: #52606d; }
.keylabel { font-size: 7.5pt; }
.sev { display: inline-block; padding: .2mm 1.6mm; border-radius: 1mm; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; color: #fff; white-space: nowrap; }
.sev-critical { background: #7d1d14; }
.sev-high { background: #b03a2e; }
.sev-medium { background: #c77c12; }
.sev-low { background: #3f6e9a; }
.sev-info { background: #7b8794; }
td.title { font-weight: 700; }
ul.policy { margin: 0; padding-left: 5mm; }
ul.policy li { margin: .6mm 0; }
ul.paths { margin: 0 0 3mm; padding-left: 5mm; }
figure.chart { margin: 2mm 0 5mm; break-inside: avoid; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 8pt; color: #6b7280; margin-top: 1mm; }
.keep { break-inside: avoid; }
.attestation { margin-top: 10mm; break-inside: avoid; }
.attestation h2 { font-size: 12pt; }
table.sign th { width: 24mm; text-align: left; font-weight: 400; color: #52606d; padding: 9mm 2mm 1mm 0; vertical-align: bottom; }
table.sign td { border-bottom: .75pt solid #1d232b; padding: 9mm 0 1mm; }
table.sign td + th { padding-left: 8mm; }
`;
}

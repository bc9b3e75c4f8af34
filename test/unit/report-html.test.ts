import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/contract/findings.js';
import type { ReleaseInventory } from '../../shared/contract/deposits.js';
import type { Gate, Signoff } from '../../shared/contract/trust.js';
import { cssString, escapeHtml } from '../../electron/core/reports/html-escape.js';
import { countFindings, type ReleaseReport } from '../../electron/core/reports/report-data.js';
import { REPORT_CSP, renderReportHtml } from '../../electron/core/reports/report-html.js';

const COMMIT = '2e5e535e4bac826a85493b737fd12fd61bedd94c';
const DIGEST = 'sha256:5d41402abc4b2a76b9719d911017c592ae38b3a48c6c9b1b9b8f1c4e4a4c6a3f';
const HOSTILE_TITLE = 'Token check uses <b>==</b> & "quotes" \'too\' <script>alert(1)</script>';
const HOSTILE_PATH = 'src/<img src=x onerror=alert(1)>.go';

const anchor = (path: string) => ({ commit: COMMIT, path, blob: 'a'.repeat(40), startLine: 4, endLine: 6, linesSha256: 'b'.repeat(64), lines: [], before: [], after: [] });

function finding(number: number, overrides: Partial<Finding>): Finding {
  return {
    id: `00000000-0000-4000-8000-00000000000${number}`,
    number,
    component: 'payments-gateway',
    title: `Finding ${number}`,
    description: '',
    severity: 'medium',
    cwe: null,
    cvss: null,
    status: 'open',
    fingerprint: `fp${number}`,
    source: 'manual',
    ruleId: null,
    commit: COMMIT,
    stillReported: true,
    falsePositiveProposedBy: null,
    fixedIn: null,
    createdBy: 'timur',
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    locations: [{ anchor: anchor('internal/auth/token.go'), placement: { status: 'exact', path: 'internal/auth/token.go', startLine: 4, endLine: 6, method: 'same-blob' } }],
    risk: null,
    history: [],
    ...overrides,
  };
}

const gate: Gate = {
  component: 'payments-gateway',
  ref: 'refs/tags/v1.2.0',
  commit: COMMIT,
  digest: DIGEST,
  policy: { signoffs: { reviewer: 1, security: 1, approver: 1 }, coverage: { 'safe-to-deploy': 100 }, maxOpenSeverity: 'low', requireRiskExpiry: true, separationOfDuties: true },
  policySetBy: 'admin',
  requirements: [
    { id: 'release-pinned', kind: 'release-pinned', met: true, params: { commit: COMMIT.slice(0, 12) }, detail: `pinned as refs/tags/v1.2.0, ${DIGEST}` },
    { id: 'coverage:safe-to-deploy', kind: 'coverage', met: false, params: { criterion: 'safe-to-deploy', percent: 62.5, minimum: 100 }, detail: 'safe-to-deploy: 62.5% of 400 lines reviewed, 100% required' },
    { id: 'open-findings', kind: 'open-findings', met: false, params: { count: 1, limit: 'low' }, detail: 'open above low: F-1 (high)' },
    { id: 'signoffs:approver', kind: 'signoffs', met: false, params: { role: 'approver', count: 0, needed: 1 }, detail: 'approver: 0 of 1 approvals' },
  ],
  readyForApproval: false,
  approved: false,
  rejected: false,
  evaluatedAt: '2026-03-05T09:07:00.000Z',
};

const signoff = (signer: string, role: Signoff['role'], decision: Signoff['decision'], comment: string): Signoff => ({
  id: `id-${signer}`,
  component: 'payments-gateway',
  ref: 'refs/tags/v1.2.0',
  commit: COMMIT,
  digest: DIGEST,
  role,
  decision,
  comment,
  signer,
  keyid: 'c'.repeat(64),
  signedAt: '2026-03-04T15:30:00.000Z',
  envelope: {},
});

const inventory: ReleaseInventory = {
  files: 1234,
  bytes: 5_678_901,
  lines: 98_765,
  languages: [{ language: 'Go', files: 800, lines: 70_000, bytes: 4_000_000 }],
  buildFiles: [{ path: 'go.mod', system: 'go' }],
  licenceFiles: ['LICENSE'],
  vendoredFolders: [],
  binaryFiles: [{ path: HOSTILE_PATH, size: 2048 }],
  largeFiles: [],
  lfsPointers: [],
  submodules: [],
  symlinks: 2,
  executables: 3,
};

const report: ReleaseReport = {
  component: 'payments-gateway',
  subject: 'payments-gateway@refs/tags/v1.2.0',
  gate,
  pin: { id: 1, component: 'payments-gateway', ref: 'refs/tags/v1.2.0', commit: COMMIT, tree: 'd'.repeat(40), digest: DIGEST, fileCount: 1234, totalBytes: 5_678_901, pinnedAt: '2026-03-01T08:00:00.000Z', pinnedBy: 'aigerim' },
  policySetAt: '2026-02-20T08:00:00.000Z',
  signoffs: [signoff('aliya', 'reviewer', 'approve', 'Read all of <internal/auth>. "Fine" & done.'), signoff('timur', 'security', 'reject', 'F-1 must be fixed first')],
  findings: [
    finding(1, { title: HOSTILE_TITLE, severity: 'high', cwe: { id: 798, name: 'Use of Hard-coded Credentials' } }),
    finding(2, {
      title: 'Debug endpoint left enabled',
      severity: 'low',
      status: 'risk-accepted',
      risk: { id: 'r1', requestedBy: 'timur', requestedAt: '2026-02-10T10:00:00.000Z', justification: 'Reachable only from the <admin> network', expiresAt: '2026-12-31', approvedBy: 'bekzat', approvedAt: '2026-02-11T10:00:00.000Z', state: 'approved', expired: false },
    }),
    finding(3, { title: 'Old TLS version allowed', severity: 'medium', status: 'fixed' }),
  ],
  coverage: [
    {
      criterion: 'safe-to-deploy',
      description: 'Read in full and judged safe to deploy on the state servers.',
      builtIn: true,
      required: 100,
      met: false,
      percent: 62.5,
      combined: { files: 10, filesReviewed: 6, lines: 400, linesReviewed: 250 },
      byPerson: [{ person: 'aliya', totals: { files: 10, filesReviewed: 6, lines: 400, linesReviewed: 250 }, percent: 62.5 }],
      backlogLines: 150,
      carriedFiles: 2,
    },
  ],
  inventory,
};

describe('escapeHtml', () => {
  it('turns markup, quotes and ampersands into text', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`a & b 'c' "d"`)).toBe('a &amp; b &#39;c&#39; &quot;d&quot;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('Отчёт · ж. 5 наурыз 😀')).toBe('Отчёт · ж. 5 наурыз 😀');
  });

  it('shows bidirectional overrides and control characters as visible escapes', () => {
    expect(escapeHtml('admin\u202e// check\u2066')).toBe('admin\\u{202e}// check\\u{2066}');
    expect(escapeHtml('bell\u0007 and\ttab\nline')).toBe('bell\\u{7} and\ttab\nline');
    expect(escapeHtml('lone \ud800 surrogate')).toBe('lone \\u{d800} surrogate');
  });

  it('writes CSS strings that cannot close the string or the style element', () => {
    const css = cssString('a"b\\c</style><script>');
    expect(css).not.toMatch(/<|>|"b|\\c/);
    expect(css.startsWith('"a\\22 b\\5c c\\3c ')).toBe(true);
  });
});

describe('the release report as HTML', () => {
  it('is a self-contained document with a strict CSP and no script', async () => {
    const page = await renderReportHtml(report, 'en');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replaceAll("'", '&#39;')}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(page.toLowerCase()).not.toContain('<script');
    expect(page).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(page).not.toMatch(/(src|href)="(?!data:)[^"]*"/);
    expect(page).toContain('<svg');
  });

  it('escapes every vendor and user string', async () => {
    const page = await renderReportHtml(report, 'en');
    expect(page).toContain('Token check uses &lt;b&gt;==&lt;/b&gt; &amp; &quot;quotes&quot; &#39;too&#39; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<b>==</b>');
    expect(page).toContain('src/&lt;img src=x onerror=alert(1)&gt;.go');
    expect(page).not.toContain('<img');
    expect(page).toContain('Read all of &lt;internal/auth&gt;. &quot;Fine&quot; &amp; done.');
    expect(page).toContain('Reachable only from the &lt;admin&gt; network');
  });

  it('shows the release, the gate with each requirement, sign-offs, findings, coverage and inventory', async () => {
    const page = await renderReportHtml(report, 'en');
    expect(page).toContain('payments-gateway<span class="at">@</span>v1.2.0');
    expect(page).toContain(COMMIT);
    expect(page).toContain(DIGEST);
    expect(page).toContain('March 1, 2026 at 8:00 AM by aigerim');
    expect(page).toContain('Not approved: 3 requirements are not met.');
    expect(page).toContain('The release is pinned (commit 2e5e535e4bac)');
    expect(page).toContain('Review coverage for safe-to-deploy: 62.5% reviewed, 100% required');
    expect(page).toContain('No open finding above low (1 open above it)');
    expect(page).toContain('Approvals as approver: 0 of 1');
    expect(page).toContain('open above low: F-1 (high)');
    expect(page).toMatch(/<td class="strong">aliya<\/td><td>reviewer<\/td><td class="decision"><span class="met">approved<\/span>/);
    expect(page).toMatch(/<td class="strong">timur<\/td><td>security engineer<\/td><td class="decision"><span class="unmet">rejected<\/span>/);
    expect(page).toContain('c'.repeat(64));
    expect(page).toContain('3 findings are recorded against this release');
    expect(page).toContain('Debug endpoint left enabled');
    expect(page).toContain('December 31, 2026');
    expect(page).toContain('bekzat');
    expect(page).toContain('CWE-798');
    expect(page).toContain('6 of 10');
    expect(page).toContain('250 of 400');
    expect(page).toContain('1,234');
    expect(page).toContain('5.4 MB');
    expect(page).toContain('go.mod');
  });

  it('speaks Russian and Kazakh, with their dates and numbers', async () => {
    const ru = await renderReportHtml(report, 'ru');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Условия допуска релиза');
    expect(ru).toContain('Покрытие проверкой по критерию safe-to-deploy: проверено 62,5\u00a0%, требуется 100\u00a0%');
    expect(ru).toContain('Одобрения в роли «утверждающий»: 0 из 1');
    expect(ru).toContain('Не одобрено: не выполнены 3 требования.');
    expect(ru).toContain('<td class="strong">aliya</td><td>рецензент</td><td class="decision"><span class="met">одобрено</span>');
    expect(ru).toContain('Token check uses &lt;b&gt;==&lt;/b&gt;');
    expect(ru).toContain('1 марта 2026 г. в 08:00');
    expect(ru).toContain('1\u00a0234');
    expect(ru.toLowerCase()).not.toContain('<script');

    const kk = await renderReportHtml(report, 'kk');
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toContain('Релизге рұқсат шарттары');
    expect(kk).toContain('«бекітуші» рөліндегі мақұлдаулар: 1 ішінен 0');
    expect(kk).toContain('<td class="strong">timur</td><td>қауіпсіздік маманы</td><td class="decision"><span class="unmet">қабылданбады</span>');
    expect(kk).toContain('Token check uses &lt;b&gt;==&lt;/b&gt;');
    expect(kk).toContain('Ескертулер');
    expect(kk.toLowerCase()).not.toContain('<script');
  });

  it('says plainly when a release is not pinned and nothing was signed or found', async () => {
    const bare: ReleaseReport = { ...report, pin: null, inventory: null, signoffs: [], findings: [], gate: { ...gate, digest: null } };
    const page = await renderReportHtml(bare, 'en');
    expect(page).toContain('not pinned: the release has no escrow tree digest yet');
    expect(page).toContain('Nobody has signed this release yet.');
    expect(page).toContain('No finding is recorded against this release.');
    expect(page).toContain('The release is not pinned, so no inventory has been recorded for it.');
  });

  it('lists at most 300 findings and says how many more there are', async () => {
    const many = Array.from({ length: 305 }, (_, i) => finding(i + 1, { title: `Scanner finding ${i + 1}` }));
    const page = await renderReportHtml({ ...report, findings: many }, 'en');
    expect(page).toContain('>Scanner finding 300<');
    expect(page).not.toContain('>Scanner finding 301<');
    expect(page).toContain('5 more findings are not listed here: see `finding list` or the SARIF export.');
  });
});

describe('countFindings', () => {
  it('counts by severity and status in force', () => {
    const counts = countFindings(report.findings);
    expect(counts.high.open).toBe(1);
    expect(counts.low['risk-accepted']).toBe(1);
    expect(counts.medium.fixed).toBe(1);
    expect(counts.critical.open).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, SarifImportSummary } from '../../shared/contract/findings.js';
import type { ReleaseCoverage, ReleaseStatusReport, Thread } from '../../shared/contract/review.js';
import { anchoredText } from '../../shared/domain/anchors.js';
import { sql } from '../../electron/db/sql.js';
import { AnchorResolver } from '../../electron/core/review/anchor-resolver.js';
import { FindingService } from '../../electron/core/review/finding-service.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
let repo: string;

const HANDLER_V1 = ['package pay', '', 'func Charge(amount int) error {', '\tquery := "SELECT * FROM cards WHERE id=" + id', '\treturn db.Exec(query)', '}', ''].join('\n');
// v2 inserts two lines above the anchored block and leaves the rest of the file as it was.
const HANDLER_V2 = ['package pay', '', 'import "log"', '', 'func Charge(amount int) error {', '\tquery := "SELECT * FROM cards WHERE id=" + id', '\treturn db.Exec(query)', '}', ''].join('\n');
const UTIL = 'package pay\n\nfunc util() {}\n';

beforeAll(async () => {
  ws = await createTestWorkspace({ people: { 'Aliya Nurlanovna': ['reviewer', 'security', 'approver'], timur: ['reviewer', 'security', 'approver'] } });
  repo = await initRepository(path.join(await tempDir(), 'payments'));
  await commitFiles(repo, { 'pay/handler.go': HANDLER_V1, 'pay/util.go': UTIL, 'README.md': '# Payments\n' }, 'v1');
  await git(repo, 'tag', 'v1');
  await commitFiles(repo, { 'pay/handler.go': HANDLER_V2 }, 'v2');
  await git(repo, 'tag', 'v2');
  await call(ws.dispatcher, 'component.add', { name: 'payments', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
});
afterAll(async () => ws?.close());

const as = (person: string) => ({
  call: <T>(method: string, input: unknown) => call(ws.dispatcher, method, input, person) as Promise<T>,
  invoke: (method: string, input: unknown) => ws.dispatcher.invoke(method, input, { actor: person }),
});
const aliya = as('Aliya Nurlanovna');
const timur = as('timur');

describe('threads', () => {
  let thread: Thread;

  it('opens a thread on lines, keeps Markdown as the text written, and reads it back', async () => {
    thread = await aliya.call<Thread>('thread.open', { component: 'payments', ref: 'v1', path: 'pay/handler.go', startLine: 4, endLine: 5, body: 'SQL built from input: **use a parameter**.\n<script>alert(1)</script>' });
    expect(thread).toMatchObject({ status: 'open', createdBy: 'Aliya Nurlanovna', placement: { status: 'exact', path: 'pay/handler.go', startLine: 4, endLine: 5 } });
    expect(thread.anchor.lines).toEqual(['\tquery := "SELECT * FROM cards WHERE id=" + id', '\treturn db.Exec(query)']);
    expect(thread.comments[0]!.body).toBe('SQL built from input: **use a parameter**.\n<script>alert(1)</script>');
    const { threads } = await aliya.call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v1', path: 'pay/handler.go' });
    expect(threads.map((t) => t.id)).toEqual([thread.id]);
    expect((await aliya.call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v1', path: 'pay/util.go' })).threads).toEqual([]);
  });

  it('follows the code into the next release', async () => {
    const { threads } = await aliya.call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v2', path: 'pay/handler.go' });
    expect(threads[0]!.placement).toMatchObject({ status: 'moved', startLine: 6, endLine: 7, method: 'diff' });
  });

  it('takes replies, keeps an edited comment\'s earlier text, and lets only its author edit it', async () => {
    const { commentId } = await timur.call<{ commentId: string }>('thread.reply', { threadId: thread.id, body: 'Agreed, vendor to fix.' });
    await timur.call('thread.editComment', { commentId, body: 'Agreed: the vendor must fix it before v3.' });
    expect(await aliya.invoke('thread.editComment', { commentId, body: 'hijack' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only timur, who wrote this comment, can edit it.' } });
    const { threads } = await aliya.call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v1' });
    const reply = threads[0]!.comments[1]!;
    expect(reply).toMatchObject({ author: 'timur', body: 'Agreed: the vendor must fix it before v3.', edits: [{ previousBody: 'Agreed, vendor to fix.', editedBy: 'timur' }] });
    expect(reply.editedAt).not.toBeNull();
  });

  it('resolves and reopens, refusing a repeat', async () => {
    await aliya.call('thread.setStatus', { threadId: thread.id, status: 'resolved' });
    expect(await aliya.invoke('thread.setStatus', { threadId: thread.id, status: 'resolved' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await timur.call('thread.setStatus', { threadId: thread.id, status: 'open' })).toEqual({ threadId: thread.id, status: 'open' });
  });

  it('refuses lines outside the file, a reversed range, a missing file and an unknown person, storing nothing', async () => {
    const before = await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`);
    expect(await aliya.invoke('thread.open', { component: 'payments', ref: 'v1', path: 'pay/util.go', startLine: 3, endLine: 9, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Lines 3–9 are outside the file, which has 3 lines.' },
    });
    expect(await aliya.invoke('thread.open', { component: 'payments', ref: 'v1', path: 'pay/util.go', startLine: 3, endLine: 2, body: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('thread.open', { component: 'payments', ref: 'v1', path: 'pay/none.go', startLine: 1, endLine: 1, body: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await aliya.invoke('thread.open', { component: 'payments', ref: 'v1', path: 'pay/util.go', startLine: 1, endLine: 1, body: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ws.dispatcher.invoke('thread.reply', { threadId: thread.id, body: 'x' }, { actor: '<script>' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`)).toEqual(before);
  });
});

describe('review coverage', () => {
  const coverage = (ref: string, criterion = 'safe-to-deploy') => aliya.call<ReleaseCoverage>('review.coverage', { component: 'payments', ref, criterion });

  it('counts files and lines reviewed per person and combined, lines once however often they are marked', async () => {
    expect((await coverage('v1')).criteria[0]).toMatchObject({ criterion: 'safe-to-deploy', combined: { files: 3, filesReviewed: 0, lines: 10, linesReviewed: 0 }, backlogLines: 10 });
    await aliya.call('review.mark', { component: 'payments', ref: 'v1', paths: ['pay/util.go', 'README.md'] });
    await timur.call('review.mark', { component: 'payments', ref: 'v1', paths: ['pay/handler.go'], startLine: 1, endLine: 3 });
    await aliya.call('review.mark', { component: 'payments', ref: 'v1', paths: ['pay/handler.go'], startLine: 3, endLine: 4 });
    const { criteria, files } = await coverage('v1');
    expect(criteria[0]).toMatchObject({ combined: { files: 3, filesReviewed: 2, lines: 10, linesReviewed: 8 }, backlogLines: 2, carriedFiles: 0 });
    expect(criteria[0]!.byPerson).toEqual([
      { person: 'Aliya Nurlanovna', totals: { files: 3, filesReviewed: 2, lines: 10, linesReviewed: 6 } },
      { person: 'timur', totals: { files: 3, filesReviewed: 0, lines: 10, linesReviewed: 3 } },
    ]);
    expect(files.find((f) => f.path === 'pay/handler.go')).toEqual({ path: 'pay/handler.go', lines: 6, reviewedLines: 4, reviewers: ['Aliya Nurlanovna', 'timur'] });
  });

  it('keeps the credit of unchanged files in the next release and leaves only the delta', async () => {
    const { criteria, files } = await coverage('v2');
    expect(criteria[0]).toMatchObject({ combined: { files: 3, filesReviewed: 2, lines: 12, linesReviewed: 4 }, backlogLines: 8, carriedFiles: 2 });
    expect(files.find((f) => f.path === 'pay/handler.go')).toMatchObject({ lines: 8, reviewedLines: 0 });
    // What the tree needs: only the files with reviewed lines, the totals unchanged.
    const reviewed = await aliya.call<ReleaseCoverage>('review.coverage', { component: 'payments', ref: 'v2', files: 'reviewed' });
    expect(reviewed.files.map((f) => f.path).sort()).toEqual(['README.md', 'pay/util.go']);
    expect(reviewed.criteria).toEqual(criteria);
  });

  it('counts a mark against a criterion for every criterion it implies', async () => {
    await aliya.call('criterion.define', { component: 'payments', name: 'crypto-reviewed', description: 'Cryptography read by a specialist', implies: ['safe-to-deploy'] });
    await timur.call('review.mark', { component: 'payments', ref: 'v2', paths: ['pay/handler.go'], criterion: 'crypto-reviewed' });
    const { criteria } = await coverage('v2');
    expect(criteria.find((c) => c.criterion === 'safe-to-deploy')!.combined).toEqual({ files: 3, filesReviewed: 3, lines: 12, linesReviewed: 12 });
    expect(criteria.find((c) => c.criterion === 'crypto-reviewed')!.combined).toEqual({ files: 3, filesReviewed: 1, lines: 12, linesReviewed: 8 });
  });

  it('refuses unknown criteria, a criterion twice, ranges over several files and lines past the end', async () => {
    expect(await aliya.invoke('review.mark', { component: 'payments', ref: 'v2', paths: ['README.md'], criterion: 'fips-approved' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no criterion "fips-approved". Known: safe-to-deploy, crypto-reviewed.' },
    });
    expect(await aliya.invoke('criterion.define', { component: 'payments', name: 'crypto-reviewed' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await aliya.invoke('criterion.define', { component: 'payments', name: 'x', implies: ['nope'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await aliya.invoke('review.mark', { component: 'payments', ref: 'v2', paths: ['README.md', 'pay/util.go'], startLine: 1, endLine: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('review.mark', { component: 'payments', ref: 'v2', paths: ['README.md'], startLine: 1, endLine: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('review.mark', { component: 'payments', ref: 'v2', paths: ['pay'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('findings', () => {
  let finding: Finding;

  it('records a finding with its CWE named and its CVSS vector scored', async () => {
    finding = await aliya.call<Finding>('finding.add', {
      component: 'payments',
      ref: 'v1',
      title: 'SQL query built from request input',
      description: 'The card id is concatenated into the query.',
      severity: 'high',
      cwe: 'CWE-89',
      cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      locations: [{ path: 'pay/handler.go', startLine: 4, endLine: 5 }],
    });
    expect(finding).toMatchObject({ number: 1, status: 'open', severity: 'high', cwe: { id: 89 }, cvss: { version: '3.1', score: 9.8, severity: 'critical' }, createdBy: 'Aliya Nurlanovna' });
    expect(finding.cwe!.name).toMatch(/SQL/);
  });

  it('deduplicates by fingerprint and refuses a bad CWE, a malformed CVSS vector and lines outside the file', async () => {
    const again = { component: 'payments', ref: 'v1', title: 'Different words, same problem', severity: 'medium', cwe: 89, locations: [{ path: 'pay/handler.go', startLine: 4, endLine: 5 }] };
    expect(await timur.invoke('finding.add', again)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'The same finding is already recorded as F-1.' } });
    expect(await timur.invoke('finding.add', { ...again, cwe: 'CWE-99999' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await timur.invoke('finding.add', { ...again, cwe: 'SQLi' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await timur.invoke('finding.add', { ...again, cwe: undefined, cvss: 'CVSS:3.1/AV:X/AC:L' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await timur.invoke('finding.add', { ...again, cwe: undefined, locations: [{ path: 'pay/util.go', startLine: 2, endLine: 40 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await aliya.call<{ findings: Finding[] }>('finding.list', { component: 'payments' })).findings).toHaveLength(1);
  });

  it('follows the workflow and refuses steps it does not allow', async () => {
    expect(await aliya.invoke('finding.setStatus', { id: finding.id, status: 'closed' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'F-1 cannot go from open to closed.' } });
    await aliya.call('finding.setStatus', { id: finding.id, status: 'confirmed', comment: 'Reproduced.' });
    const reported = await aliya.call<Finding>('finding.setStatus', { id: finding.id, status: 'reported', comment: 'Sent to the vendor, ticket 4411.' });
    expect(reported.history.map((h) => [h.from, h.to])).toEqual([[null, 'open'], ['open', 'confirmed'], ['confirmed', 'reported']]);
  });

  it('is fixed only in a later release where the anchored code changed', async () => {
    expect(await aliya.invoke('finding.setStatus', { id: finding.id, status: 'fixed' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('finding.setStatus', { id: finding.id, status: 'fixed', ref: 'v2' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The code of F-1 is unchanged in v2 (pay/handler.go, line 6): it is not fixed there.' },
    });
    const v3 = await commitFiles(repo, { 'pay/handler.go': HANDLER_V2.replace('"SELECT * FROM cards WHERE id=" + id', '"SELECT * FROM cards WHERE id=$1"').replace('db.Exec(query)', 'db.Exec(query, id)') }, 'v3');
    await git(repo, 'tag', 'v3');
    await call(ws.dispatcher, 'sync.run', {});
    const fixed = await aliya.call<Finding>('finding.setStatus', { id: finding.id, status: 'fixed', ref: 'v3' });
    expect(fixed).toMatchObject({ status: 'fixed', fixedIn: v3 });
    expect(fixed.locations[0]!.placement).toMatchObject({ status: 'outdated' });
    await timur.call('finding.setStatus', { id: finding.id, status: 'closed' });
  });

  it('needs a second person to call a finding a false positive', async () => {
    const other = await timur.call<Finding>('finding.add', { component: 'payments', ref: 'v1', title: 'Unused helper', severity: 'low', locations: [{ path: 'pay/util.go', startLine: 3, endLine: 3 }] });
    const proposed = await timur.call<Finding>('finding.setStatus', { id: other.id, status: 'false-positive', comment: 'Dead code, never linked.' });
    expect(proposed).toMatchObject({ status: 'open', falsePositiveProposedBy: 'timur' });
    expect(await timur.invoke('finding.setStatus', { id: other.id, status: 'false-positive' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await aliya.call<Finding>('finding.setStatus', { id: other.id, status: 'false-positive', comment: 'Confirmed.' })).toMatchObject({ status: 'false-positive' });
  });

  it('accepts a risk only with a justification, a future expiry and another person\'s approval', async () => {
    const risky = await aliya.call<Finding>('finding.add', { component: 'payments', ref: 'v2', title: 'Logs card numbers', severity: 'medium', cwe: 532, locations: [{ path: 'pay/handler.go', startLine: 3, endLine: 3 }] });
    expect(await aliya.invoke('finding.requestRisk', { id: risky.id, justification: 'Masked downstream', expiresOn: '2020-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('finding.requestRisk', { id: risky.id, justification: 'Masked downstream', expiresOn: '2031-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('finding.requestRisk', { id: risky.id, justification: '', expiresOn: '2031-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const requested = await aliya.call<Finding>('finding.requestRisk', { id: risky.id, justification: 'Masked by the log shipper until v4.', expiresOn: '2031-01-01' });
    expect(requested).toMatchObject({ status: 'open', risk: { state: 'requested', requestedBy: 'Aliya Nurlanovna' } });
    expect(await aliya.invoke('finding.approveRisk', { id: risky.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Aliya Nurlanovna asked to accept the risk of F-3 and cannot approve it: another person must.' },
    });
    const accepted = await timur.call<Finding>('finding.approveRisk', { id: risky.id });
    expect(accepted).toMatchObject({ status: 'risk-accepted', risk: { state: 'approved', approvedBy: 'timur', expiresAt: '2031-01-01T23:59:59.999Z', expired: false } });

    // Past its expiry the acceptance no longer holds: the finding is open again.
    const later = new FindingService(ws.workspace, ws.core.components, ws.core.releases, new AnchorResolver(ws.workspace), ws.core.ledger, () => new Date('2031-01-02T00:00:00Z'));
    expect(await later.get(risky.id)).toMatchObject({ status: 'open', risk: { state: 'approved', expired: true } });
  });
});

describe('SARIF import', () => {
  const log = (results: Array<{ rule: string; line: number; path?: string }>) => ({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gosec', version: '2.21.0', rules: [{ id: 'G201', shortDescription: { text: 'SQL query construction using format string' }, properties: { tags: ['security', 'CWE-89'] } }, { id: 'G104', shortDescription: { text: 'Errors unhandled' } }] } },
        results: results.map((r) => ({
          ruleId: r.rule,
          level: 'error',
          message: { text: `${r.rule} at ${r.line}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.path ?? 'pay/handler.go' }, region: { startLine: r.line } } }],
        })),
      },
    ],
  });
  const write = async (content: unknown) => {
    const file = path.join(await tempDir('ew-sarif-'), 'scan.sarif');
    await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('adds findings on their lines, skips what points nowhere, and on re-import flags what is no longer reported', async () => {
    const first = await aliya.call<SarifImportSummary>('sarif.import', { component: 'payments', ref: 'v2', file: await write(log([{ rule: 'G201', line: 6 }, { rule: 'G104', line: 7 }, { rule: 'G104', line: 99 }, { rule: 'G104', line: 1, path: '../etc/passwd' }])) });
    expect(first).toMatchObject({ results: 3, created: 2, updated: 0, noLongerReported: 0 });
    expect(first.skipped).toHaveLength(2);
    const { findings } = await aliya.call<{ findings: Finding[] }>('finding.list', { component: 'payments', ref: 'v2', path: 'pay/handler.go' });
    const injection = findings.find((f) => f.ruleId === 'G201')!;
    expect(injection).toMatchObject({ source: 'sarif:gosec', severity: 'high', cwe: { id: 89 }, status: 'open', stillReported: true });
    expect(injection.locations[0]!.placement).toMatchObject({ status: 'exact', startLine: 6, endLine: 6 });
    // Stored as range and hash only; the lines and their context come back from the blob.
    const stored = await ws.workspace.db.read.get<{ anchor: string }>(sql`SELECT anchor FROM finding_anchors WHERE finding_id = ${injection.id}`);
    const anchor = injection.locations[0]!.anchor;
    expect(JSON.parse(stored!.anchor)).toEqual({ linesSha256: anchor.linesSha256 });
    expect(anchor).toMatchObject({
      path: 'pay/handler.go',
      startLine: 6,
      endLine: 6,
      lines: ['\tquery := "SELECT * FROM cards WHERE id=" + id'],
      before: ['import "log"', '', 'func Charge(amount int) error {'],
      after: ['\treturn db.Exec(query)', '}'],
    });
    expect(createHash('sha256').update(anchoredText(anchor.lines)).digest('hex')).toBe(anchor.linesSha256);

    const again = await aliya.call<SarifImportSummary>('sarif.import', { component: 'payments', ref: 'v2', file: await write(log([{ rule: 'G201', line: 6 }])) });
    expect(again).toMatchObject({ created: 0, updated: 1, noLongerReported: 1 });
    const after = (await aliya.call<{ findings: Finding[] }>('finding.list', { component: 'payments', path: 'pay/handler.go' })).findings.filter((f) => f.source === 'sarif:gosec');
    expect(after.map((f) => [f.ruleId, f.status, f.stillReported]).sort()).toEqual([['G104', 'open', false], ['G201', 'open', true]]);
  });

  it('refuses a file that is not SARIF, changing nothing', async () => {
    const before = await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM findings`);
    expect(await aliya.invoke('sarif.import', { component: 'payments', ref: 'v2', file: await write('{"version": "2.1.0", "runs": [{"results": 5}]}') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('sarif.import', { component: 'payments', ref: 'v2', file: await write('not json') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await aliya.invoke('sarif.import', { component: 'payments', ref: 'v2', file: '/nonexistent/scan.sarif' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM findings`)).toEqual(before);
  });
});

describe('a risk request nobody approved in time', () => {
  it('lapses at its expiry, and a new request replaces it', async () => {
    const f = await timur.call<Finding>('finding.add', { component: 'payments', ref: 'v2', title: 'Weak random for ids', severity: 'low', locations: [{ path: 'pay/util.go', startLine: 3, endLine: 3 }] });
    await timur.call('finding.requestRisk', { id: f.id, justification: 'Ids are not secrets.', expiresOn: '2031-01-01' });
    expect(await timur.invoke('finding.requestRisk', { id: f.id, justification: 'again', expiresOn: '2031-03-01' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const later = new FindingService(ws.workspace, ws.core.components, ws.core.releases, new AnchorResolver(ws.workspace), ws.core.ledger, () => new Date('2031-02-01T00:00:00Z'));
    const renewed = await later.requestRisk('timur', f.id, 'Ids are not secrets; reviewed again.', '2031-06-01');
    expect(renewed.risk).toMatchObject({ state: 'requested', expiresAt: '2031-06-01T23:59:59.999Z', justification: 'Ids are not secrets; reviewed again.' });
    expect(await later.approveRisk('Aliya Nurlanovna', f.id, '')).toMatchObject({ status: 'risk-accepted' });
  });
});

describe('release status and dashboard', () => {
  it('computes each release\'s status from coverage, findings and newer pins', async () => {
    await aliya.call('release.pin', { component: 'payments', ref: 'v2' });
    const v2Status = await aliya.call<ReleaseStatusReport>('review.status', { component: 'payments', ref: 'v2' });
    // The scanner's two open high findings ask for changes.
    expect(v2Status).toMatchObject({ status: 'changes-requested', activeFindings: { critical: 0, high: 2, medium: 0, low: 0 }, findingsByStatus: { closed: 1, 'false-positive': 1, 'risk-accepted': 2, open: 2 } });
    await aliya.call('release.pin', { component: 'payments', ref: 'v3' });
    expect((await aliya.call<ReleaseStatusReport>('review.status', { component: 'payments', ref: 'v2' })).status).toBe('superseded');
    const { components } = await aliya.call<{ components: ReleaseStatusReport[] }>('review.dashboard', {});
    expect(components).toHaveLength(1);
    expect(components[0]).toMatchObject({ component: 'payments', ref: 'refs/tags/v3', status: 'changes-requested', openThreads: 1 });
  });

  it('writes one event per change, before its rows, with who did it', async () => {
    const events = await ws.workspace.db.read.all<{ type: string; actor: string }>(sql`SELECT type, actor FROM events WHERE type NOT LIKE 'roster.%' ORDER BY seq`);
    expect(events.slice(0, 4)).toEqual([
      { type: 'thread.opened', actor: 'Aliya Nurlanovna' },
      { type: 'thread.replied', actor: 'timur' },
      { type: 'comment.edited', actor: 'timur' },
      { type: 'thread.status-set', actor: 'Aliya Nurlanovna' },
    ]);
    expect(events.filter((e) => e.type === 'risk.approved')).toEqual([{ type: 'risk.approved', actor: 'timur' }, { type: 'risk.approved', actor: 'Aliya Nurlanovna' }]);

  });

  it('rebuilds every review table from the signed events exactly as it stands (audit verify)', async () => {
    const report = await ws.core.audit.verify();
    expect(report.problems).toEqual([]);
    expect(report.events).toBeGreaterThan(20);
  });
});

import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { insertRows } from '../../../electron/db/bulk.js';
import type { Benchmark } from '../bench-types.js';
import { mirroredWorkspace } from '../bench-workspace.js';
import { median } from '../measure.js';

/** BENCH_ANNOTATIONS makes a quicker run while working on it; the table is measured at a million. */
const ANNOTATIONS = Number(process.env['BENCH_ANNOTATIONS'] ?? 1_000_000);
const FINDING_SHARE = 0.1;
const SARIF_RESULTS = 100_000;

export const reviewBenchmarks: Benchmark[] = [
  {
    name: `one file's threads and findings among ${ANNOTATIONS.toLocaleString('en')}`,
    async run(context) {
      const { workspace, core, commit } = await mirroredWorkspace(context);
      const files = (await core.trees.list('vendor', commit)).entries;
      const target = files[Math.floor(files.length / 2)]!;
      // Three real threads on the file read, through the service (anchors, events, comments)…
      for (const line of [2, 5, 9]) await core.threads.open('bench', 'vendor', commit, target.path, line, line + 1, `Thread on line ${line}`);
      await core.findings.add('bench', 'vendor', commit, { title: 'Bench finding', description: '', severity: 'low', locations: [{ path: target.path, startLine: 3, endLine: 3 }] });
      // …among a million written straight into the tables, spread over every other file of the release.
      const component = (await core.components.require('vendor')).id;
      const others = files.filter((f) => f.path !== target.path);
      const findingCount = Math.floor(ANNOTATIONS * FINDING_SHARE);
      const at = new Date().toISOString();
      await workspace.db.transaction(async (tx) => {
        const threadRows = [];
        for (let i = 0; i < ANNOTATIONS - findingCount; i++) {
          const file = others[i % others.length]!;
          const anchor = { commit, path: file.path, blob: file.oid, startLine: 1, endLine: 1, linesSha256: '0'.repeat(64), lines: ['x'], before: [], after: ['y'] };
          threadRows.push([randomUUID(), component, commit, file.path, file.oid, 1, 1, JSON.stringify(anchor), 'open', 'bench', at, at]);
          if (threadRows.length === 20_000) await insertRows(tx, 'threads', THREAD_COLUMNS, threadRows.splice(0));
        }
        await insertRows(tx, 'threads', THREAD_COLUMNS, threadRows);
        const findingRows = [];
        const anchorRows = [];
        for (let i = 0; i < findingCount; i++) {
          const file = others[(i * 7) % others.length]!;
          const id = randomUUID();
          findingRows.push([id, component, 1000 + i, 'Generated', '', 'low', 'open', `bench:${i}`, 'manual', commit, 'bench', at, at]);
          anchorRows.push([id, 0, commit, file.path, file.oid, 1, 1, JSON.stringify({ commit, path: file.path, blob: file.oid, startLine: 1, endLine: 1, linesSha256: '0'.repeat(64), lines: ['x'], before: [], after: [] })]);
          if (findingRows.length === 20_000) {
            await insertRows(tx, 'findings', FINDING_COLUMNS, findingRows.splice(0));
            await insertRows(tx, 'finding_anchors', ANCHOR_COLUMNS, anchorRows.splice(0));
          }
        }
        await insertRows(tx, 'findings', FINDING_COLUMNS, findingRows);
        await insertRows(tx, 'finding_anchors', ANCHOR_COLUMNS, anchorRows);
      });
      const load = async () => {
        const { threads } = await core.threads.list('vendor', commit, target.path);
        const findings = await core.findings.list({ component: 'vendor', ref: commit, path: target.path });
        if (threads.length !== 3 || findings.length !== 1) throw new Error(`loaded ${threads.length} threads and ${findings.length} findings`);
      };
      await load();
      const samples: number[] = [];
      for (let i = 0; i < 21; i++) {
        const started = process.hrtime.bigint();
        await load();
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return { name: this.name, oursMs: median(samples), baselineName: 'goal from the issue', baselineMs: null, goal: { maxMs: 5 } };
    },
  },
  {
    name: `SARIF import of ${SARIF_RESULTS / 1000}k results`,
    async run(context) {
      const { core, commit } = await mirroredWorkspace(context);
      const files = (await core.trees.list('vendor', commit)).entries;
      const results = Array.from({ length: SARIF_RESULTS }, (_, i) => {
        const file = files[i % files.length]!;
        const line = 2 + (Math.floor(i / files.length) % 15);
        return {
          ruleId: `bench.rule-${i % 40}`,
          level: i % 3 === 0 ? 'error' : 'warning',
          message: { text: `Generated result ${i}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: file.path }, region: { startLine: line, endLine: line } } }],
          partialFingerprints: { primaryLocationLineHash: `bench-${i}` },
        };
      });
      const rules = Array.from({ length: 40 }, (_, i) => ({ id: `bench.rule-${i}`, shortDescription: { text: `Bench rule ${i}` }, properties: { tags: ['security', `external/cwe/cwe-${[79, 89, 22, 78][i % 4]}`] } }));
      const log = { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [{ tool: { driver: { name: 'BenchScanner', version: '1.0.0', rules } }, results }] };
      const file = path.join(context.scratch, 'bench.sarif');
      await fs.writeFile(file, JSON.stringify(log));
      const started = process.hrtime.bigint();
      const summary = await core.sarif.import('bench', 'vendor', commit, file);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (summary.created + summary.skipped.length !== SARIF_RESULTS) throw new Error(`imported ${JSON.stringify({ ...summary, skipped: summary.skipped.length })}`);
      return { name: this.name, oursMs: ms, baselineName: 'goal from the issue', baselineMs: null, goal: { maxMs: 10_000 } };
    },
  },
];

const THREAD_COLUMNS = ['id', 'component_id', 'commit_id', 'path', 'blob', 'start_line', 'end_line', 'anchor', 'status', 'created_by', 'created_at', 'updated_at'];
const FINDING_COLUMNS = ['id', 'component_id', 'number', 'title', 'description', 'severity', 'status', 'fingerprint', 'source', 'commit_id', 'created_by', 'created_at', 'updated_at'];
const ANCHOR_COLUMNS = ['finding_id', 'position', 'commit_id', 'path', 'blob', 'start_line', 'end_line', 'anchor'];

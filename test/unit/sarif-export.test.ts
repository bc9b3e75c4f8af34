import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSarif, FINGERPRINT_KEY, validateSarif, type ExportFinding } from '../../electron/core/review/sarif/sarif-export.js';
import { parseSarifLog } from '../../electron/core/review/sarif/sarif-import.js';
import { SARIF_SCHEMA_URI } from '../../electron/core/review/sarif/sarif-schema.js';
import { AppError } from '../../shared/errors.js';

const COMMIT = '2e5e535e4bac826a85493b737fd12fd61bedd94c';
const OTHER_COMMIT = '9f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9';
const at = (file: string, startLine: number, endLine = startLine, component = 'payments-gateway', commit = COMMIT) => ({ path: file, startLine, endLine, component, commit });

const FINDINGS: ExportFinding[] = [
  {
    id: '3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60',
    title: 'Order search builds SQL from request parameters',
    description: 'The `ref` and `sort` query parameters are concatenated into the statement.\n\nUse bind parameters and an allow-list for the sort column.',
    severity: 'critical',
    cwe: 89,
    cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 },
    status: 'confirmed',
    fingerprint: 'f3a9c1d2e4b5',
    locations: [at('internal/storage/transactions.go', 72, 75), at('internal/httpapi/handlers_search.go', 10, 18)],
  },
  {
    id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    title: 'Order search builds SQL from request parameters',
    description: 'Same construction in the refunds repository.',
    severity: 'high',
    cwe: 89,
    // CVSS says critical, the reviewers say high: the export keeps the reviewers' severity.
    cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 },
    status: 'open',
    fingerprint: 'a1b2c3d4e5f6',
    locations: [at('internal/storage/refunds.go', 11, 14)],
  },
  {
    id: 'finding-without-uuid',
    title: 'TLS certificate checks are disabled towards the acquirer',
    description: '',
    severity: 'medium',
    cwe: 295,
    cvss: null,
    status: 'false-positive',
    fingerprint: 'c0ffee',
    locations: [at('internal/acquirer/client.go', 47, 47, 'payments-gateway', OTHER_COMMIT)],
  },
  {
    id: '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f',
    title: 'Отчёт пишет номер карты в журнал',
    description: 'Номер карты попадает в журнал без маскирования.',
    severity: 'low',
    cwe: null,
    cvss: null,
    status: 'risk-accepted',
    fingerprint: 'beef01',
    locations: [at('docs/отчёт #2 (draft).md', 3, 4, 'citizen-portal')],
  },
];

const exported = () => exportSarif({ toolName: 'Escrow Workbench', toolVersion: '0.1.0', findings: FINDINGS });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading our own output in a test

describe('exportSarif', () => {
  it('writes a log the official SARIF 2.1.0 schema accepts, URI formats included', () => {
    const log = exported();
    expect(() => validateSarif(log)).not.toThrow();
    expect(log).toMatchObject({ $schema: SARIF_SCHEMA_URI, version: '2.1.0' });
    // The validator is not a formality: the same log with one required property removed is refused.
    const broken = JSON.parse(JSON.stringify(log)) as Json;
    delete broken['runs'][0]['results'][1]['message'];
    expect(() => validateSarif(broken)).toThrow(AppError);
    try {
      validateSarif(broken);
    } catch (error) {
      expect((error as AppError).params['problems']).toContain("/runs/0/results/1 must have required property 'message'");
    }
    // A raw path is not a URI: our own output must encode it, while the importer tolerates scanners that do not.
    const raw = JSON.parse(JSON.stringify(log)) as Json;
    raw['runs'][0]['results'][3]['locations'][0]['physicalLocation']['artifactLocation']['uri'] = 'docs/отчёт #2 (draft).md';
    expect(() => validateSarif(raw)).toThrow(/must match format "uri-reference"/);
    expect(parseSarifLog(Buffer.from(JSON.stringify(raw))).results[3]?.path).toBe('docs/отчёт #2 (draft).md');
  });

  it('comes back through the importer with the same paths, lines, CWEs, fingerprints and severities', () => {
    const { results, skipped } = parseSarifLog(Buffer.from(JSON.stringify(exported())));
    expect(skipped).toEqual([]);
    expect(results.map((r) => [r.path, r.startLine, r.endLine, r.cwe, r.fingerprint, r.severity, r.title])).toEqual(
      FINDINGS.map((f) => [f.locations[0]?.path, f.locations[0]?.startLine, f.locations[0]?.endLine, f.cwe, f.fingerprint, f.severity, f.title]),
    );
    expect(results[0]).toMatchObject({ tool: 'Escrow Workbench', toolVersion: '0.1.0', message: FINDINGS[0]?.description, level: 'error' });
    expect(results[2]?.message).toBe('TLS certificate checks are disabled towards the acquirer');
  });

  it('makes one rule per title and CWE, related to the CWE taxonomy and tagged as CodeQL does', () => {
    const run = (exported() as Json)['runs'][0];
    const rules = run['tool']['driver']['rules'] as Json[];
    expect(rules).toHaveLength(3);
    expect(run['results'].map((r: Json) => r['ruleIndex'])).toEqual([0, 0, 1, 2]);
    expect(rules[0]).toMatchObject({
      id: expect.stringMatching(/^order-search-builds-sql-from-request-parameters-[0-9a-f]{8}$/),
      shortDescription: { text: 'Order search builds SQL from request parameters' },
      helpUri: 'https://cwe.mitre.org/data/definitions/89.html',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'external/cwe/cwe-089'], 'security-severity': '9.8' },
      relationships: [{ target: { id: '89', index: 0, toolComponent: { name: 'CWE', index: 0 } }, kinds: ['superset'] }],
    });
    expect(rules[2]).toMatchObject({ id: expect.stringMatching(/^finding-[0-9a-f]{8}$/), properties: { tags: ['security'] } });
    expect(rules[2]).not.toHaveProperty('relationships');
    expect(run['tool']['driver']['supportedTaxonomies']).toEqual([{ name: 'CWE', index: 0 }]);
    expect(run['taxonomies'][0]).toMatchObject({ name: 'CWE', organization: 'MITRE', version: expect.stringMatching(/^4\./) });
    expect(run['taxonomies'][0]['taxa'].map((t: Json) => [t['id'], t['name']])).toEqual([
      ['89', "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')"],
      ['295', 'Improper Certificate Validation'],
    ]);
    // Rule ids are derived from the content, so exporting again names the same rules.
    expect((exportSarif({ toolName: 'x', toolVersion: '1', findings: [...FINDINGS].reverse() }) as Json)['runs'][0]['tool']['driver']['rules'].map((r: Json) => r['id']).sort()).toEqual(rules.map((r) => r['id']).sort());
  });

  it('keeps the reviewers severity in security-severity, and CVSS, status and id in properties', () => {
    const results = (exported() as Json)['runs'][0]['results'] as Json[];
    expect(results.map((r) => [r['level'], r['properties']['security-severity'], r['properties']['status']])).toEqual([
      ['error', '9.8', 'confirmed'],
      ['error', '7.0', 'open'],
      ['warning', '4.0', 'false-positive'],
      ['note', '0.1', 'risk-accepted'],
    ]);
    expect(results[0]).toMatchObject({
      guid: FINDINGS[0]?.id,
      partialFingerprints: { [FINGERPRINT_KEY]: 'f3a9c1d2e4b5' },
      properties: { findingId: FINDINGS[0]?.id, severity: 'critical', cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 } },
    });
    expect(results[2]).not.toHaveProperty('guid');
    expect(results[2]?.['suppressions']).toEqual([{ kind: 'external', status: 'accepted', justification: 'judged a false positive in review' }]);
    expect(results[0]).not.toHaveProperty('suppressions');
  });

  it('writes every location against its component and commit, percent-encoded', () => {
    const run = (exported() as Json)['runs'][0];
    expect(run['results'][0]['locations'].map((l: Json) => l['physicalLocation'])).toEqual([
      { artifactLocation: { uri: 'internal/storage/transactions.go', uriBaseId: `payments-gateway@${COMMIT}` }, region: { startLine: 72, endLine: 75 } },
      { artifactLocation: { uri: 'internal/httpapi/handlers_search.go', uriBaseId: `payments-gateway@${COMMIT}` }, region: { startLine: 10, endLine: 18 } },
    ]);
    expect(run['results'][3]['locations'][0]['physicalLocation']['artifactLocation']['uri']).toBe('docs/%D0%BE%D1%82%D1%87%D1%91%D1%82%20%232%20(draft).md');
    expect(run['versionControlProvenance']).toEqual([
      { repositoryUri: 'urn:escrow-workbench:component:payments-gateway', revisionId: COMMIT, mappedTo: { uriBaseId: `payments-gateway@${COMMIT}` } },
      { repositoryUri: 'urn:escrow-workbench:component:payments-gateway', revisionId: OTHER_COMMIT, mappedTo: { uriBaseId: `payments-gateway@${OTHER_COMMIT}` } },
      { repositoryUri: 'urn:escrow-workbench:component:citizen-portal', revisionId: COMMIT, mappedTo: { uriBaseId: `citizen-portal@${COMMIT}` } },
    ]);
    expect(Object.keys(run['originalUriBaseIds'])).toEqual([`payments-gateway@${COMMIT}`, `payments-gateway@${OTHER_COMMIT}`, `citizen-portal@${COMMIT}`]);
  });

  it('exports no findings as a valid, empty run', () => {
    const log = exportSarif({ toolName: 'Escrow Workbench', toolVersion: '0.1.0', findings: [] }) as Json;
    expect(() => validateSarif(log)).not.toThrow();
    expect(log['runs'][0]).toEqual({ tool: { driver: { name: 'Escrow Workbench', version: '0.1.0', semanticVersion: '0.1.0', rules: [] } }, results: [] });
  });
});

describe('the vendored SARIF schema', () => {
  const file = path.join(import.meta.dirname, '..', '..', 'resources', 'schemas', 'sarif-schema-2.1.0.json');

  it('is the OASIS 2.1.0 Errata 01 schema, byte for byte', () => {
    // sarif-2.1/schema/sarif-schema-2.1.0.json of oasis-tcs/sarif-spec (git blob 0f58372b548f60c84d20fca77687435e71b3b3a3).
    const bytes = readFileSync(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e');
    const schema = JSON.parse(bytes.toString('utf8')) as Json;
    expect([schema['$schema'], schema['id']]).toEqual(['http://json-schema.org/draft-04/schema#', SARIF_SCHEMA_URI]);
  });

  it('uses no keyword whose draft-04 meaning differs in draft-07, which it is compiled as', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const keywords = new Set<string>();
    const idKeywordsAt: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        keywords.add(key);
        if (key === 'id') idKeywordsAt.push(where);
        // Under properties and definitions the keys are names, not keywords: walk their values only.
        if (key === 'properties' || key === 'definitions') for (const [name, child] of Object.entries(value as Json)) walk(child, `${where}/${key}/${name}`);
        else walk(value, `${where}/${key}`);
      }
    };
    walk(schema, '');
    const sameInBothDrafts = ['$ref', '$schema', 'additionalProperties', 'anyOf', 'default', 'definitions', 'description', 'enum', 'format', 'items', 'maximum', 'minItems', 'minimum', 'oneOf', 'pattern', 'properties', 'required', 'title', 'type', 'uniqueItems'];
    expect([...keywords].filter((k) => !sameInBothDrafts.includes(k)).sort()).toEqual(['id']);
    expect(idKeywordsAt).toEqual(['']);
  });
});

import { createHash } from 'node:crypto';
import { cvssSeverity } from '../../../../shared/domain/cvss.js';
import { CWE_RELEASE_DATE, CWE_VERSION, cweName, cweUrl } from '../../../../shared/domain/cwe.js';
import { SARIF_SCHEMA_URI } from './sarif-schema.js';
import type { ArtifactLocation, ReportingDescriptor, SarifLevel, SarifLocation, SarifLog, SarifResult, ToolComponent, VersionControlDetails } from './sarif-types.js';

export { validateSarif } from './sarif-schema.js';

export type ExportSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface ExportFinding {
  id: string;
  title: string;
  description: string;
  severity: ExportSeverity;
  cwe: number | null;
  cvss: { vector: string; score: number } | null;
  status: string;
  fingerprint: string;
  locations: Array<{ path: string; startLine: number; endLine: number; commit: string; component: string }>;
}

export interface SarifExportInput {
  toolName: string;
  toolVersion: string;
  findings: ExportFinding[];
}

/** The partialFingerprints entry that carries our fingerprint; importing our own export gives it back as is. */
export const FINGERPRINT_KEY = 'escrowWorkbench/v1';

const LEVEL: Record<ExportSeverity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** The lowest `security-severity` of each band (GitHub's bands, which the importer reads back). */
const BAND_FLOOR: Record<ExportSeverity, number> = { critical: 9, high: 7, medium: 4, low: 0.1, info: 0 };
const SEVERITY_ORDER: readonly ExportSeverity[] = ['info', 'low', 'medium', 'high', 'critical'];

/**
 * Findings as one SARIF 2.1.0 run. Each distinct (title, CWE) is a rule, related to the CWE taxonomy
 * (the bundled MITRE list) and tagged `external/cwe/cwe-NNN` as CodeQL does, so code-scanning tools see the
 * CWE either way. A location's path is relative to the base id `<component>@<commit>`, which
 * `versionControlProvenance` maps to that commit. `security-severity` stays inside the finding's severity
 * band (its CVSS score when that agrees), so a re-import gives the same severity.
 */
export function exportSarif(input: SarifExportInput): SarifLog {
  const rules = new RuleTable();
  const baseIds = new Map<string, VersionControlDetails>();
  const results = input.findings.map((finding): SarifResult => {
    const rule = rules.ruleFor(finding);
    const properties: Record<string, unknown> = {
      findingId: finding.id,
      severity: finding.severity,
      status: finding.status,
      'security-severity': securitySeverity(finding).toFixed(1),
      ...(finding.cvss ? { cvss: { vector: finding.cvss.vector, score: finding.cvss.score } } : {}),
    };
    return {
      ruleId: rule.id,
      ruleIndex: rule.index,
      level: LEVEL[finding.severity],
      message: { text: finding.description.trim() === '' ? finding.title : finding.description },
      locations: finding.locations.map((location): SarifLocation => {
        const uriBaseId = `${location.component}@${location.commit}`;
        if (!baseIds.has(uriBaseId)) {
          baseIds.set(uriBaseId, { repositoryUri: `urn:escrow-workbench:component:${encodeURIComponent(location.component)}`, revisionId: location.commit, mappedTo: { uriBaseId } });
        }
        return {
          physicalLocation: { artifactLocation: { uri: location.path.split('/').map(encodeURIComponent).join('/'), uriBaseId }, region: { startLine: location.startLine, endLine: location.endLine } },
          properties: { component: location.component, commit: location.commit },
        };
      }),
      ...(finding.fingerprint !== '' ? { partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint } } : {}),
      ...(isGuid(finding.id) ? { guid: finding.id } : {}),
      ...suppressionOf(finding.status),
      properties,
    };
  });

  const taxonomy = rules.cweTaxonomy();
  const driver: ToolComponent = {
    name: input.toolName,
    version: input.toolVersion,
    ...(/^\d+\.\d+\.\d+/.test(input.toolVersion) ? { semanticVersion: input.toolVersion } : {}),
    rules: rules.descriptors(),
    ...(taxonomy ? { supportedTaxonomies: [{ name: 'CWE', index: 0 }] } : {}),
  };
  const originalUriBaseIds: Record<string, ArtifactLocation> = {};
  for (const [uriBaseId, vcs] of baseIds) originalUriBaseIds[uriBaseId] = { description: { text: `The source tree of component ${uriBaseId.split('@')[0]} at commit ${vcs.revisionId}` } };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        ...(taxonomy ? { taxonomies: [taxonomy] } : {}),
        ...(baseIds.size > 0 ? { originalUriBaseIds, versionControlProvenance: [...baseIds.values()] } : {}),
        results,
      },
    ],
  };
}

/** One rule per distinct (title, CWE), numbered in order of first use; CWE taxa likewise. */
class RuleTable {
  private readonly rules = new Map<string, { descriptor: ReportingDescriptor; index: number; worst: ExportSeverity; score: number }>();
  private readonly taxa = new Map<number, number>();

  ruleFor(finding: ExportFinding): { id: string; index: number } {
    const key = `${finding.cwe ?? ''}\u0000${finding.title}`;
    let entry = this.rules.get(key);
    if (!entry) {
      entry = { descriptor: this.describe(finding), index: this.rules.size, worst: finding.severity, score: securitySeverity(finding) };
      this.rules.set(key, entry);
    }
    if (SEVERITY_ORDER.indexOf(finding.severity) > SEVERITY_ORDER.indexOf(entry.worst)) entry.worst = finding.severity;
    entry.score = Math.max(entry.score, securitySeverity(finding));
    return { id: entry.descriptor.id, index: entry.index };
  }

  /** Rules carry the worst severity of their findings: code-scanning tools read `security-severity` from rules. */
  descriptors(): ReportingDescriptor[] {
    return [...this.rules.values()].map(({ descriptor, worst, score }) => ({
      ...descriptor,
      defaultConfiguration: { level: LEVEL[worst] },
      properties: { ...descriptor.properties, 'security-severity': score.toFixed(1) },
    }));
  }

  cweTaxonomy(): ToolComponent | null {
    if (this.taxa.size === 0) return null;
    return {
      name: 'CWE',
      version: CWE_VERSION,
      releaseDateUtc: CWE_RELEASE_DATE,
      organization: 'MITRE',
      informationUri: 'https://cwe.mitre.org/',
      shortDescription: { text: 'The MITRE Common Weakness Enumeration' },
      isComprehensive: false,
      taxa: [...this.taxa.keys()].map((id) => ({ id: String(id), name: cweName(id) ?? `CWE-${id}`, shortDescription: { text: cweName(id) ?? `CWE-${id}` }, helpUri: cweUrl(id) })),
    };
  }

  private describe(finding: ExportFinding): ReportingDescriptor {
    const cwe = finding.cwe;
    const digest = createHash('sha256').update(`${cwe ?? ''}\n${finding.title}`).digest('hex').slice(0, 8);
    const descriptor: ReportingDescriptor = {
      id: `${slug(finding.title)}-${digest}`,
      name: finding.title,
      shortDescription: { text: finding.title },
      properties: { tags: ['security', ...(cwe !== null ? [`external/cwe/cwe-${String(cwe).padStart(3, '0')}`] : [])] },
    };
    if (cwe === null) return descriptor;
    if (!this.taxa.has(cwe)) this.taxa.set(cwe, this.taxa.size);
    return {
      ...descriptor,
      helpUri: cweUrl(cwe),
      relationships: [{ target: { id: String(cwe), index: this.taxa.get(cwe) ?? 0, toolComponent: { name: 'CWE', index: 0 } }, kinds: ['superset'] }],
    };
  }
}

function securitySeverity(finding: ExportFinding): number {
  const score = finding.cvss?.score;
  return score !== undefined && cvssSeverity(score) === (finding.severity === 'info' ? 'none' : finding.severity) ? score : BAND_FLOOR[finding.severity];
}

/** A finding the reviewers judged a false positive or an accepted risk is, in SARIF terms, suppressed outside the code. */
function suppressionOf(status: string): Pick<SarifResult, 'suppressions'> {
  if (status === 'false-positive') return { suppressions: [{ kind: 'external', status: 'accepted', justification: 'judged a false positive in review' }] };
  if (status === 'risk-accepted') return { suppressions: [{ kind: 'external', status: 'accepted', justification: 'risk accepted by an approver' }] };
  return {};
}

/** Readable, stable rule ids: the title's letters and digits, then a digest that tells similar titles apart. */
function slug(title: string): string {
  const text = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return text === '' ? 'finding' : text;
}

function isGuid(text: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/.test(text);
}

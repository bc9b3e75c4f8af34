import { cweName } from '../../../../shared/domain/cwe.js';
import type { PropertyBag, ReportingDescriptor, ReportingDescriptorReference, SarifResult, SarifRun, ToolComponent, ToolComponentReference } from './sarif-types.js';

/**
 * The rules of one run and what results inherit from them: the rule a result names (in the driver or, as
 * newer CodeQL writes it, in an extension such as a query pack) and the CWE it maps to.
 */
export class SarifRuleIndex {
  private readonly byComponent = new Map<ToolComponent, Map<string, ReportingDescriptor>>();
  private readonly cweByRule = new Map<ReportingDescriptor, number | null>();

  constructor(private readonly run: SarifRun) {}

  /** The rule a result reports, by `rule.toolComponent` + index when given (checked against the id), else by id. */
  ruleOf(result: SarifResult): ReportingDescriptor | null {
    const component = this.componentOf(result.rule?.toolComponent) ?? this.run.tool.driver;
    const id = result.ruleId ?? result.rule?.id;
    const index = result.rule?.index ?? result.ruleIndex;
    const byIndex = index !== undefined && index >= 0 ? component.rules?.[index] : undefined;
    if (byIndex && (id === undefined || byIndex.id === id || id.startsWith(`${byIndex.id}/`))) return byIndex;
    if (id === undefined) return null;
    return this.rulesById(component).get(id) ?? this.rulesById(component).get(id.split('/')[0] ?? id) ?? this.findInAnyComponent(id);
  }

  /**
   * The first CWE of the bundled list that the result or its rule names: a CWE taxon the result refers to,
   * the rule's relationships into a CWE taxonomy (gosec), then tags and properties (CodeQL's
   * `external/cwe/cwe-079`, Semgrep's `CWE-89: Improper Neutralization…`, a `cwe` property).
   */
  cweOf(result: SarifResult, rule: ReportingDescriptor | null): number | null {
    for (const taxon of result.taxa ?? []) {
      const id = this.cweOfReference(taxon);
      if (id !== null) return id;
    }
    const fromResult = cweInProperties(result.properties);
    if (fromResult !== null) return fromResult;
    if (rule === null) return null;
    let cached = this.cweByRule.get(rule);
    if (cached === undefined) {
      cached = this.ruleCwe(rule);
      this.cweByRule.set(rule, cached);
    }
    return cached;
  }

  private ruleCwe(rule: ReportingDescriptor): number | null {
    for (const relationship of rule.relationships ?? []) {
      const id = this.cweOfReference(relationship.target);
      if (id !== null) return id;
    }
    return cweInProperties(rule.properties);
  }

  private cweOfReference(reference: ReportingDescriptorReference): number | null {
    const taxonomy = this.taxonomyOf(reference.toolComponent);
    if (taxonomy === null || !/^cwe$/i.test(taxonomy.name)) return null;
    const id = reference.id ?? (reference.index !== undefined ? taxonomy.taxa?.[reference.index]?.id : undefined);
    return id === undefined ? null : knownCwe(id, true);
  }

  /** A taxonomy named by index or guid into `run.taxonomies`, or by name alone (gosec names "CWE" and nothing else). */
  private taxonomyOf(reference: ToolComponentReference | undefined): Pick<ToolComponent, 'name' | 'taxa'> | null {
    if (reference === undefined) return null;
    const taxonomies = this.run.taxonomies ?? [];
    if (reference.index !== undefined) return taxonomies[reference.index] ?? null;
    if (reference.guid !== undefined) {
      const found = taxonomies.find((taxonomy) => taxonomy.guid?.toLowerCase() === reference.guid?.toLowerCase());
      if (found) return found;
    }
    if (reference.name === undefined) return null;
    return taxonomies.find((taxonomy) => taxonomy.name === reference.name) ?? { name: reference.name };
  }

  private componentOf(reference: ToolComponentReference | undefined): ToolComponent | null {
    if (reference === undefined) return null;
    const extensions = this.run.tool.extensions ?? [];
    if (reference.index !== undefined) return extensions[reference.index] ?? null;
    if (reference.guid !== undefined) return extensions.find((extension) => extension.guid?.toLowerCase() === reference.guid?.toLowerCase()) ?? null;
    if (reference.name !== undefined) return extensions.find((extension) => extension.name === reference.name) ?? null;
    return null;
  }

  private rulesById(component: ToolComponent): Map<string, ReportingDescriptor> {
    let rules = this.byComponent.get(component);
    if (!rules) {
      rules = new Map();
      for (const rule of component.rules ?? []) if (!rules.has(rule.id)) rules.set(rule.id, rule);
      this.byComponent.set(component, rules);
    }
    return rules;
  }

  private findInAnyComponent(id: string): ReportingDescriptor | null {
    for (const component of [this.run.tool.driver, ...(this.run.tool.extensions ?? [])]) {
      const rule = this.rulesById(component).get(id);
      if (rule) return rule;
    }
    return null;
  }
}

/** CWE ids in tags (`external/cwe/cwe-079`, `CWE-89: …`, `cwe:22`) or in a `cwe` property, string or list. */
function cweInProperties(properties: PropertyBag | undefined): number | null {
  if (properties === undefined) return null;
  const metadata = properties['metadata'];
  const candidates = [
    properties.tags,
    properties['cwe'],
    typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)['cwe'] : undefined,
  ].flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value]));
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' && typeof candidate !== 'number') continue;
    const id = knownCwe(String(candidate), false);
    if (id !== null) return id;
  }
  return null;
}

/** A CWE id in the bundled list; bare numbers count only where the context already says "CWE" (a taxon id). */
function knownCwe(text: string, bareNumberAllowed: boolean): number | null {
  const match = /^\s*(?:external\/cwe\/)?cwe[-_: ]?0*(\d{1,7})(?!\d)/i.exec(text) ?? (bareNumberAllowed ? /^\s*0*(\d{1,7})\s*$/.exec(text) : null);
  if (!match) return null;
  const id = Number(match[1]);
  return cweName(id) !== null ? id : null;
}

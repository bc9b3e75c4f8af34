/**
 * The part of SARIF 2.1.0 that import and export touch, named as in the specification. A log is only read
 * through these types after it passed the official schema, so the shapes declared here can be trusted; every
 * property stays optional because the schema makes almost all of them so.
 */
/** A type alias rather than an interface, so a log can be handed on as a plain JSON record. */
export type SarifLog = {
  $schema?: string;
  version: '2.1.0';
  runs?: SarifRun[] | null;
};

export interface SarifRun {
  tool: { driver: ToolComponent; extensions?: ToolComponent[] };
  results?: SarifResult[] | null;
  artifacts?: Array<{ location?: ArtifactLocation }>;
  originalUriBaseIds?: Record<string, ArtifactLocation>;
  taxonomies?: ToolComponent[];
  versionControlProvenance?: VersionControlDetails[];
  properties?: PropertyBag;
}

export interface ToolComponent {
  name: string;
  guid?: string;
  version?: string;
  semanticVersion?: string;
  informationUri?: string;
  organization?: string;
  releaseDateUtc?: string;
  shortDescription?: MultiformatMessage;
  isComprehensive?: boolean;
  rules?: ReportingDescriptor[];
  taxa?: ReportingDescriptor[];
  supportedTaxonomies?: ToolComponentReference[];
  globalMessageStrings?: Record<string, MultiformatMessage>;
}

export interface ReportingDescriptor {
  id: string;
  name?: string;
  guid?: string;
  shortDescription?: MultiformatMessage;
  fullDescription?: MultiformatMessage;
  messageStrings?: Record<string, MultiformatMessage>;
  helpUri?: string;
  defaultConfiguration?: { level?: SarifLevel; enabled?: boolean };
  relationships?: Array<{ target: ReportingDescriptorReference; kinds?: string[] }>;
  properties?: PropertyBag;
}

export interface ReportingDescriptorReference {
  id?: string;
  index?: number;
  guid?: string;
  toolComponent?: ToolComponentReference;
}

export interface ToolComponentReference {
  name?: string;
  index?: number;
  guid?: string;
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';
export type SarifKind = 'notApplicable' | 'pass' | 'fail' | 'review' | 'open' | 'informational';

export interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  rule?: ReportingDescriptorReference;
  kind?: SarifKind;
  level?: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  guid?: string;
  fingerprints?: Record<string, string>;
  partialFingerprints?: Record<string, string>;
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
  taxa?: ReportingDescriptorReference[];
  suppressions?: Array<{ kind: string; status?: string; justification?: string }>;
  properties?: PropertyBag;
}

export interface SarifMessage {
  text?: string;
  markdown?: string;
  id?: string;
  arguments?: string[];
}

export interface MultiformatMessage {
  text: string;
  markdown?: string;
}

export interface SarifLocation {
  physicalLocation?: { artifactLocation?: ArtifactLocation; region?: SarifRegion };
  properties?: PropertyBag;
}

export interface ArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  index?: number;
  description?: SarifMessage;
}

export interface SarifRegion {
  startLine?: number;
  endLine?: number;
}

export interface VersionControlDetails {
  repositoryUri: string;
  revisionId?: string;
  mappedTo?: ArtifactLocation;
  properties?: PropertyBag;
}

/** SARIF's escape hatch (§3.8): any tool-specific values, and `tags`. */
export type PropertyBag = Record<string, unknown> & { tags?: string[] };

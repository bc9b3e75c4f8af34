import { z } from 'zod';
import { componentNameSchema, objectIdSchema, refInputSchema, treePathSchema } from '../domain/names.js';
import { method } from './method.js';
import { anchorPlacementSchema, lineAnchorSchema, lineNumberSchema, markdownBodySchema } from './review.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const FINDING_STATUSES = ['open', 'confirmed', 'reported', 'fixed', 'closed', 'false-positive', 'risk-accepted'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const findingLocationSchema = z.strictObject({ anchor: lineAnchorSchema, placement: anchorPlacementSchema.nullable() });

export const riskAcceptanceSchema = z.strictObject({
  id: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  justification: z.string(),
  expiresAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  state: z.enum(['requested', 'approved', 'withdrawn']),
  expired: z.boolean(),
});

export const findingSchema = z.strictObject({
  id: z.string(),
  number: z.number().int(),
  component: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(SEVERITIES),
  cwe: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  cvss: z.strictObject({ version: z.string(), vector: z.string(), score: z.number(), severity: z.string() }).nullable(),
  /** The status in force: an accepted risk past its expiry is open again. */
  status: z.enum(FINDING_STATUSES),
  fingerprint: z.string(),
  source: z.string(),
  ruleId: z.string().nullable(),
  commit: objectIdSchema,
  /** A scanner finding its last import no longer reported (never closed for that alone). */
  stillReported: z.boolean(),
  falsePositiveProposedBy: z.string().nullable(),
  fixedIn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  locations: z.array(findingLocationSchema),
  risk: riskAcceptanceSchema.nullable(),
  history: z.array(z.strictObject({ actor: z.string(), at: z.string(), from: z.string().nullable(), to: z.string(), comment: z.string() })),
});
export type Finding = z.infer<typeof findingSchema>;

const location = z.strictObject({ path: treePathSchema, startLine: lineNumberSchema, endLine: lineNumberSchema });
const findingId = z.string().uuid();
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const sarifImportSummarySchema = z.strictObject({
  component: z.string(),
  commit: objectIdSchema,
  results: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  noLongerReported: z.number().int(),
  skipped: z.array(z.strictObject({ index: z.number().int(), reason: z.string() })),
});
export type SarifImportSummary = z.infer<typeof sarifImportSummarySchema>;

export const findingMethods = {
  'finding.add': method(
    z.strictObject({
      component: componentNameSchema,
      ref: refInputSchema,
      title: z.string().trim().min(1).max(300),
      description: z.string().max(20_000).default(''),
      severity: z.enum(SEVERITIES),
      cwe: z.union([z.string().max(64), z.number().int()]).optional(),
      cvss: z.string().max(512).optional(),
      locations: z.array(location).min(1).max(50),
    }),
    findingSchema,
    { mutates: true },
  ),
  'finding.list': method(
    z.strictObject({
      component: componentNameSchema.optional(),
      /** Place each finding's lines in this release. */
      ref: refInputSchema.optional(),
      path: treePathSchema.optional(),
      status: z.array(z.enum(FINDING_STATUSES)).optional(),
      severity: z.array(z.enum(SEVERITIES)).optional(),
    }),
    z.strictObject({ findings: z.array(findingSchema) }),
  ),
  'finding.get': method(z.strictObject({ id: findingId, ref: refInputSchema.optional() }), findingSchema),
  'finding.setStatus': method(
    z.strictObject({
      id: findingId,
      status: z.enum(FINDING_STATUSES).exclude(['risk-accepted']),
      comment: z.string().max(5000).default(''),
      /** For `fixed`: the later release whose code no longer holds the anchored lines. */
      ref: refInputSchema.optional(),
    }),
    findingSchema,
    { mutates: true },
  ),
  'finding.requestRisk': method(
    z.strictObject({ id: findingId, justification: markdownBodySchema, expiresOn: dateSchema }),
    findingSchema,
    { mutates: true },
  ),
  'finding.approveRisk': method(z.strictObject({ id: findingId, comment: z.string().max(5000).default('') }), findingSchema, { mutates: true }),
  'sarif.import': method(
    z.strictObject({ component: componentNameSchema, ref: refInputSchema, file: z.string().min(1).max(4096) }),
    sarifImportSummarySchema,
    { mutates: true },
  ),
  'sarif.export': method(z.strictObject({ component: componentNameSchema, ref: refInputSchema }), z.strictObject({ sarif: z.record(z.string(), z.unknown()) })),
};

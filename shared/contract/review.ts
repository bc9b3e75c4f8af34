import { z } from 'zod';
import { componentNameSchema, criterionNameSchema, objectIdSchema, refInputSchema, treePathSchema } from '../domain/names.js';
import { method } from './method.js';

/** Markdown, shown rendered as text and structure only (never raw HTML). */
export const markdownBodySchema = z.string().trim().min(1).max(20_000);
export const lineNumberSchema = z.number().int().min(1).max(10_000_000);

export const lineAnchorSchema = z.strictObject({
  commit: objectIdSchema,
  path: z.string(),
  blob: objectIdSchema,
  startLine: z.number().int(),
  endLine: z.number().int(),
  linesSha256: z.string(),
  lines: z.array(z.string()),
  before: z.array(z.string()),
  after: z.array(z.string()),
});

export const ANCHOR_STATUSES = ['exact', 'moved', 'relocated', 'outdated'] as const;
export const anchorPlacementSchema = z.strictObject({
  status: z.enum(ANCHOR_STATUSES),
  path: z.string().nullable(),
  startLine: z.number().int().nullable(),
  endLine: z.number().int().nullable(),
  method: z.enum(['same-blob', 'diff', 'snippet', 'none']),
});
export type AnchorPlacementWire = z.infer<typeof anchorPlacementSchema>;

export const commentSchema = z.strictObject({
  id: z.string(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  edits: z.array(z.strictObject({ previousBody: z.string(), editedBy: z.string(), editedAt: z.string() })),
});
export type Comment = z.infer<typeof commentSchema>;

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export const threadSchema = z.strictObject({
  id: z.string(),
  component: z.string(),
  status: z.enum(THREAD_STATUSES),
  anchor: lineAnchorSchema,
  /** Where the thread sits in the release being read. */
  placement: anchorPlacementSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  comments: z.array(commentSchema),
});
export type Thread = z.infer<typeof threadSchema>;

const releaseInput = { component: componentNameSchema, ref: refInputSchema };
const lineRange = { startLine: lineNumberSchema, endLine: lineNumberSchema };
const threadId = z.string().uuid();

export const criterionSchema = z.strictObject({ name: z.string(), description: z.string(), implies: z.array(z.string()), builtIn: z.boolean() });
export type Criterion = z.infer<typeof criterionSchema>;

export const coverageTotalsSchema = z.strictObject({
  files: z.number().int(),
  filesReviewed: z.number().int(),
  lines: z.number().int(),
  linesReviewed: z.number().int(),
});
export type CoverageTotals = z.infer<typeof coverageTotalsSchema>;

export const criterionCoverageSchema = z.strictObject({
  criterion: z.string(),
  combined: coverageTotalsSchema,
  byPerson: z.array(z.strictObject({ person: z.string(), totals: coverageTotalsSchema })),
  /** Lines not yet reviewed against this criterion: the reading still to do. */
  backlogLines: z.number().int(),
  /** Files credited from an earlier release's review (same blob). */
  carriedFiles: z.number().int(),
});

export const fileCoverageSchema = z.strictObject({
  path: z.string(),
  lines: z.number().int(),
  reviewedLines: z.number().int(),
  reviewers: z.array(z.string()),
});

export const releaseCoverageSchema = z.strictObject({
  component: z.string(),
  commit: objectIdSchema,
  criteria: z.array(criterionCoverageSchema),
  /** For the criterion asked (default safe-to-deploy): each file with lines reviewed, for the tree. */
  criterion: z.string(),
  files: z.array(fileCoverageSchema),
});
export type ReleaseCoverage = z.infer<typeof releaseCoverageSchema>;

export const RELEASE_STATUSES = ['not-started', 'in-review', 'changes-requested', 'ready-for-approval', 'approved', 'rejected', 'superseded'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const reviewMethods = {
  'thread.list': method(
    z.strictObject({ ...releaseInput, path: treePathSchema.optional() }),
    z.strictObject({ commit: objectIdSchema, threads: z.array(threadSchema) }),
  ),
  'thread.open': method(z.strictObject({ ...releaseInput, path: treePathSchema, ...lineRange, body: markdownBodySchema }), threadSchema, { mutates: true }),
  'thread.reply': method(z.strictObject({ threadId, body: markdownBodySchema }), z.strictObject({ threadId: z.string(), commentId: z.string() }), { mutates: true }),
  'thread.editComment': method(z.strictObject({ commentId: z.string().uuid(), body: markdownBodySchema }), z.strictObject({ commentId: z.string() }), { mutates: true }),
  'thread.setStatus': method(z.strictObject({ threadId, status: z.enum(THREAD_STATUSES) }), z.strictObject({ threadId: z.string(), status: z.enum(THREAD_STATUSES) }), {
    mutates: true,
  }),
  'criterion.list': method(z.strictObject({ component: componentNameSchema }), z.strictObject({ criteria: z.array(criterionSchema) })),
  'criterion.define': method(
    z.strictObject({ component: componentNameSchema, name: criterionNameSchema, description: z.string().max(2000).default(''), implies: z.array(criterionNameSchema).max(20).default([]) }),
    criterionSchema,
    { mutates: true },
  ),
  'review.mark': method(
    z.strictObject({
      ...releaseInput,
      paths: z.array(treePathSchema).min(1).max(100_000),
      criterion: criterionNameSchema.default('safe-to-deploy'),
      startLine: lineNumberSchema.optional(),
      endLine: lineNumberSchema.optional(),
    }),
    z.strictObject({ marked: z.number().int(), commit: objectIdSchema }),
    { mutates: true },
  ),
  'review.coverage': method(
    z.strictObject({
      ...releaseInput,
      criterion: criterionNameSchema.default('safe-to-deploy'),
      /** `reviewed` lists only files with reviewed lines (what the tree marks): a 100k-file release answers small. */
      files: z.enum(['all', 'reviewed']).default('all'),
    }),
    releaseCoverageSchema,
  ),
};

export const FINDING_SEVERITY_KEYS = ['critical', 'high', 'medium', 'low', 'info'] as const;

export const releaseStatusSchema = z.strictObject({
  component: z.string(),
  ref: z.string(),
  commit: objectIdSchema,
  status: z.enum(RELEASE_STATUSES),
  coverage: coverageTotalsSchema,
  /** Active findings (open, confirmed, reported) by severity. */
  activeFindings: z.strictObject({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int() }),
  findingsByStatus: z.record(z.string(), z.number().int()),
  openThreads: z.number().int(),
  pendingRisks: z.number().int(),
});
export type ReleaseStatusReport = z.infer<typeof releaseStatusSchema>;

export const dashboardMethods = {
  'review.status': method(z.strictObject(releaseInput), releaseStatusSchema),
  /** Every component at its newest pinned release (its default branch while none is pinned). */
  'review.dashboard': method(z.strictObject({}), z.strictObject({ components: z.array(releaseStatusSchema), unreviewable: z.array(z.strictObject({ component: z.string(), reason: z.string() })) })),
};

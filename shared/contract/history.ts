import { z } from 'zod';
import { componentNameSchema, objectIdSchema, refInputSchema, treePathSchema } from '../domain/names.js';
import { fileContentSchema, TREE_ENTRY_MODES } from './code.js';
import { method } from './method.js';

export const CHANGE_STATUSES = ['added', 'modified', 'deleted', 'renamed', 'copied', 'type-changed'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** Git's one-letter change codes, as file history reports them. */
export const CHANGE_LETTERS = ['A', 'M', 'D', 'R', 'C', 'T'] as const;

const lineCount = z.number().int().min(0).nullable();

export const fileChangeSchema = z.strictObject({
  status: z.enum(CHANGE_STATUSES),
  path: z.string(),
  /** Where a renamed or copied file came from; null otherwise. */
  oldPath: z.string().nullable(),
  oldMode: z.enum(TREE_ENTRY_MODES).nullable(),
  newMode: z.enum(TREE_ENTRY_MODES).nullable(),
  oldOid: objectIdSchema.nullable(),
  newOid: objectIdSchema.nullable(),
  /** Null for binary files. */
  additions: lineCount,
  deletions: lineCount,
});
export type FileChange = z.infer<typeof fileChangeSchema>;

export const diffTotalsSchema = z.strictObject({ files: z.number().int(), additions: z.number().int(), deletions: z.number().int() });

const releaseSide = z.strictObject({ ref: z.string(), commit: objectIdSchema });
const releasePair = { component: componentNameSchema, from: refInputSchema, to: refInputSchema };

export const blameRangeSchema = z.strictObject({
  start: z.number().int().min(1),
  count: z.number().int().min(1),
  commit: objectIdSchema,
  /** The file's path in that commit: blame follows whole-file renames. */
  originalPath: z.string(),
  originalStart: z.number().int().min(1),
});

export const blameCommitSchema = z.strictObject({ author: z.string(), authorEmail: z.string(), authorTime: z.string(), summary: z.string() });

export const fileHistoryEntrySchema = z.strictObject({
  commit: objectIdSchema,
  /** The file's path at that commit, following renames. */
  path: z.string(),
  status: z.enum(CHANGE_LETTERS),
  author: z.string(),
  authorEmail: z.string(),
  date: z.string(),
  subject: z.string(),
});
export type FileHistoryEntry = z.infer<typeof fileHistoryEntrySchema>;

const personSchema = z.strictObject({ name: z.string(), email: z.string(), date: z.string() });

export const commitFileSchema = z.strictObject({
  status: z.enum(CHANGE_STATUSES),
  path: z.string(),
  oldPath: z.string().nullable(),
  additions: lineCount,
  deletions: lineCount,
});

export const commitDetailsSchema = z.strictObject({
  commit: objectIdSchema,
  parents: z.array(objectIdSchema),
  author: personSchema,
  committer: personSchema,
  message: z.string(),
  /** Against the first parent; a root commit against the empty tree. */
  files: z.array(commitFileSchema),
});
export type CommitDetails = z.infer<typeof commitDetailsSchema>;

/** Comparing releases, blame, file history and commit details: all read-only, all on the bare mirror. */
export const historyMethods = {
  'diff.files': method(
    z.strictObject({ ...releasePair, path: treePathSchema.optional() }),
    z.strictObject({ from: releaseSide, to: releaseSide, files: z.array(fileChangeSchema), totals: diffTotalsSchema }),
  ),
  'diff.file': method(
    z.strictObject({ ...releasePair, path: treePathSchema, oldPath: treePathSchema.optional() }),
    z.strictObject({ old: fileContentSchema.nullable(), new: fileContentSchema.nullable() }),
  ),
  /** The unified diff as text (bytes that are not UTF-8 become U+FFFD), for the command line. */
  'diff.patch': method(
    z.strictObject({ ...releasePair, path: treePathSchema.optional() }),
    z.strictObject({ from: releaseSide, to: releaseSide, patch: z.string() }),
  ),
  'blame.file': method(
    z.strictObject({ component: componentNameSchema, ref: refInputSchema, path: treePathSchema }),
    z.strictObject({
      commit: objectIdSchema,
      path: z.string(),
      lines: z.number().int(),
      ranges: z.array(blameRangeSchema),
      commits: z.record(objectIdSchema, blameCommitSchema),
    }),
  ),
  'history.file': method(
    z.strictObject({ component: componentNameSchema, ref: refInputSchema, path: treePathSchema, limit: z.number().int().min(1).max(500).default(100) }),
    z.strictObject({ entries: z.array(fileHistoryEntrySchema) }),
  ),
  'commit.show': method(
    z.strictObject({ component: componentNameSchema, commit: z.string().regex(/^[0-9a-f]{4,64}$/, '4 to 64 lowercase hex digits') }),
    commitDetailsSchema,
  ),
};

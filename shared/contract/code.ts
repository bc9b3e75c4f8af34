import { z } from 'zod';
import { componentNameSchema, objectIdSchema, refInputSchema, treePathSchema } from '../domain/names.js';
import { method } from './method.js';

export const releaseRefSchema = z.strictObject({
  kind: z.enum(['tag', 'branch']),
  name: z.string(),
  refname: z.string(),
  commit: objectIdSchema,
  date: z.string(),
  subject: z.string(),
});
export type ReleaseRef = z.infer<typeof releaseRefSchema>;

export const TREE_ENTRY_MODES = ['100644', '100755', '120000', '160000'] as const;

export const treeEntrySchema = z.strictObject({
  path: z.string(),
  mode: z.enum(TREE_ENTRY_MODES),
  oid: objectIdSchema,
});
export type TreeEntry = z.infer<typeof treeEntrySchema>;

export const FILE_KINDS = ['text', 'binary', 'symlink', 'submodule'] as const;

export const fileContentSchema = z.strictObject({
  path: z.string(),
  oid: objectIdSchema,
  mode: z.enum(TREE_ENTRY_MODES),
  size: z.number().int(),
  kind: z.enum(FILE_KINDS),
  language: z.string(),
  encoding: z.string().nullable(),
  text: z.string().nullable(),
  truncated: z.boolean(),
});
export type FileContent = z.infer<typeof fileContentSchema>;

const releaseInput = { component: componentNameSchema, ref: refInputSchema };

export const codeMethods = {
  'release.list': method(
    z.strictObject({ component: componentNameSchema }),
    z.strictObject({ releases: z.array(releaseRefSchema), defaultRef: z.string().nullable() }),
  ),
  'tree.list': method(
    z.strictObject(releaseInput),
    z.strictObject({ commit: objectIdSchema, tree: objectIdSchema, entries: z.array(treeEntrySchema) }),
  ),
  'file.read': method(
    z.strictObject({ ...releaseInput, path: treePathSchema }),
    z.strictObject({ commit: objectIdSchema, file: fileContentSchema }),
  ),
};

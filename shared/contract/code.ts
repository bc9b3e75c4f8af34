import { z } from 'zod';
import { componentNameSchema, objectIdSchema, refInputSchema, treePathSchema } from '../domain/names.js';
import { ENCODING_CHOICES, TEXT_ENCODINGS } from '../domain/text-encodings.js';
import { pinnedReleaseSchema } from './deposits.js';
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
  encoding: z.enum(TEXT_ENCODINGS).nullable(),
  /** The encoding was inferred from the bytes (not UTF-8, no byte-order mark): the reader may switch it. */
  encodingGuessed: z.boolean(),
  text: z.string().nullable(),
  /** Only the first 5 MiB are in `text`; `file.page` reads the rest. */
  truncated: z.boolean(),
  /** For binary files: the first 64 KiB, base64, for a hex view. */
  preview: z.string().nullable(),
});
export type FileContent = z.infer<typeof fileContentSchema>;

const releaseInput = { component: componentNameSchema, ref: refInputSchema };

export const codeMethods = {
  'release.list': method(
    z.strictObject({ component: componentNameSchema }),
    z.strictObject({ releases: z.array(releaseRefSchema), defaultRef: z.string().nullable(), pinned: z.array(pinnedReleaseSchema) }),
  ),
  'tree.list': method(
    z.strictObject(releaseInput),
    z.strictObject({ commit: objectIdSchema, tree: objectIdSchema, entries: z.array(treeEntrySchema) }),
  ),
  'file.read': method(
    z.strictObject({ ...releaseInput, path: treePathSchema, encoding: z.enum(ENCODING_CHOICES).optional() }),
    z.strictObject({ commit: objectIdSchema, file: fileContentSchema }),
  ),
  'file.page': method(
    z.strictObject({ ...releaseInput, path: treePathSchema, page: z.number().int().min(0).max(100_000), encoding: z.enum(ENCODING_CHOICES).optional() }),
    z.strictObject({
      page: z.number().int(),
      pages: z.number().int(),
      /** The number of the page's first line in the whole file. */
      firstLine: z.number().int(),
      text: z.string(),
      encoding: z.enum(TEXT_ENCODINGS),
      size: z.number().int(),
    }),
  ),
};

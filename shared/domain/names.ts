import { z } from 'zod';

/** Component names appear in subjects (`<component>@<ref>`), file names and URLs: a conservative alphabet. */
export const componentNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ".", "_" and "-", starting with a letter or digit, at most 100')
  .refine((name) => !name.toLowerCase().endsWith('.git') && !name.includes('..'), 'must not end in ".git" or contain ".."');

/**
 * What a person may type as a release: a branch, tag, full ref name or (abbreviated) commit id. Git revision
 * syntax (`..`, `@{`, `^`, `~`, `:`) is refused here, so user text is never evaluated by git as an expression.
 */
export const refInputSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((ref) => !/[\u0000-\u0020\u007f~^:?*[\\]/.test(ref), 'no spaces, control characters or ~ ^ : ? * [ \\')
  .refine((ref) => !ref.includes('..') && !ref.includes('@{') && !ref.startsWith('-') && !ref.endsWith('/'), 'not a plain ref name');

/**
 * A path inside a release tree, '/'-separated and relative. Vendor file names may hold almost any byte, so
 * only what cannot name a tree entry is refused: NUL, empty, "." and ".." segments, a leading "/".
 */
export const treePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'contains a NUL character')
  .refine((p) => !p.startsWith('/'), 'must be relative to the release root')
  .refine((p) => p.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'), 'has an empty, "." or ".." segment');

export const objectIdSchema = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'a full git object id');

export const operationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, "_" or "-"');

/** A person's name as the review records it (until identities arrive, the name each face reports). */
export const personNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._@-]*$/u, 'letters, digits, spaces, ".", "_", "@" and "-", starting with a letter or digit');

/** A review criterion, e.g. `safe-to-deploy` or `crypto-reviewed`. */
export const criterionNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lower-case letters, digits and "-", at most 48');

import { z } from 'zod';
import { componentNameSchema, objectIdSchema, operationIdSchema, refInputSchema } from '../domain/names.js';
import { method } from './method.js';

/** Most matches one search keeps; beyond it the search stops and says it was truncated. */
export const MAX_SEARCH_MATCHES = 100_000;
/** Matches listed per file (matchCount still counts them all). */
export const MATCHES_PER_FILE = 50;
/** A matched line is sent cut to this many characters around its match. */
export const MATCH_TEXT_CHARS = 500;

/**
 * A path glob (git `:(glob)` pathspec: `*` within a folder, `**` across folders). A leading ":" is refused so
 * users can never add pathspec magic of their own; ".." could only point outside the release.
 */
export const pathGlobSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((g) => !g.includes('\u0000'), 'contains a NUL character')
  .refine((g) => !g.startsWith(':'), 'must not start with ":"')
  .refine((g) => !g.split('/').includes('..'), 'must not have a ".." segment');

export const searchScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('release'), component: componentNameSchema, ref: refInputSchema }),
  z.strictObject({ kind: z.literal('pinned') }),
]);
export type SearchScope = z.infer<typeof searchScopeSchema>;

export const searchQuerySchema = z.strictObject({
  pattern: z
    .string()
    .min(1)
    .max(1000)
    .refine((p) => !p.includes('\u0000'), 'contains a NUL character')
    .refine((p) => !p.includes('\n'), 'must be one line'),
  /** POSIX extended regular expression (`git grep -E`); otherwise the pattern is literal text. */
  regex: z.boolean().default(false),
  caseSensitive: z.boolean().default(false),
  wholeWord: z.boolean().default(false),
  include: z.array(pathGlobSchema).max(20).default([]),
  exclude: z.array(pathGlobSchema).max(20).default([]),
  scope: searchScopeSchema,
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** One searched release: `ref` is the full ref name, or the commit id when the release was named by commit. */
export const searchedReleaseSchema = z.strictObject({ component: z.string(), ref: z.string(), commit: objectIdSchema });
export type SearchedRelease = z.infer<typeof searchedReleaseSchema>;

/**
 * A matching line. `column` (1-based) and `length` count UTF-16 code units of the decoded line, as the
 * editor does; `text` is the line cut to MATCH_TEXT_CHARS around the match, starting at character `textStart`.
 */
export const searchMatchSchema = z.strictObject({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  length: z.number().int().nonnegative(),
  text: z.string(),
  textStart: z.number().int().nonnegative(),
});
export type SearchMatch = z.infer<typeof searchMatchSchema>;

export const searchFileSchema = z.strictObject({
  component: z.string(),
  ref: z.string(),
  commit: objectIdSchema,
  path: z.string(),
  /** Matching lines in the file (up to the search's limit); `matches` lists the first MATCHES_PER_FILE. */
  matchCount: z.number().int().positive(),
  matches: z.array(searchMatchSchema),
});
export type SearchFile = z.infer<typeof searchFileSchema>;

/** A search's id is its operationId, so a face can page through results while `search.start` still runs. */
export const searchIdSchema = operationIdSchema;

const searchTotals = {
  totalFiles: z.number().int().nonnegative(),
  totalMatches: z.number().int().nonnegative(),
  truncated: z.boolean(),
};

export const searchSummarySchema = z.strictObject({
  searchId: searchIdSchema,
  ...searchTotals,
  releases: z.array(searchedReleaseSchema),
  durationMs: z.number().nonnegative(),
});
export type SearchSummary = z.infer<typeof searchSummarySchema>;

export const searchPageSchema = z.strictObject({ done: z.boolean(), ...searchTotals, files: z.array(searchFileSchema) });
export type SearchPage = z.infer<typeof searchPageSchema>;

export const searchMethods = {
  'search.start': method(
    z.strictObject({
      query: searchQuerySchema,
      operationId: operationIdSchema.optional(),
      maxMatches: z.number().int().min(1).max(MAX_SEARCH_MATCHES).default(10_000),
    }),
    searchSummarySchema,
    { long: true },
  ),
  'search.results': method(
    z.strictObject({ searchId: searchIdSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(100) }),
    searchPageSchema,
  ),
};

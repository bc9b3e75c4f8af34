import { z } from 'zod';
import { operationIdSchema } from '../domain/names.js';
import { componentSummarySchema } from './components.js';
import { method } from './method.js';

/** A GitHub login (organisation or user): what GitHub itself accepts, so nothing else reaches a URL path. */
export const githubLoginSchema = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub organisation or user name');

/** GitHub stores topics in lower case; a topic filter in another case could never match. */
export const githubTopicSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'a lower-case GitHub topic');

export const GITHUB_SKIP_REASONS = ['exists', 'fork', 'archived', 'topic', 'invalid-name', 'invalid-source'] as const;
export type GithubSkipReason = (typeof GITHUB_SKIP_REASONS)[number];

export const skippedRepositorySchema = z.strictObject({
  repository: z.string(),
  reason: z.enum(GITHUB_SKIP_REASONS),
});
export type SkippedRepository = z.infer<typeof skippedRepositorySchema>;

export const githubImportResultSchema = z.strictObject({
  created: z.array(componentSummarySchema),
  skipped: z.array(skippedRepositorySchema),
  /** Repositories the listing returned: created plus skipped. */
  total: z.number().int(),
});
export type GithubImportResult = z.infer<typeof githubImportResultSchema>;

/** Importing every repository of a GitHub or GitHub Enterprise organisation as components. */
export const githubMethods = {
  'component.importGithub': method(
    z.strictObject({
      org: githubLoginSchema,
      baseUrl: z.string().min(1).max(2048).optional(),
      includeForks: z.boolean().optional(),
      includeArchived: z.boolean().optional(),
      topics: z.array(githubTopicSchema).max(20).optional(),
      operationId: operationIdSchema.optional(),
    }),
    githubImportResultSchema,
    { mutates: true, long: true },
  ),
};

import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { GithubClient } from './github-client.js';
import { githubFailureToAppError, httpStatusOf } from './github-failure.js';

/** The fields of GitHub's repository list entries we rely on; every other field is ignored. */
const listedRepositorySchema = z.object({
  name: z.string().min(1).max(1000),
  clone_url: z.string().max(4096),
  fork: z.boolean(),
  archived: z.boolean().default(false),
  topics: z.array(z.string()).default([]),
});
const repositoryPageSchema = z.array(listedRepositorySchema).max(1000);
export type ListedRepository = z.infer<typeof listedRepositorySchema>;

export interface ListingProgress {
  /** Pages fetched so far, and how many there are when GitHub's `Link: rel="last"` says so. */
  completed: number;
  total: number | null;
}

// 100 000 repositories; a server that keeps sending `next` links beyond this is not GitHub.
const MAX_PAGES = 1000;

interface Page {
  data: unknown;
  headers: { link?: string };
}

/**
 * Every repository of an organisation, or of a user when no organisation has that name (vendors deposit
 * personal namespaces too). Each page is reported as it arrives.
 */
export async function listOwnerRepositories(client: GithubClient, owner: string, onPage: (progress: ListingProgress) => void): Promise<ListedRepository[]> {
  const { paginate, rest } = client.octokit;
  try {
    const orgPages = paginate.iterator(rest.repos.listForOrg, { org: owner, type: 'all', per_page: 100 });
    const listed = await collectPages(client, orgPages, onPage);
    if (listed !== 'not-found') return listed;
    // For a user, "all" would add other owners' repositories the user merely belongs to.
    const userPages = paginate.iterator(rest.repos.listForUser, { username: owner, type: 'owner', per_page: 100 });
    const userListed = await collectPages(client, userPages, onPage);
    if (userListed !== 'not-found') return userListed;
    throw new AppError('NOT_FOUND', 'error.github.notFound', { host: client.address.origin, org: owner }, { status: 404 });
  } catch (error) {
    throw githubFailureToAppError(error, client, owner);
  }
}

async function collectPages(client: GithubClient, pages: AsyncIterable<Page>, onPage: (progress: ListingProgress) => void): Promise<ListedRepository[] | 'not-found'> {
  const repositories: ListedRepository[] = [];
  let completed = 0;
  try {
    for await (const page of pages) {
      repositories.push(...parsePage(client, page.data));
      completed++;
      const link = page.headers.link ?? '';
      onPage({ completed, total: lastPage(link) ?? (/rel="next"/.test(link) ? null : completed) });
      if (completed >= MAX_PAGES && /rel="next"/.test(link)) {
        throw new AppError('UNAVAILABLE', 'error.github.badResponse', { host: client.address.origin, detail: `more than ${MAX_PAGES} pages` });
      }
    }
  } catch (error) {
    // Only a 404 for the listing itself means "no such owner"; a 404 on a later page is a failure.
    if (completed === 0 && httpStatusOf(error) === 404) return 'not-found';
    throw error;
  }
  return repositories;
}

function parsePage(client: GithubClient, data: unknown): ListedRepository[] {
  const parsed = repositoryPageSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const detail = issue ? `${issue.path.map(String).join('.') || '(page)'}: ${issue.message}` : 'not a repository list';
  throw new AppError('UNAVAILABLE', 'error.github.badResponse', { host: client.address.origin, detail: client.scrub(detail) });
}

function lastPage(link: string): number | null {
  const last = /<([^<>]+)>;\s*rel="last"/.exec(link)?.[1];
  if (!last) return null;
  try {
    const page = Number(new URL(last).searchParams.get('page'));
    return Number.isInteger(page) && page > 0 ? page : null;
  } catch {
    return null;
  }
}

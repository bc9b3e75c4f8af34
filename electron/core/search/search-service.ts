import type { SearchPage, SearchQuery, SearchSummary } from '../../../shared/contract/search.js';
import { AppError } from '../../../shared/errors.js';
import { GitError } from '../../git/git-error.js';
import { grepRevision, InvalidGrepInput, type GrepLine, type GrepQuery } from '../../git/grep.js';
import type { ReleaseService } from '../code/release-service.js';
import { mapWithLimit } from '../concurrency.js';
import { gitFailureToAppError } from '../git-failure.js';
import type { Workspace } from '../workspace/workspace.js';
import { matchDescriber } from './match-text.js';
import { globPathspecs } from './path-globs.js';
import { releasesInScope } from './search-scope.js';
import { SearchRun } from './search-run.js';
import { SearchStore } from './search-store.js';

/** One git grep per release, a few side by side (each is single-threaded on objects). */
const PARALLEL_RELEASES = 4;
const PROGRESS_INTERVAL_MS = 100;

export interface SearchOptions {
  /** The id results are paged by: the operationId, which the face knows before the search ends. */
  searchId: string;
  maxMatches: number;
  signal?: AbortSignal;
  onProgress?: (component: string | null, filesFound: number) => void;
}

/**
 * Search across one release or the pinned releases of all components, with `git grep` on the commit
 * objects of the mirrors. Results stay in memory for paging; `start` resolves when the search is over.
 * A cancelled search rejects with CANCELLED and keeps what it found, marked done and truncated.
 */
export class SearchService {
  private readonly store = new SearchStore();

  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
  ) {}

  async start(query: SearchQuery, options: SearchOptions): Promise<SearchSummary> {
    const run = new SearchRun(options.searchId, options.maxMatches, matchDescriber(query));
    // Registered before the first await, so a face may ask for results as soon as it has sent the call.
    this.store.add(run);
    options.onProgress?.(null, 0);
    const halt = new AbortController();
    const onCancel = () => halt.abort();
    options.signal?.addEventListener('abort', onCancel, { once: true });
    try {
      const scoped = await releasesInScope(query.scope, this.workspace, this.releases);
      const parts = run.begin(scoped.map(({ component, ref, commit }) => ({ component, ref, commit })));
      const grepQuery: GrepQuery = { ...query, pathspecs: globPathspecs(query.include, query.exclude) };
      let reportedAt = 0;
      await mapWithLimit(parts, PARALLEL_RELEASES, async (part) => {
        const { gitDir, component } = scoped[part.index]!;
        if (!run.full.aborted && !halt.signal.aborted) {
          const onLine = (line: GrepLine) => {
            const kept = part.add(line.path, line.line, line.byteColumn, line.text);
            if (Date.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
              reportedAt = Date.now();
              options.onProgress?.(component, run.filesFound);
            }
            return kept;
          };
          await grepRevision(gitDir, part.release.commit, grepQuery, onLine, { signal: halt.signal, until: run.full }).catch((error: unknown) => {
            halt.abort();
            throw searchFailure(error, component);
          });
        }
        part.finish();
      });
      // Cancelled before git started: nothing failed, but the search did not run either.
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'error.cancelled');
    } catch (error) {
      if (options.signal?.aborted) {
        run.finish({ cancelled: true });
        throw new AppError('CANCELLED', 'error.cancelled');
      }
      this.store.remove(run);
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', onCancel);
    }
    run.finish();
    const summary = run.summary();
    options.onProgress?.(null, summary.totalFiles);
    return { searchId: run.id, ...summary, releases: run.releases, durationMs: Date.now() - run.startedAt };
  }

  results(searchId: string, offset: number, limit: number): SearchPage {
    return this.store.require(searchId).page(offset, limit);
  }
}

function searchFailure(error: unknown, component: string): unknown {
  if (error instanceof InvalidGrepInput) {
    return error.kind === 'pattern'
      ? new AppError('INVALID_INPUT', 'error.search.invalidPattern', { reason: error.reason })
      : new AppError('INVALID_INPUT', 'error.search.invalidGlob', { reason: error.reason });
  }
  return error instanceof GitError ? gitFailureToAppError(error, component) : error;
}

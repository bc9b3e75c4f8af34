import { AppError } from '../../../shared/errors.js';
import type { SearchRun } from './search-run.js';

/** How many searches keep their results; a face pages through the latest ones, older ones are dropped. */
export const KEPT_SEARCHES = 8;

/** The results of the last few searches, held in memory by id (results are large and cheap to redo). */
export class SearchStore {
  private readonly runs = new Map<string, SearchRun>();

  add(run: SearchRun): void {
    // Map order is insertion order: re-adding an id makes it the newest.
    this.runs.delete(run.id);
    this.runs.set(run.id, run);
    for (const id of this.runs.keys()) {
      if (this.runs.size <= KEPT_SEARCHES) break;
      this.runs.delete(id);
    }
  }

  remove(run: SearchRun): void {
    if (this.runs.get(run.id) === run) this.runs.delete(run.id);
  }

  require(id: string): SearchRun {
    const run = this.runs.get(id);
    if (!run) throw new AppError('NOT_FOUND', 'error.search.notFound', { searchId: id });
    return run;
  }
}

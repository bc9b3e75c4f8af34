import type { GithubSkipReason } from '../../../shared/contract/github.js';
import { componentNameSchema } from '../../../shared/domain/names.js';
import { redactSecrets } from '../../../shared/redact.js';
import type { ListedRepository } from './repository-listing.js';

export interface SelectionCriteria {
  includeForks: boolean;
  includeArchived: boolean;
  /** A repository must carry every one of these topics. */
  topics: readonly string[];
}

/** Why a listed repository is not imported, or null when it is. Registration state is checked apart. */
export function selectionVerdict(repository: ListedRepository, criteria: SelectionCriteria): GithubSkipReason | null {
  if (repository.fork && !criteria.includeForks) return 'fork';
  if (repository.archived && !criteria.includeArchived) return 'archived';
  if (!criteria.topics.every((topic) => repository.topics.includes(topic))) return 'topic';
  if (!componentNameSchema.safeParse(repository.name).success) return 'invalid-name';
  if (!isHttpsCloneUrl(repository.clone_url)) return 'invalid-source';
  return null;
}

/**
 * GitHub's clone URLs are always plain https. The list comes from the network, so anything else (a file://
 * URL or local path a forged answer could name, embedded credentials) is refused rather than registered.
 */
function isHttpsCloneUrl(text: string): boolean {
  if (/[\s\u0000-\u001f\u007f]/.test(text) || redactSecrets(text) !== text) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

import type { ComponentSummary } from '../../../shared/contract/components.js';
import type { GithubImportResult, SkippedRepository } from '../../../shared/contract/github.js';
import { AppError } from '../../../shared/errors.js';
import { redactSecrets } from '../../../shared/redact.js';
import type { ComponentService } from '../escrow/component-service.js';
import { parseGithubApiAddress } from './github-api-address.js';
import { GithubClient, githubToken, REQUEST_TIMEOUT_MS } from './github-client.js';
import { listOwnerRepositories, type ListedRepository } from './repository-listing.js';
import { selectionVerdict, type SelectionCriteria } from './repository-selection.js';

export interface OrganisationImportRequest extends SelectionCriteria {
  org: string;
  /** The REST API base of a GitHub Enterprise server; github.com when absent. */
  baseUrl?: string | undefined;
}

export interface ImportProgress {
  phase: 'listing' | 'registering';
  completed: number;
  total: number | null;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Registers one component per repository of a GitHub organisation (or user). It only registers: mirroring
 * is `sync`'s job, so a failed or cancelled import leaves nothing half-fetched.
 */
export class OrganisationImport {
  private readonly env: NodeJS.ProcessEnv;
  private readonly requestTimeoutMs: number;

  constructor(
    private readonly components: ComponentService,
    settings: { env?: NodeJS.ProcessEnv; requestTimeoutMs?: number } = {},
  ) {
    this.env = settings.env ?? process.env;
    this.requestTimeoutMs = settings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  }

  async importOrganisation(request: OrganisationImportRequest, options: ImportOptions = {}): Promise<GithubImportResult> {
    const signal = options.signal ?? new AbortController().signal;
    const client = new GithubClient(parseGithubApiAddress(request.baseUrl), githubToken(this.env), signal, this.requestTimeoutMs);
    const listed = await listOwnerRepositories(client, request.org, (p) => options.onProgress?.({ phase: 'listing', ...p }));

    const registered = await this.components.rows();
    const takenNames = new Set(registered.map((c) => c.name.toLowerCase()));
    const takenSources = new Set(registered.map((c) => c.source));
    const skipped: SkippedRepository[] = [];
    const chosen: ListedRepository[] = [];
    for (const repository of listed) {
      const taken = takenNames.has(repository.name.toLowerCase()) || takenSources.has(repository.clone_url);
      const reason = selectionVerdict(repository, request) ?? (taken ? 'exists' : null);
      if (reason) {
        skipped.push({ repository: redactSecrets(repository.name), reason });
        continue;
      }
      // A repository created during listing can shift GitHub's pages and show up twice.
      takenNames.add(repository.name.toLowerCase());
      takenSources.add(repository.clone_url);
      chosen.push(repository);
    }

    const created: ComponentSummary[] = [];
    for (const [index, repository] of chosen.entries()) {
      if (signal.aborted) throw new AppError('CANCELLED', 'error.cancelled');
      const component = await this.register(repository);
      if (component) created.push(component);
      else skipped.push({ repository: repository.name, reason: 'exists' });
      options.onProgress?.({ phase: 'registering', completed: index + 1, total: chosen.length });
    }
    return { created, skipped, total: listed.length };
  }

  /** Someone may register the same name or source while we list; that is "exists", not a failure. */
  private async register(repository: ListedRepository): Promise<ComponentSummary | null> {
    try {
      return await this.components.add(repository.name, repository.clone_url);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') return null;
      throw error;
    }
  }
}

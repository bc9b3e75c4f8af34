import { userInfo } from 'node:os';
import { ReleaseService } from './code/release-service.js';
import { EnvironmentCredentials, type CredentialSource } from './credentials/git-credentials.js';
import { readCoreSettings, type CoreSettings } from './settings.js';
import { TreeService } from './code/tree-service.js';
import { BundleService } from './escrow/bundle-service.js';
import { ComponentService } from './escrow/component-service.js';
import { DepositRecords } from './escrow/deposit-records.js';
import { SyncService } from './escrow/sync-service.js';
import { VerifyService } from './escrow/verify-service.js';
import { gitTreeDigester } from './releases/release-digester.js';
import { ReleasePinService } from './releases/release-pins.js';
import { SearchService } from './search/search-service.js';
import { OrganisationImport } from './github/organisation-import.js';
import { HistoryService } from './history/history-service.js';
import type { Workspace } from './workspace/workspace.js';

/** The core's services for one open workspace, wired once; faces reach them only through the API. */
export interface CoreServices {
  workspace: Workspace;
  settings: CoreSettings;
  credentials: CredentialSource;
  /** Who is acting, for records made before signed identities exist (issue 7 replaces this). */
  actor: string;
  components: ComponentService;
  sync: SyncService;
  bundles: BundleService;
  verify: VerifyService;
  deposits: DepositRecords;
  releases: ReleaseService;
  pins: ReleasePinService;
  trees: TreeService;
  search: SearchService;
  github: OrganisationImport;
  history: HistoryService;
}

export interface CoreOptions {
  credentials?: CredentialSource;
  settings?: CoreSettings;
  actor?: string;
}

export function createCoreServices(workspace: Workspace, options: CoreOptions = {}): CoreServices {
  const settings = options.settings ?? readCoreSettings();
  const credentials = options.credentials ?? new EnvironmentCredentials();
  const actor = options.actor ?? defaultActor();
  const components = new ComponentService(workspace);
  const releases = new ReleaseService(workspace, components);
  const sync = new SyncService(workspace, components, credentials, settings);
  const trees = new TreeService(workspace, releases);
  return {
    workspace,
    settings,
    credentials,
    actor,
    components,
    sync,
    bundles: new BundleService(workspace, components, sync),
    verify: new VerifyService(workspace, components, gitTreeDigester),
    deposits: new DepositRecords(workspace, components),
    pins: new ReleasePinService(workspace, components, releases, actor),
    releases,
    trees,
    search: new SearchService(workspace, releases),
    github: new OrganisationImport(components),
    history: new HistoryService(workspace, components, releases, trees),
  };
}

function defaultActor(): string {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
}

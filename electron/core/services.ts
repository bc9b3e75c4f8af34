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
import { AnchorResolver } from './review/anchor-resolver.js';
import { CoverageService } from './review/coverage-service.js';
import { CriteriaService } from './review/criteria.js';
import { FindingService } from './review/finding-service.js';
import { SarifService } from './review/sarif-service.js';
import { StatusService } from './review/status-service.js';
import { ThreadService } from './review/thread-service.js';
import type { Workspace } from './workspace/workspace.js';
import { Ledger } from './events/ledger.js';
import { Projector } from './events/projector.js';
import { alarmProjections } from './escrow/deposit-records.js';
import { threadProjections } from './review/thread-service.js';
import { criterionProjections } from './review/criteria.js';
import { coverageProjections } from './review/coverage-service.js';
import { findingProjections } from './review/finding-service.js';
import { AccessControl } from './trust/access-control.js';
import { AuditService } from './trust/audit-service.js';
import { GateService } from './trust/gate-service.js';
import { IdentityService } from './trust/identity-service.js';
import { IdentityStore, type SafeStorage } from './trust/identity-store.js';
import { Keyring, type PassphraseSource } from './trust/keyring.js';
import { ManifestService } from './trust/manifest-service.js';
import { ReportService } from './reports/report-data.js';
import { PolicyService, policyProjections } from './trust/policy-service.js';
import { RosterService, rosterProjections } from './trust/roster-service.js';
import { SignoffService, signoffProjections } from './trust/signoff-service.js';
import { personNameSchema } from '../../shared/domain/names.js';
import { LedgerRepository } from './ledger/ledger-repository.js';
import { LedgerSyncService } from './ledger/ledger-sync-service.js';

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
  threads: ThreadService;
  criteria: CriteriaService;
  coverage: CoverageService;
  findings: FindingService;
  sarif: SarifService;
  status: StatusService;
  keyring: Keyring;
  ledger: Ledger;
  projector: Projector;
  identities: IdentityService;
  roster: RosterService;
  access: AccessControl;
  audit: AuditService;
  policies: PolicyService;
  gates: GateService;
  signoffs: SignoffService;
  manifests: ManifestService;
  reports: ReportService;
  ledgerRepository: LedgerRepository;
  ledgerSync: LedgerSyncService;
}

export interface CoreOptions {
  credentials?: CredentialSource;
  settings?: CoreSettings;
  actor?: string;
  /** Where a locked key's passphrase comes from when a call needs it (CLI: ESCROW_PASSPHRASE or a prompt). */
  passphrases?: PassphraseSource;
  /** Electron's safeStorage, for keys the desktop app protects with the OS keychain. */
  safeStorage?: SafeStorage;
}

export function createCoreServices(workspace: Workspace, options: CoreOptions = {}): CoreServices {
  const settings = options.settings ?? readCoreSettings();
  const credentials = options.credentials ?? new EnvironmentCredentials();
  const actor = options.actor ?? defaultActor();
  const keyring = new Keyring(new IdentityStore(workspace.paths.keys, options.safeStorage ?? null), options.passphrases);
  const projector = new Projector();
  const ledger = new Ledger(keyring, projector);
  const components = new ComponentService(workspace);
  const releases = new ReleaseService(workspace, components);
  const sync = new SyncService(workspace, components, credentials, settings);
  const trees = new TreeService(workspace, releases);
  const pins = new ReleasePinService(workspace, components, releases, actor);
  const anchors = new AnchorResolver(workspace);
  const threads = new ThreadService(workspace, releases, trees, anchors, ledger);
  const criteria = new CriteriaService(workspace, components, ledger);
  const coverage = new CoverageService(workspace, releases, trees, criteria, ledger);
  const findings = new FindingService(workspace, components, releases, anchors, ledger);
  const sarif = new SarifService(workspace, releases, trees, findings, ledger);
  const roster = new RosterService(workspace, ledger, keyring.store);
  const policies = new PolicyService(workspace, components, criteria, ledger);
  const gates = new GateService(workspace, releases, pins, coverage, trees, anchors, policies);
  const signoffs = new SignoffService(workspace, releases, gates, roster, keyring, ledger);
  projector.register(rosterProjections);
  projector.register(policyProjections);
  projector.register(signoffProjections);
  projector.register(alarmProjections);
  projector.register(threadProjections);
  projector.register(criterionProjections);
  projector.register(coverageProjections);
  projector.register(findingProjections);
  projector.register(sarif.projections);
  const ledgerRepository = new LedgerRepository(workspace);
  ledgerRepository.attach();
  return {
    workspace,
    settings,
    credentials,
    actor,
    components,
    sync,
    bundles: new BundleService(workspace, components, sync),
    verify: new VerifyService(workspace, components, gitTreeDigester),
    deposits: new DepositRecords(workspace, components, ledger),
    pins,
    releases,
    trees,
    search: new SearchService(workspace, releases),
    github: new OrganisationImport(components),
    history: new HistoryService(workspace, components, releases, trees),
    threads,
    criteria,
    coverage,
    findings,
    sarif,
    status: new StatusService(workspace, components, releases, pins, coverage, gates),
    keyring,
    ledger,
    projector,
    identities: new IdentityService(keyring, roster),
    roster,
    access: new AccessControl(roster, keyring),
    audit: new AuditService(workspace, projector),
    policies,
    gates,
    signoffs,
    manifests: new ManifestService(workspace, releases, gates, policies, findings, keyring),
    reports: new ReportService({ gates, signoffs, findings, coverage, policies, criteria, pins }),
    ledgerRepository,
    ledgerSync: new LedgerSyncService(workspace, ledgerRepository, projector),
  };
}

/** The OS user's name, kept to the characters a person's name may hold (a `DOMAIN$` account must not lock the app out). */
function defaultActor(): string {
  let name = 'local';
  try {
    name = userInfo().username || 'local';
  } catch {
    // No user database entry (some containers): fall back to a fixed name.
  }
  const cleaned = name.normalize('NFC').replace(/[^\p{L}\p{N} ._@-]/gu, '_').replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 64);
  return personNameSchema.safeParse(cleaned).success ? cleaned : 'local';
}

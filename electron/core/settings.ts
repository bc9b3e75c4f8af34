/** Tunables a deployment may set in the environment (documented in README.md). */
export interface CoreSettings {
  /** Kill a git transfer that has been silent this long: an unreachable or stalled remote. */
  gitIdleTimeoutMs: number;
  /** Components synced at the same time. */
  syncConcurrency: number;
  /** A private CA (PEM) for internal https git servers. */
  gitCaFile: string | null;
  /** The ssh key, and known-hosts file, for ssh sources. */
  sshKey: string | null;
  sshKnownHosts: string | null;
}

export function readCoreSettings(env: NodeJS.ProcessEnv = process.env): CoreSettings {
  return {
    gitIdleTimeoutMs: positive(env['ESCROW_GIT_TIMEOUT_SECONDS'], 300) * 1000,
    syncConcurrency: positive(env['ESCROW_SYNC_CONCURRENCY'], 3),
    gitCaFile: env['ESCROW_GIT_CA_FILE'] || null,
    sshKey: env['ESCROW_SSH_KEY'] || null,
    sshKnownHosts: env['ESCROW_SSH_KNOWN_HOSTS'] || null,
  };
}

function positive(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

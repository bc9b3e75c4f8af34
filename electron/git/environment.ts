import { devNull } from 'node:os';

/**
 * Git is pointed at vendor repositories, which are untrusted data. Every git process we start gets this
 * environment and these -c settings, so that no hook, filter, fsmonitor, credential helper, replace ref,
 * submodule or exotic transport can run code or reach anywhere we did not ask for.
 */
export const ALLOWED_PROTOCOLS = ['https', 'ssh', 'file'] as const;

export const HARDENING_CONFIG: readonly string[] = [
  `core.hooksPath=${devNull}`,
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  'protocol.allow=never',
  ...ALLOWED_PROTOCOLS.map((p) => `protocol.${p}.allow=always`),
  'submodule.recurse=false',
  'fetch.recurseSubmodules=false',
  'fetch.writeCommitGraph=false',
  'gc.auto=0',
  'maintenance.auto=false',
  'credential.helper=',
  'http.lowSpeedLimit=1000',
  'http.lowSpeedTime=60',
  'log.showSignature=false',
  'color.ui=false',
  'core.quotePath=false',
];

/** Variables passed through from our own environment; everything else (GIT_DIR, GIT_*…) is dropped. */
const INHERITED = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TMP', 'TEMP', 'SSH_AUTH_SOCK'];

export function hardenedGitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes -o ConnectTimeout=30',
    GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS.join(':'),
    GIT_PROTOCOL_FROM_USER: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_NO_LAZY_FETCH: '1',
    GIT_LFS_SKIP_SMUDGE: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ATTR_NOSYSTEM: '1',
  });
  return { ...env, ...extra };
}

/** The leading arguments of every git invocation: the -c settings above. */
export function hardeningArguments(): string[] {
  return HARDENING_CONFIG.flatMap((setting) => ['-c', setting]);
}

import { redactSecrets } from '../../shared/redact.js';

/** What went wrong, as far as git's exit code and stderr tell. Core services map these to API errors. */
export type GitFailureKind =
  | 'not-a-repository'
  | 'bad-revision'
  | 'path-not-found'
  | 'authentication'
  | 'certificate'
  | 'network'
  | 'remote-not-found'
  | 'protocol-forbidden'
  | 'corrupt'
  | 'timeout'
  | 'cancelled'
  | 'git-missing'
  | 'failed';

const PATTERNS: ReadonlyArray<[GitFailureKind, RegExp]> = [
  ['protocol-forbidden', /transport '[^']*' not allowed|protocol '[^']*' is not supported|unsupported protocol/i],
  ['certificate', /SSL certificate problem|certificate verify failed|server certificate verification failed|unable to get local issuer certificate/i],
  ['authentication', /authentication failed|permission denied \(|could not read (username|password)|terminal prompts disabled|invalid username or password|HTTP Basic: Access denied/i],
  // A connection that broke mid-transfer also ends in "index-pack failed": the transport's own words win.
  ['network', /RPC failed|curl \d+|could not resolve host|connection refused|connection timed out|connection reset|operation timed out|failed to connect|network is unreachable|couldn't connect/i],
  // A source that is itself incomplete or damaged ends the transfer early; say so, not "unreachable".
  ['corrupt', /possible repository corruption on the remote side|remote: fatal: (?:bad object|missing (?:blob|tree|commit))|did not send all necessary objects|invalid index-pack output|index-pack (?:died|failed)|premature end of pack file|unresolved deltas/i],
  ['remote-not-found', /does not appear to be a git repository|repository '[^']*' (?:not found|does not exist)|repository not found|\b404\b/i],
  ['network', /unable to access|early EOF|the remote end hung up/i],
  ['not-a-repository', /not a git repository/i],
  ['corrupt', /bad object|corrupt|unable to read [0-9a-f]{40}|missing (blob|tree|commit|tag|object)|broken link|packfile .* (cannot be accessed|does not match index)|inflate:/i],
  ['path-not-found', /does not exist in '|exists on disk, but not in|path '[^']*' does not exist/i],
  ['bad-revision', /unknown revision|bad revision|not a valid object name|invalid object name|ambiguous argument|needed a single revision|not a tree object|not a valid ref/i],
];

export function classifyGitFailure(stderr: string): GitFailureKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(stderr)) return kind;
  return 'failed';
}

export class GitError extends Error {
  readonly kind: GitFailureKind;
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;

  constructor(kind: GitFailureKind, args: readonly string[], exitCode: number | null, stderr: string) {
    const safeStderr = redactSecrets(stderr.trim());
    const safeArgs = args.map(redactSecrets);
    const verb = safeArgs.find((a) => !a.startsWith('-')) ?? 'git';
    super(`git ${verb} failed (${kind}${exitCode === null ? '' : `, exit ${exitCode}`}): ${lastLines(safeStderr)}`);
    this.name = 'GitError';
    this.kind = kind;
    this.args = safeArgs;
    this.exitCode = exitCode;
    this.stderr = safeStderr;
  }
}

function lastLines(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.slice(-3).join(' | ') || 'no message from git';
}

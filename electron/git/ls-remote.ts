import { runGit } from './runner.js';

export interface RemoteHead {
  /** The ref the remote's HEAD points at (e.g. refs/heads/main), when it says. */
  symref: string | null;
  refCount: number;
}

/**
 * Ask a remote for its refs without fetching anything: proves a source is a reachable git repository and
 * tells which branch is its default.
 */
export async function probeRemote(
  source: string,
  options: { signal?: AbortSignal; env?: Record<string, string>; timeoutMs?: number; patterns?: readonly string[] } = {},
): Promise<RemoteHead> {
  const { stdout } = await runGit(['ls-remote', '--symref', '--', source, ...(options.patterns ?? [])], {
    cwd: process.cwd(),
    signal: options.signal,
    env: options.env,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  return parseLsRemote(stdout.toString('utf8'));
}

export function parseLsRemote(output: string): RemoteHead {
  let symref: string | null = null;
  let refCount = 0;
  for (const line of output.split('\n')) {
    const symbolic = /^ref: (\S+)\tHEAD$/.exec(line);
    if (symbolic) symref = symbolic[1] ?? null;
    else if (/^[0-9a-f]{40,64}\t/.test(line) && !line.endsWith('\tHEAD')) refCount++;
  }
  return { symref, refCount };
}

export interface RemoteRef {
  oid: string;
  /** For an annotated tag, the object it finally points at (the `^{}` line). */
  peeled: string | null;
}

export interface RemoteRefs {
  symref: string | null;
  refs: Map<string, RemoteRef>;
}

/** Every ref a remote advertises, without fetching anything: one round trip. */
export async function listRemoteRefs(source: string, options: { signal?: AbortSignal; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RemoteRefs> {
  const { stdout } = await runGit(['ls-remote', '--symref', '--', source], {
    cwd: process.cwd(),
    signal: options.signal,
    env: options.env,
    timeoutMs: options.timeoutMs ?? 5 * 60_000,
  });
  return parseRemoteRefs(stdout.toString('utf8'));
}

export function parseRemoteRefs(output: string): RemoteRefs {
  const refs = new Map<string, RemoteRef>();
  let symref: string | null = null;
  for (const line of output.split('\n')) {
    const symbolic = /^ref: (\S+)\tHEAD$/.exec(line);
    if (symbolic) {
      symref = symbolic[1] ?? null;
      continue;
    }
    const match = /^([0-9a-f]{40,64})\t(refs\/.+)$/.exec(line);
    if (!match) continue;
    const [, oid = '', name = ''] = match;
    if (name.endsWith('^{}')) {
      const tag = refs.get(name.slice(0, -3));
      if (tag) tag.peeled = oid;
    } else {
      refs.set(name, { oid, peeled: null });
    }
  }
  return { symref, refs };
}

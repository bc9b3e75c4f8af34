import { promises as fs } from 'node:fs';
import { runGit } from './runner.js';

export interface BundleHeader {
  version: 2 | 3;
  /** Commits the receiving repository must already have (an incremental bundle). */
  prerequisites: string[];
  refs: Array<{ refname: string; oid: string }>;
  capabilities: Record<string, string>;
}

const HEADER_LIMIT = 16 * 1024 * 1024;

/**
 * Read a bundle's text header (`# v2 git bundle`, v3 `@capabilities`, `-<prerequisite>`, `<oid> <ref>`,
 * then an empty line before the pack). Returns null when the file is not a bundle.
 */
export async function readBundleHeader(file: string): Promise<BundleHeader | null> {
  const handle = await fs.open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    let end = -1;
    while (end === -1 && length < HEADER_LIMIT) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, length);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      length += bytesRead;
      end = Buffer.concat(chunks).indexOf('\n\n');
    }
    if (end === -1) return null;
    return parseBundleHeader(Buffer.concat(chunks).subarray(0, end).toString('utf8'));
  } finally {
    await handle.close();
  }
}

export function parseBundleHeader(text: string): BundleHeader | null {
  const [signature, ...lines] = text.split('\n');
  const version = signature === '# v2 git bundle' ? 2 : signature === '# v3 git bundle' ? 3 : null;
  if (version === null) return null;
  const header: BundleHeader = { version, prerequisites: [], refs: [], capabilities: {} };
  for (const line of lines) {
    if (version === 3 && line.startsWith('@')) {
      const [key = '', value = ''] = line.slice(1).split('=');
      header.capabilities[key] = value;
    } else if (line.startsWith('-')) {
      const oid = /^-([0-9a-f]{40,64})(?: |$)/.exec(line)?.[1];
      if (!oid) return null;
      header.prerequisites.push(oid);
    } else {
      const match = /^([0-9a-f]{40,64}) (\S+)$/.exec(line);
      if (!match) return null;
      header.refs.push({ oid: match[1]!, refname: match[2]! });
    }
  }
  return header;
}

/** `git bundle verify` inside the repository that will receive it: prerequisites present, pack readable. */
export async function verifyBundle(gitDir: string, file: string): Promise<{ ok: boolean; detail: string }> {
  const { exitCode, stderr, stdout } = await runGit(['bundle', 'verify', file], { gitDir, okExitCodes: [0, 1, 128] });
  return { ok: exitCode === 0, detail: `${stderr}\n${stdout.toString('utf8')}`.trim() };
}

/** Write a bundle of the given revisions (`refs/…` names to include, `^<oid>` for what the receiver has). */
export async function createBundle(gitDir: string, file: string, revisions: readonly string[]): Promise<void> {
  await runGit(['bundle', 'create', '--quiet', file, '--stdin'], { gitDir, input: `${revisions.join('\n')}\n` });
}

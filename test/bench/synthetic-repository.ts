import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { FIXTURE_ENV } from '../helpers/git-fixtures.js';

export interface SyntheticShape {
  files: number;
  commits: number;
  refs: number;
  seed: number;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same repository, byte for byte. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['account', 'payment', 'ledger', 'citizen', 'registry', 'document', 'archive', 'token', 'signature', 'request', 'response', 'status', 'amount', 'currency', 'merchant', 'order', 'identity', 'session', 'audit', 'record'];
const EXTENSIONS = ['go', 'ts', 'java', 'sql', 'py', 'md'];

function sourceFile(next: () => number, index: number, revision: number): string {
  const lines = [`// generated file ${index} revision ${revision}`];
  const count = 20 + Math.floor(next() * 60);
  for (let i = 0; i < count; i++) {
    const a = WORDS[Math.floor(next() * WORDS.length)]!;
    const b = WORDS[Math.floor(next() * WORDS.length)]!;
    lines.push(`func ${a}${i}(${b} int) int { return ${b} * ${Math.floor(next() * 1000)} } // ${a} ${b}`);
  }
  return `${lines.join('\n')}\n`;
}

function filePath(index: number): string {
  return `pkg${index % 97}/module${Math.floor(index / 97) % 31}/file${index}.${EXTENSIONS[index % EXTENSIONS.length]}`;
}

/**
 * Write a repository of the given shape with `git fast-import`: all files in the first commit, then each
 * later commit changes a few of them; refs are tags and branches on commits spread over the history.
 */
export async function generateSyntheticRepository(dir: string, shape: SyntheticShape): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await runGit(dir, ['init', '-q', '--bare', '--initial-branch=main']);
  const next = random(shape.seed);
  const chunks: string[] = [];
  const time = 1_700_000_000;
  for (let c = 0; c < shape.commits; c++) {
    chunks.push(`commit refs/heads/main\nmark :${c + 1}\ncommitter Bench <bench@vendor.example> ${time + c * 60} +0500\n`);
    const message = `change ${c}`;
    chunks.push(`data ${Buffer.byteLength(message)}\n${message}\n`);
    const touched = c === 0 ? Array.from({ length: shape.files }, (_, i) => i) : Array.from({ length: 3 }, () => Math.floor(next() * shape.files));
    for (const index of touched) {
      const content = sourceFile(next, index, c);
      chunks.push(`M 100644 inline ${filePath(index)}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    }
  }
  for (let r = 0; r < shape.refs; r++) {
    const mark = 1 + Math.floor((r / Math.max(1, shape.refs)) * shape.commits);
    chunks.push(r % 5 === 0 ? `reset refs/heads/branch-${r}\nfrom :${mark}\n\n` : `reset refs/tags/v${r}.0\nfrom :${mark}\n\n`);
  }
  chunks.push('done\n');
  await runGit(dir, ['fast-import', '--quiet', '--done'], chunks.join(''));
  await runGit(dir, ['repack', '-a', '-d', '-q']);
}

function runGit(gitDir: string, args: string[], input?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: gitDir, env: { ...FIXTURE_ENV, GIT_DIR: gitDir }, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args[0]} failed: ${stderr}`))));
    child.stdin.end(input ?? '');
  });
}

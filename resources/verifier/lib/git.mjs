// @ts-check
import { Buffer } from 'node:buffer';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { devNull } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { VerifierInputError } from './errors.mjs';

/**
 * Read-only access to a git repository that may come from a vendor: no checkout, no hooks, no replace refs,
 * no network, no user or system configuration. Only hex object ids reach git, after --end-of-options.
 */

const HEX_COMMIT = /^[0-9a-fA-F]{4,64}$/;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const HARDENING = ['--no-replace-objects', '-c', `core.hooksPath=${devNull}`, '-c', 'core.fsmonitor=false', '-c', 'protocol.allow=never', '-c', 'credential.helper=', '-c', 'core.quotePath=false'];
const INHERITED = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TMP', 'TEMP'];

/**
 * @typedef {object} GitTreeEntry
 * @property {'100644' | '100755' | '120000' | '160000'} mode
 * @property {string} oid
 * @property {Buffer} path raw path bytes
 */

/** @returns {NodeJS.ProcessEnv} */
function gitEnvironment() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const name of INHERITED) if (process.env[name] !== undefined) env[name] = process.env[name];
  return {
    ...env,
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_NO_LAZY_FETCH: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ATTR_NOSYSTEM: '1',
  };
}

/**
 * @param {string} gitDir
 * @param {string[]} args
 * @returns {string[]}
 */
function gitArguments(gitDir, args) {
  return [...HARDENING, '--git-dir', gitDir, ...args];
}

/**
 * Runs git to completion and returns its stdout; failures become input errors that say what to do.
 * @param {string} gitDir
 * @param {string[]} args
 * @returns {Promise<Buffer>}
 */
function runGit(gitDir, args) {
  return new Promise((resolve, reject) => {
    execFile('git', gitArguments(gitDir, args), { cwd: gitDir, env: gitEnvironment(), encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code === 'ENOENT') return reject(gitMissing());
      reject(Object.assign(new Error(stderr.toString('utf8').trim() || error.message), { gitFailed: true }));
    });
  });
}

function gitMissing() {
  return new VerifierInputError('INVALID_INPUT', 'git was not found on PATH; --repo needs it. Verify a --dir or an --archive of the tree instead, or install git.');
}

/**
 * A bare repository is its own git folder; a repository with a work tree has it in `.git`.
 * @param {string} repository
 */
export async function gitDirOf(repository) {
  const resolved = path.resolve(repository);
  const stat = await fs.stat(resolved).catch(() => null);
  if (!stat) throw new VerifierInputError('NOT_FOUND', `There is nothing at ${resolved}.`);
  if (!stat.isDirectory()) throw new VerifierInputError('INVALID_INPUT', `${resolved} is not a git repository (it is not a folder).`);
  const dotGit = path.join(resolved, '.git');
  return (await fs.lstat(dotGit).catch(() => null)) ? dotGit : resolved;
}

/**
 * The full id of a commit given as hex (full or abbreviated): `git rev-parse --verify <hex>^{commit}`.
 * @param {string} gitDir
 * @param {string} commit
 */
export async function resolveCommit(gitDir, commit) {
  if (!HEX_COMMIT.test(commit)) throw new VerifierInputError('USAGE', `--commit ${JSON.stringify(commit.slice(0, 80))} is not a commit id: give 4 to 64 hex digits.`);
  const hex = commit.toLowerCase();
  let stdout;
  try {
    stdout = await runGit(gitDir, ['rev-parse', '--verify', '--end-of-options', `${hex}^{commit}`]);
  } catch (error) {
    throw gitFailure(error, gitDir, `has no commit ${hex}`);
  }
  const full = stdout.toString('latin1').trim();
  if (!OBJECT_ID.test(full)) throw new VerifierInputError('INVALID_INPUT', `git answered ${JSON.stringify(full.slice(0, 80))} for commit ${hex} in ${gitDir}.`);
  return full;
}

/**
 * Every non-tree entry of a commit's tree, recursively, with raw path bytes.
 * @param {string} gitDir
 * @param {string} commit a full commit id
 * @returns {Promise<GitTreeEntry[]>}
 */
export async function listTree(gitDir, commit) {
  let output;
  try {
    output = await runGit(gitDir, ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit]);
  } catch (error) {
    throw gitFailure(error, gitDir, `cannot list the tree of commit ${commit}`);
  }
  /** @type {GitTreeEntry[]} */
  const entries = [];
  let i = 0;
  while (i < output.length) {
    const nul = output.indexOf(0, i);
    const end = nul === -1 ? output.length : nul;
    const tab = output.indexOf(0x09, i);
    if (tab === -1 || tab > end) throw new VerifierInputError('INVALID_INPUT', `git ls-tree printed a malformed record at byte ${i} for ${gitDir}.`);
    const [modeText = '', type = '', oid = ''] = output.subarray(i, tab).toString('latin1').split(' ');
    const entryPath = Buffer.from(output.subarray(tab + 1, end));
    i = end + 1;
    if (type === 'tree') continue;
    if (!OBJECT_ID.test(oid)) throw new VerifierInputError('INVALID_INPUT', `git ls-tree printed the malformed object id ${JSON.stringify(oid.slice(0, 80))}.`);
    if (type === 'commit') entries.push({ mode: '160000', oid, path: entryPath });
    else if (type === 'blob' && modeText === '120000') entries.push({ mode: '120000', oid, path: entryPath });
    // Git keeps only the owner execute bit of a file's permissions; old trees may carry e.g. 100664.
    else if (type === 'blob' && /^[0-7]+$/.test(modeText)) entries.push({ mode: (parseInt(modeText, 8) & 0o100) !== 0 ? '100755' : '100644', oid, path: entryPath });
    else throw new VerifierInputError('INVALID_INPUT', `git ls-tree printed an entry of mode ${JSON.stringify(modeText)} and type ${JSON.stringify(type)}, which escrow-tree-v1 does not know.`);
  }
  return entries;
}

/**
 * SHA-256 and size of each blob, streamed through one `git cat-file --batch` so no blob is held whole.
 * @param {string} gitDir
 * @param {string[]} oids distinct blob ids
 * @returns {Promise<Map<string, { sha256: string, size: number }>>}
 */
export function hashBlobs(gitDir, oids) {
  /** @type {Map<string, { sha256: string, size: number }>} */
  const hashed = new Map();
  if (oids.length === 0) return Promise.resolve(hashed);
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArguments(gitDir, ['cat-file', '--batch']), { cwd: gitDir, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let next = 0;
    /** @type {Buffer} */
    let header = Buffer.alloc(0);
    /** @type {{ oid: string, size: number, left: number, hash: import('node:crypto').Hash } | null} */
    let body = null;
    let awaitingNewline = false;
    let stderr = '';
    /** @type {Error | null} */
    let failure = null;
    /** @param {Error} error */
    const stop = (error) => {
      failure ??= error;
      child.kill();
    };
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      let at = 0;
      while (at < chunk.length && !failure) {
        if (body) {
          const take = Math.min(body.left, chunk.length - at);
          body.hash.update(chunk.subarray(at, at + take));
          body.left -= take;
          at += take;
          if (body.left === 0) {
            hashed.set(body.oid, { sha256: body.hash.digest('hex'), size: body.size });
            body = null;
            awaitingNewline = true;
          }
        } else if (awaitingNewline) {
          if (chunk[at] !== 0x0a) return stop(new Error('git cat-file output lost its framing'));
          awaitingNewline = false;
          at++;
        } else {
          const newline = chunk.indexOf(0x0a, at);
          header = Buffer.concat([header, chunk.subarray(at, newline === -1 ? chunk.length : newline)]);
          if (newline === -1) return;
          at = newline + 1;
          const line = header.toString('latin1');
          header = Buffer.alloc(0);
          const expected = oids[next++];
          const [oid, type, sizeText] = line.split(' ');
          if (expected === undefined || oid !== expected || type === 'missing') return stop(new VerifierInputError('INVALID_INPUT', `The repository ${gitDir} is missing blob ${expected}: the deposit is incomplete.`));
          if (type !== 'blob' || !/^\d+$/.test(sizeText ?? '')) return stop(new Error(`git cat-file answered ${JSON.stringify(line.slice(0, 120))} for blob ${expected}`));
          const size = Number(sizeText);
          if (size > 0) body = { oid: expected, size, left: size, hash: createHash('sha256') };
          else {
            hashed.set(expected, { sha256: createHash('sha256').digest('hex'), size: 0 });
            awaitingNewline = true;
          }
        }
      }
    });
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => {
      // git may exit before reading everything (a failure); its exit status tells the story.
    });
    child.on('error', (error) => stop(/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' ? gitMissing() : error));
    child.on('close', (code) => {
      if (failure) return reject(failure instanceof VerifierInputError ? failure : new VerifierInputError('INVALID_INPUT', `Reading blobs from ${gitDir} failed: ${failure.message}`));
      if (code !== 0 || hashed.size !== oids.length) return reject(new VerifierInputError('INVALID_INPUT', `Reading blobs from ${gitDir} failed: ${stderr.trim() || `git exited with ${code} after ${hashed.size} of ${oids.length} blobs`}`));
      resolve(hashed);
    });
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}

/**
 * @param {unknown} error
 * @param {string} gitDir
 * @param {string} what completes "The repository <gitDir> …"
 */
function gitFailure(error, gitDir, what) {
  if (error instanceof VerifierInputError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/not a git repository/i.test(message)) return new VerifierInputError('NOT_FOUND', `${gitDir} is not a git repository.`);
  if (/dubious ownership/i.test(message)) return new VerifierInputError('INVALID_INPUT', `git refuses ${gitDir}: it belongs to another user (${message.split('\n')[0]}). Run as its owner, or copy it.`);
  if (/ambiguous/i.test(message)) return new VerifierInputError('NOT_FOUND', `The repository ${gitDir} ${what}: the abbreviation is ambiguous, give more hex digits.`);
  return new VerifierInputError('NOT_FOUND', `The repository ${gitDir} ${what} (${message.split('\n')[0]}).`);
}

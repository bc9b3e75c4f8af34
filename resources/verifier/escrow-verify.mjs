#!/usr/bin/env node
// @ts-check
/**
 * Escrow Workbench stand-alone manifest verifier: checks a release manifest against the tree about to be
 * deployed, offline, with nothing but Node ≥ 18 (and git, only for --repo). See README.md.
 */
import { realpathSync, promises as fs } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDecoder } from 'node:util';
import { canonicalJson } from './lib/canonical-json.mjs';
import { keyIdOf, paeBytes, readEnvelope } from './lib/dsse.mjs';
import { VerifierInputError } from './lib/errors.mjs';
import { checkManifest } from './lib/manifest-checks.mjs';
import { parseIsoDate, visible } from './lib/shape.mjs';
import { checkTreeSource, digestTree } from './lib/tree-digest.mjs';

export { canonicalJson, checkManifest, digestTree, keyIdOf, paeBytes, VerifierInputError };

/** @typedef {import('./lib/tree-digest.mjs').TreeSource} TreeSource */
/** @typedef {import('./lib/manifest-checks.mjs').ManifestVerification} ManifestVerification */

const KEYID = /^[0-9a-fA-F]{64}$/;

/**
 * Verifies a parsed manifest (the DSSE envelope) against a tree: every check, passed or not.
 * @param {unknown} manifest
 * @param {TreeSource} tree
 * @param {{ trustRoot?: string, at?: Date }} [options]
 * @returns {Promise<ManifestVerification>}
 */
export async function verifyManifest(manifest, tree, options = {}) {
  if (options.trustRoot !== undefined && !KEYID.test(options.trustRoot)) throw new VerifierInputError('USAGE', 'The trust root must be a keyid: 64 hex digits.');
  if (options.at !== undefined && Number.isNaN(options.at.getTime())) throw new VerifierInputError('USAGE', 'The verification time is not a valid date.');
  const read = readEnvelope(manifest);
  if ('problem' in read) throw new VerifierInputError('INVALID_INPUT', `The manifest ${read.problem}; a manifest is a DSSE envelope {payloadType, payload, signatures}.`);
  const digested = await digestTree(tree);
  return checkManifest(manifest, { digest: digested.digest, commit: digested.commit }, options);
}

/**
 * The escrow-tree-v1 digest (`sha256:<hex>`) of a folder, a tar / tar.gz archive, or a commit of a repository.
 * @param {TreeSource} tree
 * @returns {Promise<string>}
 */
export async function escrowTreeDigest(tree) {
  return (await digestTree(tree)).digest;
}

// ---- command line -----------------------------------------------------------------------------------------

const USAGE = `usage:
  escrow-verify.mjs MANIFEST (--dir DIR | --archive FILE [--strip-components N] | --repo GITDIR --commit SHA)
                    [--trust-root KEYID] [--at ISO-DATE] [--json]
  escrow-verify.mjs digest (--dir DIR | --archive FILE [--strip-components N] | --repo GITDIR --commit SHA) [--json]
exit codes: 0 verified, 3 a check failed, 1 usage or input error`;

const VALUE_OPTIONS = ['--dir', '--archive', '--strip-components', '--repo', '--commit', '--trust-root', '--at'];

/**
 * @typedef {object} Invocation
 * @property {'verify' | 'digest' | 'help'} command
 * @property {string | null} manifest
 * @property {Map<string, string>} options
 * @property {boolean} json
 */

/**
 * @param {string[]} args
 * @returns {Invocation}
 */
function parseArguments(args) {
  /** @type {Map<string, string>} */
  const options = new Map();
  const positional = [];
  let json = false;
  let help = false;
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = /** @type {string} */ (args[i]);
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') onlyPositional = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg : arg.slice(0, equals);
      if (!VALUE_OPTIONS.includes(name)) throw new VerifierInputError('USAGE', `Unknown option ${JSON.stringify(visible(name, 60))}.`);
      if (options.has(name)) throw new VerifierInputError('USAGE', `${name} is given twice.`);
      const value = equals === -1 ? args[++i] : arg.slice(equals + 1);
      if (value === undefined || value === '') throw new VerifierInputError('USAGE', `${name} needs a value.`);
      options.set(name, value);
    }
  }
  if (help) return { command: 'help', manifest: null, options, json };
  const [first, ...rest] = positional;
  if (first === undefined) throw new VerifierInputError('USAGE', 'Give a manifest file (or the word digest).');
  if (rest.length > 0) throw new VerifierInputError('USAGE', `Unexpected argument ${JSON.stringify(visible(/** @type {string} */ (rest[0]), 60))}.`);
  if (first === 'digest') {
    for (const name of ['--trust-root', '--at']) if (options.has(name)) throw new VerifierInputError('USAGE', `${name} applies only to verifying a manifest.`);
    return { command: 'digest', manifest: null, options, json };
  }
  return { command: 'verify', manifest: first, options, json };
}

/**
 * @param {Map<string, string>} options
 * @returns {TreeSource}
 */
function treeOf(options) {
  /** @type {TreeSource} */
  const tree = {};
  const dir = options.get('--dir');
  const archive = options.get('--archive');
  const repo = options.get('--repo');
  const commit = options.get('--commit');
  const strip = options.get('--strip-components');
  if (dir !== undefined) tree.dir = dir;
  if (archive !== undefined) tree.archive = archive;
  if (repo !== undefined) tree.repo = repo;
  if (commit !== undefined) tree.commit = commit;
  if (strip !== undefined) {
    if (!/^\d{1,3}$/.test(strip)) throw new VerifierInputError('USAGE', `--strip-components takes a whole number, not ${JSON.stringify(visible(strip, 40))}.`);
    tree.stripComponents = Number(strip);
  }
  return tree;
}

/**
 * @param {string} file
 * @returns {Promise<unknown>}
 */
async function readManifestFile(file) {
  let bytes;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'ENOENT') throw new VerifierInputError('NOT_FOUND', `There is no manifest file at ${file}.`);
    throw new VerifierInputError('INVALID_INPUT', `The manifest ${file} cannot be read (${code ?? String(error)}).`);
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new VerifierInputError('INVALID_INPUT', `The manifest ${file} is not UTF-8 text.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VerifierInputError('INVALID_INPUT', `The manifest ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/**
 * @param {ManifestVerification} result
 * @param {string | null} pinned
 */
function formatReport(result, pinned) {
  const lines = result.checks.map((check) => `${check.ok ? 'ok  ' : 'FAIL'} ${check.name}  ${visible(check.detail, 2000)}`);
  for (const warning of result.warnings) {
    const hint = warning.startsWith('trust root not pinned')
      ? result.trustRoot
        ? `  the roster's root key is ${result.trustRoot}: compare it with the key you were given, then pass --trust-root ${result.trustRoot}`
        : '  the roster has no valid root key'
      : '';
    lines.push(`warn ${warning}${hint}`);
  }
  const failed = result.checks.filter((c) => !c.ok);
  const subject = result.subject ? `${visible(result.subject.name, 200)} (sha256:${result.subject.digest.sha256}, commit ${result.subject.digest.gitCommit})` : 'the manifest';
  const root = result.trustRoot ? `, trust root ${result.trustRoot}${pinned ? ' (pinned)' : ' (not pinned)'}` : '';
  lines.push(
    failed.length === 0
      ? `VERIFIED ${subject}: all ${result.checks.length} checks passed${root}`
      : `NOT VERIFIED ${subject}: ${failed.length} of ${result.checks.length} checks failed: ${failed.map((c) => c.name).join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the command line; returns the exit code (0 verified, 3 a check failed, 1 usage or input error).
 * @param {string[]} args
 * @param {{ stdout: (text: string) => void, stderr: (text: string) => void }} [io]
 * @returns {Promise<number>}
 */
export async function main(args, io = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) }) {
  const json = args.includes('--json');
  try {
    const invocation = parseArguments(args);
    if (invocation.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const tree = treeOf(invocation.options);
    checkTreeSource(tree);
    if (invocation.command === 'digest') {
      const digested = await digestTree(tree);
      io.stdout(invocation.json ? `${JSON.stringify({ digest: digested.digest, files: digested.files, bytes: digested.bytes, ...(digested.commit ? { commit: digested.commit } : {}) }, null, 2)}\n` : `${digested.digest}\n`);
      return 0;
    }
    const trustRoot = invocation.options.get('--trust-root');
    if (trustRoot !== undefined && !KEYID.test(trustRoot)) throw new VerifierInputError('USAGE', `--trust-root takes a keyid (64 hex digits), not ${JSON.stringify(visible(trustRoot, 80))}.`);
    const atText = invocation.options.get('--at');
    const at = atText === undefined ? undefined : parseIsoDate(atText);
    if (at === null) throw new VerifierInputError('USAGE', `--at takes an ISO-8601 date or time such as 2025-06-30 or 2025-06-30T12:00:00Z, not ${JSON.stringify(visible(/** @type {string} */ (atText), 80))}.`);
    const manifest = await readManifestFile(/** @type {string} */ (invocation.manifest));
    /** @type {{ trustRoot?: string, at?: Date }} */
    const options = {};
    if (trustRoot !== undefined) options.trustRoot = trustRoot;
    if (at !== undefined) options.at = at;
    const result = await verifyManifest(manifest, tree, options);
    if (invocation.json) {
      io.stdout(`${JSON.stringify({ ok: result.ok, subject: result.subject, trustRoot: result.trustRoot, checks: result.checks, warnings: result.warnings }, null, 2)}\n`);
    } else {
      io.stdout(formatReport(result, trustRoot === undefined ? null : trustRoot.toLowerCase()));
    }
    return result.ok ? 0 : 3;
  } catch (error) {
    if (!(error instanceof VerifierInputError)) throw error;
    if (json) io.stdout(`${JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2)}\n`);
    else io.stderr(`error: ${error.message} [${error.code}]\n${error.code === 'USAGE' ? `${USAGE}\n` : ''}`);
    return 1;
  }
}

/**
 * True when this file is the program being run, not a module being imported. A bundler (the app's esbuild
 * build imports this module) makes import.meta.url the bundle's own URL, so the file name must match too.
 */
function isEntryPoint() {
  const script = process.argv[1];
  if (script === undefined || path.basename(fileURLToPath(import.meta.url)) !== 'escrow-verify.mjs') return false;
  if (import.meta.url === pathToFileURL(script).href) return true;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`error: the verifier failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

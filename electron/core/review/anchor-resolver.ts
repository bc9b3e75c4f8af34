import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  anchoredText,
  anchorParts,
  findSnippet,
  mapThroughHunks,
  outdatedPlacement,
  splitLines,
  type AnchorPlacement,
  type DiffHunk,
  type LineAnchor,
} from '../../../shared/domain/anchors.js';
import { AppError } from '../../../shared/errors.js';
import { diffBlobHunks } from '../../git/diff-blobs.js';
import { diffTrees } from '../../git/diff-tree.js';
import { normaliseBlobMode } from '../../git/objects.js';
import { decodeText, looksBinary } from '../code/text-decoding.js';
import { gitFailureToAppError } from '../git-failure.js';
import { entryAt } from '../history/path-arguments.js';
import type { Workspace } from '../workspace/workspace.js';

/** Decoded files kept by blob id; a reader moves between a few files, each carrying several threads. */
const FILES_KEPT = 8;
/** A file larger than this is decoded again when needed rather than held in memory. */
const FILE_KEPT_MAX_BYTES = 5 * 1024 * 1024;
/** Hunk lists are small; a release with many threads asks for the same blob pairs again and again. */
const HUNKS_KEPT = 512;
/** Rename maps between two commits: one per release pair being read. */
const RENAMES_KEPT = 8;

const OBJECT_NAME = /^[0-9a-f]{4,64}$/;

interface FileAt {
  path: string;
  blob: string;
}

/**
 * Creates line anchors on a file of a commit, and places them on another commit of the same mirror:
 * the same blob keeps its lines; otherwise the range is mapped through the diff of the two blobs (following
 * a rename); otherwise the anchored lines are searched for in the file; otherwise the anchor is outdated.
 *
 * Everything cached is keyed by object ids (blobs, commits), which name immutable content, so nothing can
 * go stale. Placing an anchor on its own blob reads only trees through the long-lived object reader.
 */
/** The anchor of lines `startLine`–`endLine` of a file's text lines (INVALID_INPUT when outside the file). */
export function anchorOnLines(commit: string, path: string, blob: string, fileLines: readonly string[], startLine: number, endLine: number): LineAnchor {
  const parts = anchorParts(fileLines, startLine, endLine);
  return { commit, path, blob, startLine, endLine, linesSha256: sha256Hex(anchoredText(parts.lines)), ...parts };
}

export class AnchorResolver {
  private readonly files = new Map<string, string[] | null>();
  private readonly hunks = new Map<string, Promise<DiffHunk[] | null>>();
  private readonly renames = new Map<string, Promise<ReadonlyMap<string, string>>>();

  constructor(private readonly workspace: Workspace) {}

  async create(gitDir: string, commit: string, filePath: string, startLine: number, endLine: number): Promise<LineAnchor> {
    const commitId = await this.requireCommit(gitDir, commit);
    const { tree } = await this.workspace.objects.readCommit(gitDir, commitId);
    const entry = await entryAt(this.workspace.objects, gitDir, tree, filePath);
    if (!entry) throw new AppError('NOT_FOUND', 'error.anchor.pathNotFound', { path: filePath, commit: commitId });
    if (!isRegularFile(entry.mode)) throw new AppError('INVALID_INPUT', 'error.anchor.notAFile', { path: filePath, commit: commitId });
    const fileLines = await this.linesOf(gitDir, entry.oid);
    if (!fileLines) throw new AppError('INVALID_INPUT', 'error.anchor.binaryFile', { path: filePath, commit: commitId });
    return anchorOnLines(commitId, filePath, entry.oid, fileLines, startLine, endLine);
  }

  async place(anchor: LineAnchor, gitDir: string, commit: string): Promise<AnchorPlacement> {
    const commitId = await this.requireCommit(gitDir, commit);
    const unchanged = { startLine: anchor.startLine, endLine: anchor.endLine };
    let target = await this.fileAt(gitDir, commitId, anchor.path);
    if (target?.blob === anchor.blob) return { status: 'exact', path: anchor.path, ...unchanged, method: 'same-blob' };
    if (!target) {
      const renamedTo = (await this.renamesBetween(gitDir, anchor.commit, commitId)).get(anchor.path);
      target = renamedTo === undefined ? null : await this.fileAt(gitDir, commitId, renamedTo);
      if (!target) return outdatedPlacement();
      // A pure rename: the same lines under the new name.
      if (target.blob === anchor.blob) return { status: 'moved', path: target.path, ...unchanged, method: 'same-blob' };
    }

    const hunks = await this.hunksBetween(gitDir, anchor.blob, target.blob);
    const shifted = hunks && mapThroughHunks(anchor.startLine, anchor.endLine, hunks);
    if (shifted) {
      const same = shifted.startLine === anchor.startLine && target.path === anchor.path;
      return { status: same ? 'exact' : 'moved', path: target.path, ...shifted, method: 'diff' };
    }

    const fileLines = await this.linesOf(gitDir, target.blob);
    const found = fileLines && findSnippet(anchor, fileLines);
    if (found) return { status: 'relocated', path: target.path, ...found, method: 'snippet' };
    return outdatedPlacement();
  }

  /** The full id of a commit of this mirror (a tag is followed to its commit); NOT_FOUND otherwise. */
  private async requireCommit(gitDir: string, commit: string): Promise<string> {
    if (!OBJECT_NAME.test(commit)) throw new AppError('INVALID_INPUT', 'error.anchor.commitNotFound', { commit });
    const id = await this.withGit(gitDir, this.workspace.objects.peelToCommit(gitDir, commit));
    if (!id) throw new AppError('NOT_FOUND', 'error.anchor.commitNotFound', { commit });
    return id;
  }

  /** The regular file at `filePath` in a commit; null when absent or something else (folder, link, submodule). */
  private async fileAt(gitDir: string, commitId: string, filePath: string): Promise<FileAt | null> {
    const { tree } = await this.workspace.objects.readCommit(gitDir, commitId);
    const entry = await entryAt(this.workspace.objects, gitDir, tree, filePath);
    return entry && isRegularFile(entry.mode) ? { path: filePath, blob: entry.oid } : null;
  }

  /** A file's lines as the viewer decodes them (UTF-8, else its legacy code page); null for a binary file. */
  private async linesOf(gitDir: string, blob: string): Promise<string[] | null> {
    const kept = this.files.get(blob);
    if (kept !== undefined) {
      this.files.delete(blob);
      this.files.set(blob, kept);
      return kept;
    }
    const object = await this.withGit(gitDir, this.workspace.objects.read(gitDir, blob));
    if (!object || object.type !== 'blob') throw new AppError('INTEGRITY', 'error.mirror.objectMissing', { oid: blob, type: 'blob' });
    const lines = looksBinary(object.data) ? null : splitLines(decodeText(object.data).text);
    if (object.size <= FILE_KEPT_MAX_BYTES) keep(this.files, blob, lines, FILES_KEPT);
    return lines;
  }

  private hunksBetween(gitDir: string, oldBlob: string, newBlob: string): Promise<DiffHunk[] | null> {
    return remember(this.hunks, `${oldBlob}:${newBlob}`, HUNKS_KEPT, () => this.withGit(gitDir, diffBlobHunks(gitDir, oldBlob, newBlob)));
  }

  /** Old path → new path for every file git sees renamed between two commits (content-based, as `diff -M`). */
  private renamesBetween(gitDir: string, from: string, to: string): Promise<ReadonlyMap<string, string>> {
    return remember(this.renames, `${from}:${to}`, RENAMES_KEPT, async () => {
      // The anchor's own commit must be in this mirror: anchors are only placed within one component.
      const info = await this.withGit(gitDir, this.workspace.objects.info(gitDir, from));
      if (!info || info.type !== 'commit') throw new AppError('NOT_FOUND', 'error.anchor.commitNotFound', { commit: from });
      const changes = await this.withGit(gitDir, diffTrees(gitDir, from, to));
      return new Map(changes.filter((c) => c.letter === 'R' && c.oldPath !== null).map((c) => [c.oldPath!, c.path]));
    });
  }

  /** Git failures become API errors naming the mirror (its folder name is the component id). */
  private async withGit<T>(gitDir: string, step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (error) {
      throw gitFailureToAppError(error, path.basename(gitDir, '.git'));
    }
  }
}

function isRegularFile(mode: string): boolean {
  const normalised = normaliseBlobMode(mode);
  return normalised === '100644' || normalised === '100755';
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Keep a value, least recently used first out. */
function keep<V>(cache: Map<string, V>, key: string, value: V, limit: number): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > limit) cache.delete(cache.keys().next().value!);
}

/** One computation per key, shared by concurrent callers; a failure is not kept, so the next call retries. */
function remember<V>(cache: Map<string, Promise<V>>, key: string, limit: number, compute: () => Promise<V>): Promise<V> {
  let pending = cache.get(key);
  if (!pending) {
    pending = compute();
    pending.catch(() => {
      if (cache.get(key) === pending) cache.delete(key);
    });
  }
  keep(cache, key, pending, limit);
  return pending;
}

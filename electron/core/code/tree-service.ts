import type { FileContent, TreeEntry } from '../../../shared/contract/code.js';
import { AppError } from '../../../shared/errors.js';
import { languageOfPath } from '../../../shared/domain/languages.js';
import { decodePathBytes, encodePathString } from '../../../shared/domain/path-bytes.js';
import { listTreeRecursive } from '../../git/ls-tree.js';
import { normaliseBlobMode, type RawTreeEntry } from '../../git/objects.js';
import { readBlobRange } from '../../git/read-blob-range.js';
import type { EncodingChoice } from '../../../shared/domain/text-encodings.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ReleaseService, ResolvedRelease } from './release-service.js';
import { pageBounds } from './page-bounds.js';
import { decodeText, looksBinary } from './text-decoding.js';

/** Files larger than this are shown from their first bytes; `page` reads the rest. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
export const PAGE_BYTES = 1024 * 1024;
/** How far past a page's end to look for the end of its last line. */
const LINE_SLACK = 64 * 1024;
/** A binary file's hex view shows its first 64 KiB. */
export const HEX_PREVIEW_BYTES = 64 * 1024;

/** How many full listings to keep: a tree never changes, and a reader goes back and forth between a few. */
const LISTINGS_KEPT = 4;

/** Reading a release: its full file list, and any one file in it. Never a checkout: only objects. */
export class TreeService {
  private readonly listings = new Map<string, Promise<readonly TreeEntry[]>>();

  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
  ) {}

  async list(component: string, ref: string): Promise<{ commit: string; tree: string; entries: readonly TreeEntry[] }> {
    const release = await this.releases.resolve(component, ref);
    return { commit: release.commit, tree: release.tree, entries: await this.listing(release.gitDir, release.tree) };
  }

  /** The entries of a tree object, kept by its id (content-addressed, so never stale); a failed listing is not kept. */
  private listing(gitDir: string, tree: string): Promise<readonly TreeEntry[]> {
    const key = `${gitDir}\0${tree}`;
    let listed = this.listings.get(key);
    if (listed) {
      this.listings.delete(key);
    } else {
      listed = listTreeRecursive(gitDir, tree).then((entries) => Object.freeze(entries));
      listed.catch(() => this.listings.delete(key));
    }
    this.listings.set(key, listed);
    while (this.listings.size > LISTINGS_KEPT) this.listings.delete(this.listings.keys().next().value!);
    return listed;
  }

  async read(component: string, ref: string, path: string, encoding: EncodingChoice = 'auto'): Promise<{ commit: string; file: FileContent }> {
    const release = await this.releases.resolve(component, ref);
    const entry = await this.lookup(release, path);
    const mode = normaliseBlobMode(entry.mode);
    const base = { path, oid: entry.oid, language: languageOfPath(path), truncated: false, encodingGuessed: false, preview: null };
    if (mode === '040000') throw new AppError('INVALID_INPUT', 'error.path.isDirectory', { component, ref, path });
    if (mode === '160000') {
      return { commit: release.commit, file: { ...base, mode, size: 0, kind: 'submodule', encoding: null, text: null, language: 'plaintext' } };
    }
    const info = await this.workspace.objects.info(release.gitDir, entry.oid);
    if (!info) throw new AppError('INTEGRITY', 'error.mirror.objectMissing', { oid: entry.oid, type: 'blob' });
    const large = info.size > MAX_TEXT_BYTES;
    const data = large ? (await readBlobRange(release.gitDir, entry.oid, 0, MAX_TEXT_BYTES)).data : (await this.workspace.objects.read(release.gitDir, entry.oid))?.data;
    if (!data) throw new AppError('INTEGRITY', 'error.mirror.objectMissing', { oid: entry.oid, type: 'blob' });
    if (mode === '120000') {
      const target = decodePathBytes(data);
      return { commit: release.commit, file: { ...base, mode, size: info.size, kind: 'symlink', encoding: 'utf-8', text: target, language: 'plaintext' } };
    }
    if (looksBinary(data)) {
      const preview = data.subarray(0, HEX_PREVIEW_BYTES).toString('base64');
      return { commit: release.commit, file: { ...base, mode, size: info.size, kind: 'binary', encoding: null, text: null, truncated: large, preview } };
    }
    const decoded = decodeText(data, encoding);
    return {
      commit: release.commit,
      file: { ...base, mode, size: info.size, kind: 'text', encoding: decoded.encoding, encodingGuessed: decoded.guessed, text: decoded.text, truncated: large },
    };
  }

  /**
   * One page of a file too large to show whole: about PAGE_BYTES, starting and ending on line boundaries,
   * with the number of its first line, so the viewer can number lines as in the whole file.
   */
  async page(component: string, ref: string, path: string, page: number, encoding: EncodingChoice = 'auto') {
    const release = await this.releases.resolve(component, ref);
    const entry = await this.lookup(release, path);
    const info = await this.workspace.objects.info(release.gitDir, entry.oid);
    if (!info || info.type !== 'blob') throw new AppError('INVALID_INPUT', 'error.path.notAFile', { component, ref, path });
    const pages = Math.max(1, Math.ceil(info.size / PAGE_BYTES));
    if (page >= pages) throw new AppError('NOT_FOUND', 'error.file.noSuchPage', { path, page: page + 1, pages });
    const from = page * PAGE_BYTES;
    const slice = await readBlobRange(release.gitDir, entry.oid, from, Math.min(info.size, from + PAGE_BYTES + LINE_SLACK));
    const bounds = pageBounds({ data: slice.data, from, size: info.size }, PAGE_BYTES, LINE_SLACK);
    const decoded = decodeText(slice.data.subarray(bounds.start, bounds.end), encoding);
    const firstLine = slice.newlinesBefore + (bounds.startsAfterNewline ? 1 : 0) + 1;
    return { page, pages, firstLine, text: decoded.text, encoding: decoded.encoding, size: info.size };
  }

  /** Walk the path one tree at a time, matching names as raw bytes. */
  private async lookup(release: ResolvedRelease, path: string): Promise<RawTreeEntry> {
    const segments = path.split('/');
    let treeOid = release.tree;
    for (let i = 0; i < segments.length; i++) {
      const wanted = Buffer.from(encodePathString(segments[i]!));
      const entries = await this.workspace.objects.readTree(release.gitDir, treeOid);
      const entry = entries.find((e) => e.name.equals(wanted));
      const last = i === segments.length - 1;
      if (!entry || (!last && normaliseBlobMode(entry.mode) !== '040000')) {
        throw new AppError('NOT_FOUND', 'error.path.notFound', { component: release.component.name, ref: release.refname ?? release.commit, path });
      }
      if (last) return entry;
      treeOid = entry.oid;
    }
    throw new AppError('NOT_FOUND', 'error.path.notFound', { component: release.component.name, ref: release.commit, path });
  }
}

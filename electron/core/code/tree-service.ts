import type { FileContent, TreeEntry } from '../../../shared/contract/code.js';
import { AppError } from '../../../shared/errors.js';
import { languageOfPath } from '../../../shared/domain/languages.js';
import { decodePathBytes, encodePathString } from '../../../shared/domain/path-bytes.js';
import { listTreeRecursive } from '../../git/ls-tree.js';
import { normaliseBlobMode, type RawTreeEntry } from '../../git/objects.js';
import { readBlobPrefix } from '../../git/read-blob-prefix.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ReleaseService, ResolvedRelease } from './release-service.js';
import { decodeText, looksBinary } from './text-decoding.js';

/** Files larger than this are shown from their first bytes only (paged viewing comes with the reader). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Reading a release: its full file list, and any one file in it. Never a checkout: only objects. */
export class TreeService {
  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
  ) {}

  async list(component: string, ref: string): Promise<{ commit: string; tree: string; entries: TreeEntry[] }> {
    const release = await this.releases.resolve(component, ref);
    const entries = await listTreeRecursive(release.gitDir, release.tree);
    return { commit: release.commit, tree: release.tree, entries };
  }

  async read(component: string, ref: string, path: string): Promise<{ commit: string; file: FileContent }> {
    const release = await this.releases.resolve(component, ref);
    const entry = await this.lookup(release, path);
    const mode = normaliseBlobMode(entry.mode);
    const base = { path, oid: entry.oid, language: languageOfPath(path), truncated: false };
    if (mode === '040000') throw new AppError('INVALID_INPUT', 'error.path.isDirectory', { component, ref, path });
    if (mode === '160000') {
      return { commit: release.commit, file: { ...base, mode, size: 0, kind: 'submodule', encoding: null, text: null, language: 'plaintext' } };
    }
    const info = await this.workspace.objects.info(release.gitDir, entry.oid);
    if (!info) throw new AppError('INTEGRITY', 'error.mirror.objectMissing', { oid: entry.oid, type: 'blob' });
    const large = info.size > MAX_TEXT_BYTES;
    const data = large
      ? await readBlobPrefix(release.gitDir, entry.oid, MAX_TEXT_BYTES)
      : (await this.workspace.objects.read(release.gitDir, entry.oid))?.data;
    if (!data) throw new AppError('INTEGRITY', 'error.mirror.objectMissing', { oid: entry.oid, type: 'blob' });
    if (mode === '120000') {
      const target = decodePathBytes(data);
      return { commit: release.commit, file: { ...base, mode, size: info.size, kind: 'symlink', encoding: 'utf-8', text: target, language: 'plaintext' } };
    }
    if (looksBinary(data)) {
      return { commit: release.commit, file: { ...base, mode, size: info.size, kind: 'binary', encoding: null, text: null, truncated: large } };
    }
    const decoded = decodeText(data);
    return { commit: release.commit, file: { ...base, mode, size: info.size, kind: 'text', encoding: decoded.encoding, text: decoded.text, truncated: large } };
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

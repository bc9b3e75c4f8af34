import { digestGitTree } from '../digest/git-tree-digest.js';

/** Recomputes a release's escrow-tree-v1 digest (verification needs only the digest, not the inventory). */
export interface ReleaseDigester {
  digest(gitDir: string, treeOid: string, options?: { signal?: AbortSignal }): Promise<string>;
}

export const gitTreeDigester: ReleaseDigester = {
  async digest(gitDir, treeOid, options = {}) {
    return (await digestGitTree(gitDir, treeOid, { signal: options.signal })).digest;
  },
};

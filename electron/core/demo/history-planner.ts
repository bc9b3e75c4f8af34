import type { DemoCommit, DemoComponent, DemoFileMode, DemoTag } from './platform-types.js';
import { DemoPlatformError } from './platform-loader.js';
import { readOverlay } from './overlay-reader.js';

/**
 * Replays a component's commits in memory: which branch each lands on, its parents and its complete
 * tree. Every rule of platform.json that needs history (new branches need "from", parents exist, dates
 * do not go backwards, deletes and modes name existing files…) is checked here, before git is started.
 */
export interface TreeEntry {
  mode: DemoFileMode;
  content: Buffer;
}

/** Path -> entry, for every file of a commit (not only the changed ones). */
export type Tree = ReadonlyMap<string, TreeEntry>;

export interface PlannedCommit {
  commit: DemoCommit;
  /** Position in the component's list; parents refer to these. */
  index: number;
  parents: number[];
  tree: Tree;
}

export interface PlannedTag {
  tag: DemoTag;
  commitIndex: number;
}

export interface ComponentPlan {
  component: DemoComponent;
  commits: PlannedCommit[];
  tags: PlannedTag[];
  /** Final tip of every branch. */
  branches: ReadonlyMap<string, number>;
}

export const MAIN_BRANCH = 'main';

export async function planComponent(component: DemoComponent): Promise<ComponentPlan> {
  const commits: PlannedCommit[] = [];
  const tags: PlannedTag[] = [];
  const branches = new Map<string, number>();
  const tagTargets = new Map<string, number>();

  const resolve = (ref: string, label: string, field: string): number => {
    const index = branches.get(ref) ?? tagTargets.get(ref);
    if (index === undefined) {
      throw new DemoPlatformError(`${label}: "${field}" names "${ref}", which is neither an existing branch nor an earlier tag`);
    }
    return index;
  };

  for (const commit of component.commits) {
    const { label } = commit;
    const tip = branches.get(commit.branch);
    const parents: number[] = [];
    if (tip !== undefined) {
      if (commit.from !== undefined) throw new DemoPlatformError(`${label}: branch "${commit.branch}" already exists; "from" is only for its first commit`);
      parents.push(tip);
    } else if (commit.from !== undefined) {
      parents.push(resolve(commit.from, label, 'from'));
    } else if (commits.length > 0) {
      throw new DemoPlatformError(`${label}: branch "${commit.branch}" is new; say where it starts with "from"`);
    }
    if (commit.merge !== undefined) {
      const merged = resolve(commit.merge, label, 'merge');
      if (parents.includes(merged)) throw new DemoPlatformError(`${label}: "merge" names a commit that is already the parent`);
      if (parents.length === 0) throw new DemoPlatformError(`${label}: a merge needs a branch to merge into`);
      parents.push(merged);
    }
    for (const parent of parents) {
      const parentCommit = commits[parent]!.commit;
      if (commit.date.epochSeconds < parentCommit.date.epochSeconds) {
        throw new DemoPlatformError(`${label}: dated ${commit.date.iso}, before its parent ${parentCommit.label} (${parentCommit.date.iso})`);
      }
    }

    // A merge's tree starts from the merged-in tip (what `git merge --no-ff` gives when the target did
    // not move); the overlay then carries anything else the merge commit changes.
    const baseIndex = parents.length === 2 ? parents[1] : parents[0];
    const base = baseIndex === undefined ? new Map<string, TreeEntry>() : commits[baseIndex]!.tree;
    const tree = await applyCommit(base, commit);
    if (parents.length === 1 && sameTree(tree, commits[parents[0]!]!.tree)) {
      throw new DemoPlatformError(`${label}: the commit changes nothing`);
    }

    const index = commits.length;
    commits.push({ commit, index, parents, tree });
    branches.set(commit.branch, index);
    for (const tag of commit.tags) {
      if (tag.date.epochSeconds < commit.date.epochSeconds) {
        throw new DemoPlatformError(`${label}: tag "${tag.name}" is dated ${tag.date.iso}, before its commit`);
      }
      if (branches.has(tag.name)) throw new DemoPlatformError(`${label}: tag "${tag.name}" has the name of a branch`);
      tagTargets.set(tag.name, index);
      tags.push({ tag, commitIndex: index });
    }
  }

  for (const name of branches.keys()) {
    if (tagTargets.has(name)) throw new DemoPlatformError(`component "${component.name}": "${name}" is both a branch and a tag`);
  }
  if (!branches.has(MAIN_BRANCH)) throw new DemoPlatformError(`component "${component.name}": no commit lands on "${MAIN_BRANCH}"`);
  return { component, commits, tags, branches };
}

async function applyCommit(base: Tree, commit: DemoCommit): Promise<Tree> {
  const { label } = commit;
  const tree = new Map(base);

  for (const target of commit.delete) {
    const prefix = `${target}/`;
    const doomed = [...tree.keys()].filter((p) => p === target || p.startsWith(prefix));
    if (doomed.length === 0) throw new DemoPlatformError(`${label}: cannot delete "${target}": no such file or folder`);
    for (const p of doomed) tree.delete(p);
  }

  if (commit.overlayDir) {
    const overlay = await readOverlay(commit.overlayDir, label);
    for (const [p, content] of overlay) {
      if (commit.delete.some((d) => p === d || p.startsWith(`${d}/`))) {
        throw new DemoPlatformError(`${label}: "${p}" is both deleted and added by the overlay`);
      }
      // A file keeps its mode when an overlay replaces its content (e.g. a symlink gets a new target).
      tree.set(p, { mode: tree.get(p)?.mode ?? '100644', content });
    }
  }

  for (const [p, mode] of Object.entries(commit.modes)) {
    const entry = tree.get(p);
    if (!entry) throw new DemoPlatformError(`${label}: mode given for "${p}", which is not in the commit's tree`);
    tree.set(p, { mode, content: entry.content });
  }

  checkTree(tree, label);
  return tree;
}

function checkTree(tree: Map<string, TreeEntry>, label: string): void {
  if (tree.size === 0) throw new DemoPlatformError(`${label}: the commit leaves no files`);
  for (const [p, entry] of tree) {
    // A file and a folder of the same name cannot both exist in a git tree.
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (tree.has(folder)) throw new DemoPlatformError(`${label}: "${folder}" is both a file and a folder`);
    }
    if (entry.mode === '120000') {
      const target = symlinkTarget(entry.content);
      if (target.length === 0 || target.includes(0) || target.includes(0x0a)) {
        throw new DemoPlatformError(`${label}: symbolic link "${p}" needs a one-line target`);
      }
    }
  }
}

/** The bytes git stores for a file: a symbolic link's target loses the line break an editor may add. */
export function blobContent(entry: TreeEntry): Buffer {
  return entry.mode === '120000' ? symlinkTarget(entry.content) : entry.content;
}

function symlinkTarget(content: Buffer): Buffer {
  return content.at(-1) === 0x0a ? content.subarray(0, content.length - 1) : content;
}

function sameTree(a: Tree, b: Tree): boolean {
  if (a.size !== b.size) return false;
  for (const [p, entry] of a) {
    const other = b.get(p);
    if (!other || other.mode !== entry.mode || !other.content.equals(entry.content)) return false;
  }
  return true;
}

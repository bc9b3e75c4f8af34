/**
 * The file tree of a release as the UI shows it: built once from the flat entry list, then flattened into
 * the rows currently visible (expanded folders, or everything matching a filter). Pure, so it is tested
 * without a browser, and fast enough for 100k files.
 */
export interface TreeNode {
  name: string;
  path: string;
  dir: boolean;
  children: TreeNode[];
  /** Files below this node (1 for a file). */
  files: number;
  mode: string | null;
}

export interface VisibleRow {
  node: TreeNode;
  depth: number;
  expanded: boolean;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function buildTree(entries: ReadonlyArray<{ path: string; mode: string }>): TreeNode {
  const root: TreeNode = { name: '', path: '', dir: true, children: [], files: 0, mode: null };
  const dirs = new Map<string, TreeNode>([['', root]]);
  const folder = (path: string): TreeNode => {
    let dir = dirs.get(path);
    if (dir) return dir;
    const slash = path.lastIndexOf('/');
    dir = { name: path.slice(slash + 1), path, dir: true, children: [], files: 0, mode: null };
    folder(slash === -1 ? '' : path.slice(0, slash)).children.push(dir);
    dirs.set(path, dir);
    return dir;
  };
  // Git lists a tree in path order, so files of one folder come together: look each folder up once per run.
  let lastFolderPath = '';
  let lastFolder = root;
  for (const entry of entries) {
    const slash = entry.path.lastIndexOf('/');
    const folderPath = slash === -1 ? '' : entry.path.slice(0, slash);
    if (folderPath !== lastFolderPath) {
      lastFolder = folder(folderPath);
      lastFolderPath = folderPath;
    }
    lastFolder.children.push({ name: entry.path.slice(slash + 1), path: entry.path, dir: false, children: [], files: 1, mode: entry.mode });
  }
  finish(root);
  return root;
}

function finish(node: TreeNode): number {
  if (!node.dir) return 1;
  node.children.sort((a, b) => (a.dir !== b.dir ? (a.dir ? -1 : 1) : collator.compare(a.name, b.name)));
  node.files = node.children.reduce((sum, child) => sum + finish(child), 0);
  return node.files;
}

export function visibleRows(root: TreeNode, expanded: ReadonlySet<string>, filter: string): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const needle = filter.trim().toLowerCase();
  if (needle === '') {
    const walk = (node: TreeNode, depth: number) => {
      for (const child of node.children) {
        const open = child.dir && expanded.has(child.path);
        rows.push({ node: child, depth, expanded: open });
        if (open) walk(child, depth + 1);
      }
    };
    walk(root, 0);
    return rows;
  }
  // Filtering: every matching file, under its folders, all shown open.
  const walk = (node: TreeNode, depth: number): boolean => {
    const start = rows.length;
    let any = false;
    for (const child of node.children) {
      if (child.dir) {
        const placeholder = rows.length;
        rows.push({ node: child, depth, expanded: true });
        if (!walk(child, depth + 1)) rows.length = placeholder;
        else any = true;
      } else if (child.path.toLowerCase().includes(needle)) {
        rows.push({ node: child, depth, expanded: false });
        any = true;
      }
    }
    if (!any) rows.length = start;
    return any;
  };
  walk(root, 0);
  return rows;
}

/** The folders to open so that `path` is visible. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTree, visibleRows } from '../../renderer/src/features/tree/tree-model.js';

const entries = ['src/b.ts', 'src/a.ts', 'src/util/z.ts', 'README.md', 'docs/guide.md', 'src/file10.ts', 'src/file9.ts'].map((path) => ({ path, mode: '100644' }));

describe('file tree model', () => {
  it('puts folders first, sorts names naturally and counts files per folder', () => {
    const root = buildTree(entries);
    expect(root.files).toBe(7);
    expect(root.children.map((c) => c.name)).toEqual(['docs', 'src', 'README.md']);
    const src = root.children[1]!;
    expect(src.files).toBe(5);
    expect(src.children.map((c) => c.name)).toEqual(['util', 'a.ts', 'b.ts', 'file9.ts', 'file10.ts']);
  });

  it('shows only expanded folders', () => {
    const root = buildTree(entries);
    expect(visibleRows(root, new Set(), '').map((r) => r.node.path)).toEqual(['docs', 'src', 'README.md']);
    expect(visibleRows(root, new Set(['src', 'src/util']), '').map((r) => [r.node.path, r.depth])).toEqual([
      ['docs', 0], ['src', 0], ['src/util', 1], ['src/util/z.ts', 2], ['src/a.ts', 1], ['src/b.ts', 1], ['src/file9.ts', 1], ['src/file10.ts', 1], ['README.md', 0],
    ]);
  });

  it('filters to matching files under their open folders', () => {
    const root = buildTree(entries);
    expect(visibleRows(root, new Set(), 'Z.T').map((r) => r.node.path)).toEqual(['src', 'src/util', 'src/util/z.ts']);
    expect(visibleRows(root, new Set(), 'nothing')).toEqual([]);
  });

  it('handles 100k files', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ path: `pkg${i % 100}/dir${i % 7}/file${i}.go`, mode: '100644' }));
    const root = buildTree(many);
    expect(root.files).toBe(100_000);
    expect(visibleRows(root, new Set(['pkg1']), '').length).toBe(100 + 7);
    expect(visibleRows(root, new Set(), 'file99999.go').map((r) => r.node.path)).toEqual(['pkg99', 'pkg99/dir4', 'pkg99/dir4/file99999.go']);
  });

  it('lists the folders that contain a path', () => {
    expect(ancestorsOf('a/b/c.txt')).toEqual(['a', 'a/b']);
    expect(ancestorsOf('top.txt')).toEqual([]);
  });
});

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TreeEntry } from '../../../../shared/contract/code.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { FileIcon } from './FileIcon.js';
import { ancestorsOf, buildTree, visibleRows } from './tree-model.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

const ROW_HEIGHT = 22;
const OVERSCAN = 12;

interface FileTreeProps {
  entries: readonly TreeEntry[];
  selectedPath: string | null;
  /** Review coverage per file path, when known: a mark shows fully and partly reviewed files. */
  coverage?: ReadonlyMap<string, { lines: number; reviewedLines: number }>;
  onOpen(path: string): void;
}

/** A virtualized file tree: only the rows in view exist in the DOM, so 100k files scroll smoothly. */
export function FileTree({ entries, selectedPath, coverage, onOpen }: FileTreeProps) {
  const { t } = useI18n();
  const root = useMemo(() => buildTree(entries), [entries]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState('');
  const [focusIndex, setFocusIndex] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const viewport = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => visibleRows(root, expanded, filter), [root, expanded, filter]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (selectedPath) setExpanded((current) => new Set([...current, ...ancestorsOf(selectedPath)]));
  }, [selectedPath]);

  const toggle = (path: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const activate = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setFocusIndex(index);
    if (row.node.dir) toggle(row.node.path);
    else onOpen(row.node.path);
  };

  const scrollIntoView = (index: number) => {
    const element = viewport.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[focusIndex];
    let next = focusIndex;
    if (event.key === 'ArrowDown') next = Math.min(rows.length - 1, focusIndex + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, focusIndex - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    else if (event.key === 'Enter') return activate(focusIndex);
    else if (event.key === 'ArrowRight' && row?.node.dir && !row.expanded) return toggle(row.node.path);
    else if (event.key === 'ArrowLeft' && row?.node.dir && row.expanded) return toggle(row.node.path);
    else return;
    event.preventDefault();
    setFocusIndex(next);
    scrollIntoView(next);
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  // Rows are keyed by their slot in a pool as large as the window, not by path: a row scrolled out at one end is
  // the element reused at the other, so scrolling updates a few texts instead of building and dropping elements.
  const pool = Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN + 2;

  return (
    <div className="file-tree">
      <input
        className="file-tree-filter"
        type="search"
        value={filter}
        placeholder={t('tree.filter')}
        aria-label={t('tree.filter')}
        onChange={(e) => setFilter(e.target.value)}
        data-testid="tree-filter"
      />
      <div className="file-tree-count">{t('tree.fileCount', { count: entries.length })}</div>
      <div
        ref={viewport}
        className="file-tree-viewport"
        role="tree"
        aria-label={t('tree.label')}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="file-tree"
      >
        {rows.length === 0 ? <div className="muted padded">{filter ? t('tree.noMatch') : t('tree.empty')}</div> : null}
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((row, offset) => {
            const index = first + offset;
            const node = row.node;
            return (
              <div
                key={index % pool}
                role="treeitem"
                aria-expanded={node.dir ? row.expanded : undefined}
                aria-selected={node.path === selectedPath}
                className={`tree-row${node.path === selectedPath ? ' selected' : ''}${index === focusIndex ? ' focused' : ''}`}
                style={{ top: index * ROW_HEIGHT, paddingLeft: 6 + row.depth * 14 }}
                title={visibleText(node.path)}
                data-testid="tree-row"
                data-path={node.path}
                onClick={() => activate(index)}
              >
                <span className="tree-twisty">{node.dir ? (row.expanded ? '▾' : '▸') : ''}</span>
                <FileIcon name={node.name} dir={node.dir} mode={node.mode} />
                <span className="tree-name">{visibleText(node.name)}</span>
                {node.dir ? <span className="tree-count">{node.files}</span> : <CoverageMark coverage={coverage?.get(node.path)} />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function CoverageMark({ coverage }: { coverage: { lines: number; reviewedLines: number } | undefined }) {
  const { t } = useI18n();
  if (!coverage || coverage.reviewedLines === 0) return null;
  const full = coverage.reviewedLines >= coverage.lines;
  return (
    <span className={`tree-reviewed ${full ? 'full' : 'partial'}`} title={t('review.fileCoverage', { reviewed: coverage.reviewedLines, lines: coverage.lines })} data-testid="tree-reviewed">
      {full ? '✓' : '◐'}
    </span>
  );
}

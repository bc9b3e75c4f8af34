import { lazy, Suspense, type ComponentProps } from 'react';
import type { CodeViewer as CodeViewerComponent } from './CodeViewer.js';
import type { DiffViewer as DiffViewerComponent } from './DiffViewer.js';

/**
 * Monaco is most of the renderer's weight. It loads apart from the first screen, so the app paints at
 * once, and is fetched while the reader looks at the component list, so the first file opens without a wait.
 */
const loadCodeViewer = () => import('./CodeViewer.js');
const loadDiffViewer = () => import('./DiffViewer.js');

const LazyCodeViewer = lazy(() => loadCodeViewer().then((module) => ({ default: module.CodeViewer })));
const LazyDiffViewer = lazy(() => loadDiffViewer().then((module) => ({ default: module.DiffViewer })));

function EditorLoading() {
  return <div className="code-viewer" data-testid="editor-loading" />;
}

export function CodeViewer(props: ComponentProps<typeof CodeViewerComponent>) {
  return (
    <Suspense fallback={<EditorLoading />}>
      <LazyCodeViewer {...props} />
    </Suspense>
  );
}

export function DiffViewer(props: ComponentProps<typeof DiffViewerComponent>) {
  return (
    <Suspense fallback={<EditorLoading />}>
      <LazyDiffViewer {...props} />
    </Suspense>
  );
}

/** Start fetching the editors once the first screen is up. */
export function preloadEditors(): void {
  void loadCodeViewer().catch(() => undefined);
  void loadDiffViewer().catch(() => undefined);
}

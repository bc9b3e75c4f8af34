import { useEffect, useState } from 'react';
import type { Navigator } from '../../app/navigation.js';
import type { Release } from '../../app/use-release.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FilePane } from '../../editor/FilePane.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReleasePicker } from '../releases/ReleasePicker.js';
import { FileTree } from '../tree/FileTree.js';
import { HistoryPanel } from './HistoryPanel.js';
import { useBlameNotes } from './use-blame-notes.js';

/** Reading one release: its picker and file tree in the middle, the chosen file on the right. */
export function CodeView({ navigator, release }: { navigator: Navigator; release: Release }) {
  const { t } = useI18n();
  const { place, go } = navigator;
  const { releases, tree, commit } = release;
  return (
    <>
      <section className="tree-column" aria-label={t('tree.label')}>
        {place.component ? (
          <ReleasePicker
            releases={releases.data?.releases ?? []}
            pinned={releases.data?.pinned ?? []}
            value={place.ref}
            onChange={(ref) => go({ ref, path: place.path, startLine: null, endLine: null })}
          />
        ) : null}
        {releases.error ? <ErrorNotice error={releases.error} /> : null}
        {tree.error ? <ErrorNotice error={tree.error} /> : null}
        {tree.data ? (
          <FileTree entries={tree.data.entries} selectedPath={place.path} onOpen={(path) => go({ path, startLine: null, endLine: null })} />
        ) : (
          <div className="muted padded">{place.component ? (tree.loading ? t('common.loading') : t('tree.chooseRelease')) : t('components.choose')}</div>
        )}
      </section>
      <section className="viewer-column" aria-label={t('viewer.label')}>
        {place.component && commit && place.path ? (
          <FileWithInsights component={place.component} commit={commit} path={place.path} navigator={navigator} />
        ) : (
          <div className="placeholder muted">{t('viewer.placeholder')}</div>
        )}
      </section>
    </>
  );
}

/** The file pane with blame (as line notes) and file history (a side panel) a click away. */
function FileWithInsights({ component, commit, path, navigator }: { component: string; commit: string; path: string; navigator: Navigator }) {
  const { t } = useI18n();
  const [blame, setBlame] = useState(false);
  const [history, setHistory] = useState(false);
  useEffect(() => setBlame(false), [component, commit, path]);
  const blameNotes = useBlameNotes(blame, component, commit, path);
  const tools = (
    <>
      <button type="button" aria-pressed={blame} className={blame ? 'active' : ''} onClick={() => setBlame(!blame)} data-testid="toggle-blame">
        {blameNotes.loading ? t('common.loading') : t('fileHistory.blame')}
      </button>
      <button type="button" aria-pressed={history} className={history ? 'active' : ''} onClick={() => setHistory(!history)} data-testid="toggle-history">
        {t('fileHistory.title')}
      </button>
    </>
  );
  return (
    <div className="file-with-insights">
      <div className="file-main">
        {blameNotes.error ? <ErrorNotice error={blameNotes.error} /> : null}
        <FilePane component={component} commit={commit} path={path} navigator={navigator} tools={tools} notes={blameNotes.notes} />
      </div>
      {history ? <HistoryPanel component={component} commit={commit} path={path} onOpen={(place) => navigator.go(place)} onClose={() => setHistory(false)} /> : null}
    </div>
  );
}

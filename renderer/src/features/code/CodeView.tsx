import { useEffect, useMemo, useState } from 'react';
import type { Navigator } from '../../app/navigation.js';
import type { Release } from '../../app/use-release.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FilePane } from '../../editor/FilePane.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReleasePicker } from '../releases/ReleasePicker.js';
import { FileTree } from '../tree/FileTree.js';
import { HistoryPanel } from './HistoryPanel.js';
import { useBlameNotes } from './use-blame-notes.js';
import { useCall } from '../../app/use-call.js';
import { CoverageSummary } from '../review/CoverageSummary.js';
import { ReviewTools, useFileReview } from '../review/use-file-review.js';
import { ThreadsPanel } from '../review/ThreadsPanel.js';
import { CriterionPicker } from '../review/CriterionPicker.js';
import { BUILT_IN_CRITERION, useReviewCriterion } from '../review/use-review-criterion.js';
import { FindingForm } from '../findings/FindingForm.js';

/** Reading one release: its picker and file tree in the middle, the chosen file on the right. */
export function CodeView({ navigator, release }: { navigator: Navigator; release: Release }) {
  const { t } = useI18n();
  const { place, go } = navigator;
  const { releases, tree, commit } = release;
  const choice = useReviewCriterion(place.component);
  const { criterion } = choice;
  // Only reviewed files are listed: the tree marks those, and a 100k-file release would otherwise send every file.
  const coverage = useCall('review.coverage', place.component && commit && criterion ? { component: place.component, ref: commit, criterion, files: 'reviewed' } : null);
  const fileCoverage = useMemo(() => new Map((coverage.data?.files ?? []).map((f) => [f.path, f])), [coverage.data]);
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
        <CriterionPicker choice={choice} coverage={coverage.data} />
        {coverage.error ? <ErrorNotice error={coverage.error} /> : null}
        {coverage.data ? <CoverageSummary coverage={coverage.data} /> : null}
        {tree.data ? (
          <FileTree entries={tree.data.entries} selectedPath={place.path} coverage={fileCoverage} onOpen={(path) => go({ path, startLine: null, endLine: null })} />
        ) : (
          <div className="muted padded">{place.component ? (tree.loading ? t('common.loading') : t('tree.chooseRelease')) : t('components.choose')}</div>
        )}
      </section>
      <section className="viewer-column" aria-label={t('viewer.label')}>
        {place.component && commit && place.path ? (
          <FileWithInsights component={place.component} commit={commit} path={place.path} criterion={criterion ?? BUILT_IN_CRITERION} navigator={navigator} onReviewed={coverage.reload} />
        ) : (
          <div className="placeholder muted">{t('viewer.placeholder')}</div>
        )}
      </section>
    </>
  );
}

interface FileWithInsightsProps {
  component: string;
  commit: string;
  path: string;
  /** The criterion marks are made against. */
  criterion: string;
  navigator: Navigator;
  onReviewed(): void;
}

/** The file pane with blame (line notes), history and threads (side panels) and review marks a click away. */
function FileWithInsights({ component, commit, path, criterion, navigator, onReviewed }: FileWithInsightsProps) {
  const { t } = useI18n();
  const [blame, setBlame] = useState(false);
  const [panel, setPanel] = useState<'history' | 'threads' | 'finding' | null>(null);
  const history = panel === 'history';
  const setHistory = (on: boolean) => setPanel(on ? 'history' : null);
  useEffect(() => setBlame(false), [component, commit, path]);
  const blameNotes = useBlameNotes(blame, component, commit, path);
  const review = useFileReview(component, commit, path, navigator, () => setPanel('threads'));
  const tools = (
    <>
      <ReviewTools
        review={review}
        criterion={criterion}
        panelOpen={panel === 'threads'}
        onTogglePanel={() => setPanel(panel === 'threads' ? null : 'threads')}
        onReviewed={onReviewed}
        onAddFinding={() => setPanel('finding')}
      />
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
        {review.error ? <ErrorNotice error={review.error} /> : null}
        <FilePane component={component} commit={commit} path={path} navigator={navigator} tools={tools} notes={blameNotes.notes} marks={review.marks} zones={review.zones} onGlyphClick={review.focusAt} />
      </div>
      {history ? <HistoryPanel component={component} commit={commit} path={path} onOpen={(place) => navigator.go(place)} onClose={() => setHistory(false)} /> : null}
      {panel === 'finding' ? (
        <aside className="side-panel" data-testid="finding-panel">
          <FindingForm
            key={`${path}:${review.selection?.startLine ?? 0}`}
            component={component}
            commit={commit}
            path={path}
            startLine={review.selection?.startLine}
            endLine={review.selection?.endLine}
            onDone={() => {
              setPanel(null);
              review.reload();
            }}
          />
        </aside>
      ) : null}
      {panel === 'threads' ? (
        <ThreadsPanel
          component={component}
          path={path}
          threads={review.threads}
          person={review.person}
          draft={review.draft ? { commit, path, ...review.draft } : null}
          focus={review.focus}
          onDraftDone={() => review.setDraft(null)}
          onChanged={review.reload}
          onOpen={(thread) => navigator.go({ path: thread.placement.path ?? thread.anchor.path, startLine: thread.placement.startLine ?? thread.anchor.startLine, endLine: thread.placement.endLine ?? thread.anchor.endLine })}
          onClose={() => setPanel(null)}
        />
      ) : null}
    </div>
  );
}

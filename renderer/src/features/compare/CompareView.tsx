import { useEffect, useMemo, useState } from 'react';
import type { FileChange } from '../../../../shared/contract/history.js';
import type { Release } from '../../app/use-release.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReleasePicker } from '../releases/ReleasePicker.js';
import { DiffThreadsPanel } from './DiffThreadsPanel.js';
import { FileDiff } from './FileDiff.js';
import { sideFiles, useDiffThreads } from './use-diff-threads.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

interface CompareViewProps {
  component: string;
  /** The release being read: compared against by default. */
  head: string | null;
  release: Release;
}

/**
 * What changed between two releases of a component: the files with their +/− counts and renames, and the
 * chosen file side by side or inline, with the threads of both releases' files (under the list, and on
 * each side of the diff). By default the base is the newest pinned release older than the head:
 * what was already read, so only the delta remains.
 */
export function CompareView({ component, head, release }: CompareViewProps) {
  const { t } = useI18n();
  const refs = release.releases.data;
  const defaultBase = useMemo(() => refs?.pinned.find((p) => p.commit !== head)?.commit ?? refs?.releases.find((r) => r.kind === 'tag' && r.commit !== head)?.refname ?? null, [refs, head]);
  const [base, setBase] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(head);
  const [selected, setSelected] = useState<FileChange | null>(null);
  const [sideBySide, setSideBySide] = useState(true);
  useEffect(() => setTo(head), [head]);
  const from = base ?? defaultBase;
  const diff = useCall('diff.files', from && to ? { component, from, to } : null);
  useEffect(() => setSelected(null), [from, to]);
  const files = selected && diff.data ? sideFiles(selected, diff.data.from.commit, diff.data.to.commit) : { left: null, right: null };
  const review = useDiffThreads(component, files.left, files.right);

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-bar">
        <ReleasePicker releases={refs?.releases ?? []} pinned={refs?.pinned ?? []} value={from} onChange={setBase} />
        <span className="compare-arrow">→</span>
        <ReleasePicker releases={refs?.releases ?? []} pinned={refs?.pinned ?? []} value={to} onChange={setTo} />
        <label className="toggle">
          <input type="checkbox" checked={sideBySide} onChange={(e) => setSideBySide(e.target.checked)} /> {t('compare.sideBySide')}
        </label>
        {diff.data ? (
          <span className="muted" data-testid="compare-totals">
            {t('compare.totals', diff.data.totals)}
          </span>
        ) : null}
      </div>
      {diff.error ? <ErrorNotice error={diff.error} /> : null}
      <div className="compare-body">
        <div className="compare-side">
          <ul className="changed-files" data-testid="changed-files">
            {diff.data?.files.length === 0 ? <li className="muted padded">{t('compare.same')}</li> : null}
            {diff.data?.files.map((file) => (
              <li key={`${file.oldPath ?? ''}>${file.path}`}>
                <button type="button" className={file === selected ? 'selected' : ''} onClick={() => setSelected(file)} data-testid="changed-file" data-path={file.path}>
                  <span className={`change-status change-${file.status}`}>{t(`compare.status.${file.status}`)}</span>
                  <span className="mono">{visibleText(file.oldPath && file.oldPath !== file.path ? `${file.oldPath} → ${file.path}` : file.path)}</span>
                  <span className="change-counts">{file.additions === null ? t('compare.binary') : `+${file.additions} −${file.deletions}`}</span>
                </button>
              </li>
            ))}
          </ul>
          {selected && review.panelOpen ? <DiffThreadsPanel component={component} review={review} /> : null}
        </div>
        <div className="compare-diff">
          {selected && from && to ? (
            <FileDiff component={component} from={from} to={to} change={selected} sideBySide={sideBySide} review={review} />
          ) : (
            <div className="placeholder muted">{t('compare.chooseFile')}</div>
          )}
        </div>
      </div>
    </div>
  );
}

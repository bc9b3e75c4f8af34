import { useEffect, useMemo, useState } from 'react';
import type { FileChange } from '../../../../shared/contract/history.js';
import type { Release } from '../../app/use-release.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { DiffViewer } from '../../editor/lazy-editors.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReleasePicker } from '../releases/ReleasePicker.js';

interface CompareViewProps {
  component: string;
  /** The release being read: compared against by default. */
  head: string | null;
  release: Release;
}

/**
 * What changed between two releases of a component: the files with their +/− counts and renames, and the
 * chosen file side by side or inline. By default the base is the newest pinned release older than the head:
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
        <ul className="changed-files" data-testid="changed-files">
          {diff.data?.files.length === 0 ? <li className="muted padded">{t('compare.same')}</li> : null}
          {diff.data?.files.map((file) => (
            <li key={`${file.oldPath ?? ''}>${file.path}`}>
              <button type="button" className={file === selected ? 'selected' : ''} onClick={() => setSelected(file)} data-testid="changed-file" data-path={file.path}>
                <span className={`change-status change-${file.status}`}>{t(`compare.status.${file.status}`)}</span>
                <span className="mono">{file.oldPath && file.oldPath !== file.path ? `${file.oldPath} → ${file.path}` : file.path}</span>
                <span className="change-counts">{file.additions === null ? t('compare.binary') : `+${file.additions} −${file.deletions}`}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="compare-diff">
          {selected && from && to ? <FileDiff component={component} from={from} to={to} change={selected} sideBySide={sideBySide} /> : <div className="placeholder muted">{t('compare.chooseFile')}</div>}
        </div>
      </div>
    </div>
  );
}

function FileDiff({ component, from, to, change, sideBySide }: { component: string; from: string; to: string; change: FileChange; sideBySide: boolean }) {
  const { t } = useI18n();
  const sides = useCall('diff.file', { component, from, to, path: change.path, ...(change.oldPath ? { oldPath: change.oldPath } : {}) });
  if (sides.error) return <ErrorNotice error={sides.error} />;
  if (!sides.data) return <div className="placeholder muted">{t('common.loading')}</div>;
  const { old: before, new: after } = sides.data;
  if (before?.kind === 'binary' || after?.kind === 'binary') return <div className="placeholder">{t('compare.binaryChange', { before: before?.size ?? 0, after: after?.size ?? 0 })}</div>;
  return (
    <DiffViewer
      original={before?.text ?? ''}
      modified={after?.text ?? ''}
      language={after?.language ?? before?.language ?? 'plaintext'}
      documentKey={`${from}:${to}:${change.path}`}
      sideBySide={sideBySide}
    />
  );
}

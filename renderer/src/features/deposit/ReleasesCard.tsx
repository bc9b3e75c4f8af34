import { useState } from 'react';
import type { PinnedRelease } from '../../../../shared/contract/deposits.js';
import type { ReleaseRef } from '../../../../shared/contract/code.js';
import type { WireError } from '../../../../shared/errors.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

interface ReleasesCardProps {
  releases: readonly PinnedRelease[];
  candidates: readonly ReleaseRef[];
  selected: number | null;
  pinning: boolean;
  error: WireError | null;
  onPin(ref: string): void;
  onSelect(releaseId: number): void;
}

/** Pinned releases with their escrow-tree-v1 digests, and pinning a tag or branch as a new release. */
export function ReleasesCard({ releases, candidates, selected, pinning, error, onPin, onSelect }: ReleasesCardProps) {
  const { t, locale } = useI18n();
  const [ref, setRef] = useState('');
  const choice = ref || candidates[0]?.refname || '';
  return (
    <section className="card" data-testid="releases-card">
      <header className="card-header">
        <h3>{t('deposit.releases')}</h3>
        <div className="inline-form">
          <select value={choice} onChange={(e) => setRef(e.target.value)} aria-label={t('release.label')} data-testid="pin-ref">
            {candidates.map((r) => (
              <option key={r.refname} value={r.refname}>
                {visibleText(r.name)}
              </option>
            ))}
          </select>
          <button type="button" disabled={pinning || choice === ''} onClick={() => onPin(choice)} data-testid="pin-button">
            {pinning ? t('deposit.pinning') : t('deposit.pin')}
          </button>
        </div>
      </header>
      {error ? <ErrorNotice error={error} /> : null}
      {releases.length === 0 ? <p className="muted">{t('deposit.noReleases')}</p> : null}
      {releases.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('release.label')}</th>
              <th>{t('deposit.digest')}</th>
              <th>{t('deposit.files')}</th>
              <th>{t('deposit.pinnedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((release) => (
              <tr key={release.id} className={release.id === selected ? 'selected' : ''} onClick={() => onSelect(release.id)} data-testid={`release-${release.id}`}>
                <td>
                  <div>{release.ref.replace(/^refs\/(tags|heads)\//, '')}</div>
                  <div className="mono muted small">{release.commit.slice(0, 12)}</div>
                </td>
                <td className="mono small digest" title={release.digest}>
                  {release.digest}
                </td>
                <td>{release.fileCount.toLocaleString(locale)}</td>
                <td className="small">
                  {release.pinnedBy}
                  <div className="muted">{new Date(release.pinnedAt).toLocaleString(locale)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

import type { PinnedRelease } from '../../../../shared/contract/deposits.js';
import type { ReleaseRef } from '../../../../shared/contract/code.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

interface ReleasePickerProps {
  releases: readonly ReleaseRef[];
  pinned: readonly PinnedRelease[];
  /** A ref name, or a commit id (a pinned release or a deep link). */
  value: string | null;
  onChange(ref: string): void;
}

const shortRef = (ref: string) => ref.replace(/^refs\/(tags|heads)\//, '');

/** Pinned releases first (what is reviewed and approved, by commit), then tags, then branches. */
export function ReleasePicker({ releases, pinned, value, onChange }: ReleasePickerProps) {
  const { t } = useI18n();
  const groups: Array<[string, Array<{ value: string; label: string }>]> = [
    [t('release.pinned'), pinned.map((p) => ({ value: p.commit, label: `${shortRef(p.ref)} · ${p.commit.slice(0, 8)} ✓` }))],
    [t('release.tags'), releases.filter((r) => r.kind === 'tag').map((r) => ({ value: r.refname, label: `${visibleText(r.name)} · ${r.commit.slice(0, 8)}` }))],
    [t('release.branches'), releases.filter((r) => r.kind === 'branch').map((r) => ({ value: r.refname, label: `${visibleText(r.name)} · ${r.commit.slice(0, 8)}` }))],
  ];
  const known = groups.some(([, options]) => options.some((o) => o.value === value));
  return (
    <label className="release-picker">
      <span className="label">{t('release.label')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid="release-picker" disabled={releases.length === 0}>
        {value === null ? <option value="">{releases.length === 0 ? t('release.none') : t('release.choose')}</option> : null}
        {value !== null && !known ? <option value={value}>{t('release.commit', { commit: value.slice(0, 12) })}</option> : null}
        {groups.map(([label, options]) =>
          options.length === 0 ? null : (
            <optgroup key={label} label={label}>
              {options.map((o) => (
                <option key={`${label}:${o.value}`} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </label>
  );
}

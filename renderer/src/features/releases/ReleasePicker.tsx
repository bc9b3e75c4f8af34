import type { ReleaseRef } from '../../../../shared/contract/code.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface ReleasePickerProps {
  releases: readonly ReleaseRef[];
  value: string | null;
  onChange(refname: string): void;
}

/** Tags first (the releases a vendor declares), then branches. */
export function ReleasePicker({ releases, value, onChange }: ReleasePickerProps) {
  const { t } = useI18n();
  const groups: Array<[string, ReleaseRef[]]> = [
    [t('release.tags'), releases.filter((r) => r.kind === 'tag')],
    [t('release.branches'), releases.filter((r) => r.kind === 'branch')],
  ];
  return (
    <label className="release-picker">
      <span className="label">{t('release.label')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid="release-picker" disabled={releases.length === 0}>
        {value === null ? <option value="">{releases.length === 0 ? t('release.none') : t('release.choose')}</option> : null}
        {groups.map(([label, refs]) =>
          refs.length === 0 ? null : (
            <optgroup key={label} label={label}>
              {refs.map((r) => (
                <option key={r.refname} value={r.refname}>
                  {r.name} · {r.commit.slice(0, 8)}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </label>
  );
}

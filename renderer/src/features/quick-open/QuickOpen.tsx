import { useMemo, useState } from 'react';
import { Highlighted, Picker } from '../../components/Picker.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { rankPaths } from './fuzzy.js';

/** Ctrl/Cmd+P: any file of the release by a few of its letters. */
export function QuickOpen({ paths, onOpen, onClose }: { paths: readonly string[]; onOpen(path: string): void; onClose(): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => rankPaths(query, paths, 50), [query, paths]);
  const items = matches.map((m) => {
    const slash = m.path.lastIndexOf('/');
    const name = m.path.slice(slash + 1);
    return {
      key: m.path,
      label: <Highlighted text={name} positions={m.positions.filter((p) => p > slash).map((p) => p - slash - 1)} />,
      detail: slash === -1 ? null : <Highlighted text={m.path.slice(0, slash)} positions={m.positions.filter((p) => p < slash)} />,
    };
  });
  return (
    <Picker
      placeholder={t('quickOpen.placeholder')}
      query={query}
      onQuery={setQuery}
      items={items}
      onPick={(path) => {
        onOpen(path);
        onClose();
      }}
      onClose={onClose}
      empty={t('quickOpen.none')}
      testId="quick-open"
    />
  );
}

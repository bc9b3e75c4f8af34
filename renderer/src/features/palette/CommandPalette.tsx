import { useMemo, useState } from 'react';
import { Highlighted, Picker } from '../../components/Picker.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { fuzzyMatch } from '../quick-open/fuzzy.js';

export interface PaletteCommand {
  id: string;
  title: string;
  keys?: string;
  run(): void;
}

/** Ctrl/Cmd+Shift+P: every action by name. */
export function CommandPalette({ commands, onClose }: { commands: readonly PaletteCommand[]; onClose(): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const items = useMemo(
    () =>
      commands
        .map((command) => ({ command, match: fuzzyMatch(query, command.title) }))
        .filter((x) => x.match !== null)
        .sort((a, b) => b.match!.score - a.match!.score)
        .map(({ command, match }) => ({ key: command.id, label: <Highlighted text={command.title} positions={match!.positions} />, detail: command.keys ?? null })),
    [commands, query],
  );
  return (
    <Picker
      placeholder={t('palette.placeholder')}
      query={query}
      onQuery={setQuery}
      items={items}
      onPick={(id) => {
        onClose();
        commands.find((c) => c.id === id)?.run();
      }}
      onClose={onClose}
      empty={t('palette.none')}
      testId="command-palette"
    />
  );
}

import { useState, type FormEvent } from 'react';
import type { SearchFile, SearchMatch } from '../../../../shared/contract/search.js';
import type { Place } from '../../app/navigation.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSearch } from './use-search.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

interface SearchViewProps {
  place: Place;
  commit: string | null;
  onOpen(place: Partial<Place>): void;
}

const globs = (text: string) =>
  text
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);

/** Search one release or every pinned release: literal or regex, case, whole word, path globs. */
export function SearchView({ place, commit, onOpen }: SearchViewProps) {
  const { t, locale } = useI18n();
  const { state, start, cancel, more } = useSearch();
  const [pattern, setPattern] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('');
  const [scope, setScope] = useState<'release' | 'pinned'>('release');
  const canRelease = place.component !== null && commit !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pattern) return;
    start({
      pattern,
      regex,
      caseSensitive,
      wholeWord,
      include: globs(include),
      exclude: globs(exclude),
      scope: scope === 'release' && canRelease ? { kind: 'release', component: place.component!, ref: commit! } : { kind: 'pinned' },
    });
  };

  return (
    <div className="search-view" data-testid="search-view">
      <form className="search-form" onSubmit={submit}>
        <input className="search-pattern" value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder={t('searchView.pattern')} aria-label={t('searchView.pattern')} data-testid="search-pattern" autoFocus />
        <label title={t('searchView.regexHelp')}>
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> .*
        </label>
        <label>
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Aa
        </label>
        <label>
          <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> {t('searchView.word')}
        </label>
        <select value={scope} onChange={(e) => setScope(e.target.value as 'release' | 'pinned')} aria-label={t('searchView.scope')} data-testid="search-scope">
          <option value="release" disabled={!canRelease}>
            {canRelease ? t('searchView.thisRelease', { component: place.component!, commit: commit!.slice(0, 8) }) : t('searchView.noRelease')}
          </option>
          <option value="pinned">{t('searchView.allPinned')}</option>
        </select>
        {state.running ? (
          <button type="button" onClick={cancel} data-testid="search-cancel">
            {t('common.cancel')}
          </button>
        ) : (
          <button type="submit" disabled={!pattern} data-testid="search-run">
            {t('searchView.search')}
          </button>
        )}
        <div className="search-globs">
          <input value={include} onChange={(e) => setInclude(e.target.value)} placeholder={t('searchView.include')} aria-label={t('searchView.include')} />
          <input value={exclude} onChange={(e) => setExclude(e.target.value)} placeholder={t('searchView.exclude')} aria-label={t('searchView.exclude')} />
        </div>
      </form>
      {state.error ? <ErrorNotice error={state.error} /> : null}
      <div className="search-summary" data-testid="search-summary" role="status">
        {state.running ? `${t('searchView.running')} ` : ''}
        {state.running || state.summary
          ? t('searchView.counts', { matches: state.totalMatches, files: state.totalFiles, matchesText: state.totalMatches.toLocaleString(locale), filesText: state.totalFiles.toLocaleString(locale) })
          : ''}
        {state.truncated ? ` ${t('searchView.truncated')}` : ''}
        {state.summary ? ` · ${t('searchView.duration', { seconds: (state.summary.durationMs / 1000).toFixed(2) })}` : ''}
      </div>
      <ul className="search-results">
        {state.files.map((file) => (
          <SearchResultFile key={`${file.component}:${file.commit}:${file.path}`} file={file} onOpen={onOpen} />
        ))}
      </ul>
      {state.files.length < state.totalFiles ? (
        <button type="button" className="more" onClick={() => void more()}>
          {t('searchView.more', { count: state.totalFiles - state.files.length })}
        </button>
      ) : null}
    </div>
  );
}

function SearchResultFile({ file, onOpen }: { file: SearchFile; onOpen: SearchViewProps['onOpen'] }) {
  const { t } = useI18n();
  return (
    <li className="search-file" data-testid="search-file" data-path={file.path}>
      <div className="search-file-head">
        <span className="mono">{visibleText(file.path)}</span>
        <span className="muted small">
          {file.component}@{/^[0-9a-f]{40,64}$/.test(file.ref) ? file.ref.slice(0, 10) : file.ref.replace(/^refs\/(tags|heads)\//, '')}
        </span>
        <span className="pill">{file.matchCount}</span>
      </div>
      <ul>
        {file.matches.map((match) => (
          <li key={`${match.line}:${match.column}`}>
            <button
              type="button"
              className="search-match"
              onClick={() => onOpen({ component: file.component, ref: file.commit, path: file.path, startLine: match.line, endLine: null })}
              data-testid="search-match"
            >
              <span className="line-number">{match.line}</span>
              <MatchText match={match} />
            </button>
          </li>
        ))}
        {file.matchCount > file.matches.length ? <li className="muted small">{t('searchView.moreInFile', { count: file.matchCount - file.matches.length })}</li> : null}
      </ul>
    </li>
  );
}

/** The matched line with the match emphasised; all of it plain text. */
function MatchText({ match }: { match: SearchMatch }) {
  const from = Math.max(0, match.column - 1 - match.textStart);
  const to = from + match.length;
  return (
    <span className="mono match-text">
      {visibleText(match.text.slice(0, from), { keepLines: true })}
      <mark>{visibleText(match.text.slice(from, to), { keepLines: true })}</mark>
      {visibleText(match.text.slice(to), { keepLines: true })}
    </span>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { ENCODING_CHOICES, type EncodingChoice } from '../../../shared/domain/text-encodings.js';
import { placeLocation, placeUrl, type Navigator } from '../app/navigation.js';
import { useCall } from '../app/use-call.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { LineNote } from './CodeViewer.js';
import type { LineMark, LineRange, LineZone } from './line-annotations.js';
import { CodeViewer } from './lazy-editors.js';
import { base64ToBytes, hexDump } from './hex-dump.js';
import { PagedText } from './PagedText.js';
import { visibleText } from '../../../shared/domain/visible-text.js';

interface FilePaneProps {
  component: string;
  commit: string;
  path: string;
  navigator: Navigator;
  /** Extra buttons for the header (blame, history…). */
  tools?: React.ReactNode;
  notes?: readonly LineNote[];
  marks?: readonly LineMark[];
  zones?: readonly LineZone[];
  /** A click on the gutter's marks, with the line clicked. */
  onGlyphClick?(line: number): void;
}

/** The file's header (path, size, language, encoding, links, back/forward) and its content. */
export function FilePane({ component, commit, path, navigator, tools, notes, marks, zones, onGlyphClick }: FilePaneProps) {
  const { t, locale } = useI18n();
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => setEncoding('auto'), [component, commit, path]);
  const result = useCall('file.read', { component, ref: commit, path, encoding });
  const { place, go } = navigator;
  const reveal = place.startLine === null ? null : { start: place.startLine, end: place.endLine ?? place.startLine };
  const onSelectLines = (range: LineRange | null) => go({ startLine: range?.start ?? null, endLine: range && range.end !== range.start ? range.end : null }, { replace: true });
  const location = placeLocation(place, commit);
  const file = result.data?.file ?? null;
  const hex = useMemo(() => (file?.kind === 'binary' && file.preview ? hexDump(base64ToBytes(file.preview)) : null), [file]);

  const copy = async (text: string, what: string) => {
    await copyToClipboard(text);
    setCopied(what);
    setTimeout(() => setCopied(null), 1500);
  };

  return (
    <div className="file-pane">
      <div className="file-header" data-testid="file-header">
        <span className="nav-buttons">
          <button type="button" className="icon-button" disabled={!navigator.canBack} onClick={navigator.back} title={t('nav.back')} aria-label={t('nav.back')} data-testid="nav-back">
            ←
          </button>
          <button type="button" className="icon-button" disabled={!navigator.canForward} onClick={navigator.forward} title={t('nav.forward')} aria-label={t('nav.forward')}>
            →
          </button>
        </span>
        <span className="file-path">{visibleText(path)}</span>
        {file ? (
          <span className="file-meta">
            {t('viewer.meta', { size: file.size, sizeText: file.size.toLocaleString(locale), language: file.language, encoding: file.encoding ?? '—' })}
          </span>
        ) : null}
        {file?.kind === 'text' ? (
          <select
            className={file.encodingGuessed ? 'guessed' : ''}
            value={encoding}
            onChange={(e) => setEncoding(e.target.value as EncodingChoice)}
            title={file.encodingGuessed ? t('viewer.encodingGuessed', { encoding: file.encoding ?? '' }) : t('viewer.encoding')}
            aria-label={t('viewer.encoding')}
            data-testid="encoding-picker"
          >
            {ENCODING_CHOICES.map((e) => (
              <option key={e} value={e}>
                {e === 'auto' ? t('viewer.encodingAuto', { encoding: file.encoding ?? '' }) : e}
              </option>
            ))}
          </select>
        ) : null}
        {tools}
        {location ? (
          <>
            <button type="button" onClick={() => void copy(placeUrl(location), 'link')} title={location} data-testid="copy-link">
              {copied === 'link' ? t('viewer.copied') : t('viewer.copyLink')}
            </button>
            <button type="button" onClick={() => void copy(location, 'location')} title={location}>
              {copied === 'location' ? t('viewer.copied') : t('viewer.copyLocation')}
            </button>
          </>
        ) : null}
      </div>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      {!file ? <div className="placeholder muted">{result.loading ? t('common.loading') : ''}</div> : null}
      {file?.kind === 'text' && !file.truncated ? (
        <CodeViewer text={file.text ?? ''} language={file.language} documentKey={`${file.oid}:${path}:${file.encoding}`} reveal={reveal} onSelectLines={onSelectLines} notes={notes} marks={marks} zones={zones} onGlyphClick={onGlyphClick} />
      ) : null}
      {file?.kind === 'text' && file.truncated ? (
        <>
          <div className="notice">{t('viewer.paged', { sizeText: file.size.toLocaleString(locale) })}</div>
          <PagedText
            key={`${commit}:${path}`}
            component={component}
            commit={commit}
            path={path}
            language={file.language}
            // Every page in the encoding found in the file's start (or chosen), not guessed again page by page.
            encoding={encoding === 'auto' ? (file.encoding ?? 'auto') : encoding}
            onSelectLines={onSelectLines}
          />
        </>
      ) : null}
      {file?.kind === 'symlink' ? (
        <>
          <div className="notice">{t('viewer.symlink')}</div>
          <CodeViewer text={file.text ?? ''} language="plaintext" documentKey={`${file.oid}:${path}`} />
        </>
      ) : null}
      {file?.kind === 'binary' ? (
        <>
          <div className="notice" data-testid="file-not-text">
            {t('viewer.binary', { size: file.size })} {file.size > 65536 ? t('viewer.hexFirst') : ''}
          </div>
          <CodeViewer text={hex ?? ''} language="plaintext" documentKey={`${file.oid}:hex`} />
        </>
      ) : null}
      {file?.kind === 'submodule' ? (
        <div className="placeholder" data-testid="file-not-text">
          {t('viewer.submodule', { oid: file.oid })}
        </div>
      ) : null}
    </div>
  );
}

/** The clipboard where the browser allows it (a secure context); a hidden text field otherwise. */
async function copyToClipboard(text: string): Promise<void> {
  try {
    await window.navigator.clipboard.writeText(text);
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    document.body.appendChild(field);
    field.select();
    document.execCommand('copy');
    field.remove();
  }
}

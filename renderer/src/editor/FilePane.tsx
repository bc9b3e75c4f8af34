import type { FileContent } from '../../../shared/contract/code.js';
import type { WireError } from '../../../shared/errors.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useI18n } from '../i18n/i18n-context.js';
import { CodeViewer } from './CodeViewer.js';

interface FilePaneProps {
  file: FileContent | null;
  loading: boolean;
  error: WireError | null;
}

/** The right-hand side: the file's header and its content, or what stands in for content it cannot show. */
export function FilePane({ file, loading, error }: FilePaneProps) {
  const { t, locale } = useI18n();
  if (error) return <ErrorNotice error={error} />;
  if (!file) return <div className="placeholder muted">{loading ? t('common.loading') : t('viewer.placeholder')}</div>;
  const size = file.size.toLocaleString(locale);
  return (
    <div className="file-pane">
      <div className="file-header" data-testid="file-header">
        <span className="file-path">{file.path}</span>
        <span className="file-meta">
          {t('viewer.meta', { size: file.size, sizeText: size, language: file.language, encoding: file.encoding ?? '—' })}
        </span>
      </div>
      {file.truncated ? <div className="notice">{t('viewer.truncated', { size: file.size })}</div> : null}
      {file.kind === 'text' || file.kind === 'symlink' ? (
        <>
          {file.kind === 'symlink' ? <div className="notice">{t('viewer.symlink')}</div> : null}
          <CodeViewer text={file.text ?? ''} language={file.language} documentKey={`${file.oid}:${file.path}`} />
        </>
      ) : (
        <div className="placeholder" data-testid="file-not-text">
          {file.kind === 'binary' ? t('viewer.binary', { size: file.size }) : t('viewer.submodule', { oid: file.oid })}
        </div>
      )}
    </div>
  );
}

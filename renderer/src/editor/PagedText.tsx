import { useState } from 'react';
import type { EncodingChoice } from '../../../shared/domain/text-encodings.js';
import { useCall } from '../app/use-call.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { LineRange } from './line-annotations.js';
import { CodeViewer } from './lazy-editors.js';

interface PagedTextProps {
  component: string;
  commit: string;
  path: string;
  language: string;
  encoding: EncodingChoice;
  onSelectLines(range: LineRange | null): void;
}

/** A file over 5 MB, one page (about 1 MiB, whole lines) at a time, numbered as in the whole file. */
export function PagedText({ component, commit, path, language, encoding, onSelectLines }: PagedTextProps) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const result = useCall('file.page', { component, ref: commit, path, page, encoding });
  const data = result.data;
  return (
    <div className="paged-text" data-testid="paged-text">
      <div className="pager-bar">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} aria-label={t('viewer.previousPage')}>
          ←
        </button>
        <span>{data ? t('viewer.pageOf', { page: page + 1, pages: data.pages, line: data.firstLine }) : t('common.loading')}</span>
        <button type="button" disabled={!data || page + 1 >= data.pages} onClick={() => setPage(page + 1)} aria-label={t('viewer.nextPage')}>
          →
        </button>
      </div>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      {data ? <CodeViewer text={data.text} language={language} documentKey={`${commit}:${path}:${page}`} firstLine={data.firstLine} onSelectLines={onSelectLines} /> : null}
    </div>
  );
}

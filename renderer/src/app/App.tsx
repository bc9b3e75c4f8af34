import { useCallback, useEffect, useMemo, useState } from 'react';
import { ComponentList } from '../features/components/ComponentList.js';
import { DepositPage } from '../features/deposit/DepositPage.js';
import { CredentialsPage } from '../features/settings/CredentialsPage.js';
import { ReleasePicker } from '../features/releases/ReleasePicker.js';
import { SyncBar } from '../features/sync/SyncBar.js';
import { useSync } from '../features/sync/use-sync.js';
import { FileTree } from '../features/tree/FileTree.js';
import { FilePane } from '../editor/FilePane.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LanguageSwitcher } from '../components/LanguageSwitcher.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from './api-context.js';
import { useCall } from './use-call.js';

const VIEWS = ['code', 'deposit', 'settings'] as const;
type View = (typeof VIEWS)[number];

/** The app shell: components on the left; a release's tree and file, the deposit page, or settings. */
export function App() {
  const api = useApi();
  const { t } = useI18n();
  const info = useCall('app.info', {});
  const components = useCall('component.list', {});
  const [component, setComponent] = useState<string | null>(null);
  const [ref, setRef] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [view, setView] = useState<View>('code');

  const reloadComponents = components.reload;
  useEffect(() => api.subscribe((event) => event.type === 'changed' && reloadComponents()), [api, reloadComponents]);
  const sync = useSync(useCallback(() => reloadComponents(), [reloadComponents]));

  const list = components.data?.components ?? [];
  useEffect(() => {
    if (component === null && list.length > 0) setComponent(list[0]!.name);
  }, [component, list]);

  const releases = useCall('release.list', component ? { component } : null);
  useEffect(() => {
    const data = releases.data;
    if (!data || (ref !== null && data.releases.some((r) => r.refname === ref))) return;
    const preferred = data.releases.find((r) => r.refname === data.defaultRef) ?? data.releases[0];
    setRef(preferred?.refname ?? null);
  }, [releases.data, ref]);

  const tree = useCall('tree.list', component && ref ? { component, ref } : null);
  const commit = tree.data?.commit ?? null;
  // Files are read by commit id, so what is shown always belongs to the tree on screen.
  const file = useCall('file.read', component && commit && path ? { component, ref: commit, path } : null);
  const syncing = useMemo(() => new Set(sync.active ? (sync.active.components ?? list.map((c) => c.name)) : []), [sync.active, list]);

  const chooseComponent = (name: string) => {
    if (name === component) return;
    setComponent(name);
    setRef(null);
    setPath(null);
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        {info.data ? (
          <span className="muted workspace-path" title={info.data.workspace}>
            {t('app.workspace', { path: info.data.workspace })}
          </span>
        ) : null}
        {info.data?.face === 'web' ? <span className="badge-web">{t('app.webMode')}</span> : null}
        <nav className="view-tabs" aria-label={t('app.views')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" className={v === view ? 'active' : ''} aria-pressed={v === view} onClick={() => setView(v)} data-testid={`view-${v}`}>
              {t(`app.view.${v}`)}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <LanguageSwitcher />
      </header>
      <SyncBar active={sync.active} results={sync.results} error={sync.error} onCancel={sync.cancel} onDismiss={sync.dismiss} />
      <main className="columns">
        <nav className="sidebar" aria-label={t('components.title')}>
          <div className="section-title">
            <span>{t('components.title')}</span>
            <button type="button" onClick={() => sync.start(null)} disabled={sync.active !== null || list.length === 0} data-testid="sync-all">
              {t('sync.all')}
            </button>
          </div>
          {components.error ? <ErrorNotice error={components.error} /> : null}
          <ComponentList components={list} selected={component} syncing={syncing} onSelect={chooseComponent} onSync={(name) => sync.start([name])} />
        </nav>
        {view === 'deposit' ? (
          <section className="wide-column">{component ? <DepositPage key={component} component={component} /> : <div className="placeholder muted">{t('components.choose')}</div>}</section>
        ) : null}
        {view === 'settings' ? (
          <section className="wide-column">
            <CredentialsPage face={info.data?.face ?? 'web'} />
          </section>
        ) : null}
        {view === 'code' ? (
          <>
        <section className="tree-column" aria-label={t('tree.label')}>
          {component ? (
            <ReleasePicker
              releases={releases.data?.releases ?? []}
              value={ref}
              onChange={(next) => {
                setRef(next);
                setPath(null);
              }}
            />
          ) : null}
          {releases.error ? <ErrorNotice error={releases.error} /> : null}
          {tree.error ? <ErrorNotice error={tree.error} /> : null}
          {tree.data ? (
            <FileTree entries={tree.data.entries} selectedPath={path} onOpen={setPath} />
          ) : (
            <div className="muted padded">{component ? (tree.loading ? t('common.loading') : t('tree.chooseRelease')) : t('components.choose')}</div>
          )}
        </section>
        <section className="viewer-column" aria-label={t('viewer.label')}>
          <FilePane file={file.data?.file ?? null} loading={file.loading} error={file.error} />
        </section>
          </>
        ) : null}
      </main>
    </div>
  );
}

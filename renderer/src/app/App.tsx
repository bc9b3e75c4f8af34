import { useCallback, useEffect, useMemo, useState } from 'react';
import { LOCALES } from '../../../shared/i18n/index.js';
import { ComponentList } from '../features/components/ComponentList.js';
import { CodeView } from '../features/code/CodeView.js';
import { CompareView } from '../features/compare/CompareView.js';
import { SearchView } from '../features/search/SearchView.js';
import { FindingsView } from '../features/findings/FindingsView.js';
import { DashboardView } from '../features/dashboard/DashboardView.js';
import { DepositPage } from '../features/deposit/DepositPage.js';
import { GateView } from '../features/trust/GateView.js';
import { RosterView } from '../features/trust/RosterView.js';
import { AuditView } from '../features/trust/AuditView.js';
import { LedgerView } from '../features/ledger/LedgerView.js';
import { CommandPalette, type PaletteCommand } from '../features/palette/CommandPalette.js';
import { QuickOpen } from '../features/quick-open/QuickOpen.js';
import { CredentialsPage } from '../features/settings/CredentialsPage.js';
import { SyncBar } from '../features/sync/SyncBar.js';
import { useSync } from '../features/sync/use-sync.js';
import { AddComponentForm } from '../features/components/AddComponentForm.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LanguageSwitcher } from '../components/LanguageSwitcher.js';
import { PersonSwitcher } from '../components/PersonSwitcher.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from './api-context.js';
import { placeLocation, useAddressBar, useNavigator, type Place } from './navigation.js';
import { useCall } from './use-call.js';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.js';
import { useRelease } from './use-release.js';
import { goToLine } from '../editor/active-editor.js';
import { preloadEditors } from '../editor/lazy-editors.js';

export const VIEWS = ['dashboard', 'code', 'search', 'compare', 'findings', 'gate', 'deposit', 'roster', 'audit', 'ledger', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** The app shell: components on the left; a release's tree and file, the deposit page, or settings. */
export function App() {
  const api = useApi();
  const { t, setLocale } = useI18n();
  const info = useCall('app.info', {});
  const components = useCall('component.list', {});
  const navigator = useNavigator();
  const { place, go } = navigator;
  const release = useRelease(navigator);
  const [view, setView] = useState<View>('code');
  const [overlay, setOverlay] = useState<'quick-open' | 'palette' | null>(null);
  const [adding, setAdding] = useState(false);
  useAddressBar(release.tree.loading ? undefined : placeLocation(place, release.commit));

  const reloadComponents = components.reload;
  useEffect(() => api.subscribe((event) => event.type === 'changed' && reloadComponents()), [api, reloadComponents]);
  const reloadReleases = release.releases.reload;
  // After a sync the component's refs may be new (a component mirrored for the first time has had none).
  const sync = useSync(
    useCallback(() => {
      reloadComponents();
      reloadReleases();
    }, [reloadComponents, reloadReleases]),
  );

  const list = components.data?.components ?? [];
  // The editors load once the first screen is complete (the list, and a tree when there is one to show).
  const firstScreenShown = components.data !== null && (list.length === 0 || release.tree.data !== null || release.tree.error !== null);
  useEffect(() => {
    const timer = window.setTimeout(() => window.requestIdleCallback(preloadEditors, { timeout: 1000 }), firstScreenShown ? 0 : 4000);
    return () => window.clearTimeout(timer);
  }, [firstScreenShown]);
  useEffect(() => {
    if (place.component === null && list.length > 0) go({ component: list[0]!.name }, { replace: true });
  }, [place.component, list, go]);
  const syncing = useMemo(() => new Set(sync.active ? (sync.active.components ?? list.map((c) => c.name)) : []), [sync.active, list]);

  /** Search results and findings open their lines in the Code view. */
  const openInCode = (target: Partial<Place>) => {
    go(target);
    setView('code');
  };

  const chooseComponent = (name: string) => {
    if (name !== place.component) go({ component: name, ref: null, path: null, startLine: null, endLine: null });
  };

  const commands = useMemo<PaletteCommand[]>(
    () => [
      { id: 'quick-open', title: t('command.goToFile'), keys: 'Ctrl+P', run: () => setOverlay('quick-open') },
      { id: 'go-to-line', title: t('command.goToLine'), keys: 'Ctrl+G', run: () => setTimeout(goToLine, 0) },
      { id: 'search', title: t('command.search'), keys: 'Ctrl+Shift+F', run: () => setView('search') },
      { id: 'back', title: t('nav.back'), keys: 'Alt+←', run: navigator.back },
      { id: 'forward', title: t('nav.forward'), keys: 'Alt+→', run: navigator.forward },
      ...VIEWS.map((v) => ({ id: `view-${v}`, title: t('command.showView', { view: t(`app.view.${v}`) }), run: () => setView(v) })),
      { id: 'sync-all', title: t('sync.all'), run: () => sync.start(null) },
      ...(place.component ? [{ id: 'sync-one', title: t('sync.one', { component: place.component }), run: () => sync.start([place.component!]) }] : []),
      ...LOCALES.map((l) => ({ id: `lang-${l}`, title: t('command.language', { language: t(`language.${l}`) }), run: () => setLocale(l) })),
    ],
    [t, navigator.back, navigator.forward, sync, place.component, setLocale],
  );

  useKeyboardShortcuts({
    search: () => setView('search'),
    quickOpen: () => setOverlay('quick-open'),
    palette: () => setOverlay('palette'),
    back: navigator.back,
    forward: navigator.forward,
  });

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
        <button type="button" className="topbar-button" onClick={() => setOverlay('palette')} title="Ctrl+Shift+P" data-testid="open-palette">
          {t('command.palette')}
        </button>
        {info.data ? <PersonSwitcher person={info.data.person} onChanged={() => window.location.reload()} /> : null}
        <LanguageSwitcher />
      </header>
      <SyncBar active={sync.active} results={sync.results} error={sync.error} onCancel={sync.cancel} onDismiss={sync.dismiss} />
      <main className="columns">
        <nav className="sidebar" aria-label={t('components.title')}>
          <div className="section-title">
            <span>{t('components.title')}</span>
            <span className="section-buttons">
              <button type="button" onClick={() => setAdding((open) => !open)} aria-expanded={adding} title={t('components.add.title')} data-testid="component-add-open">
                {t('components.add.open')}
              </button>
              <button type="button" onClick={() => sync.start(null)} disabled={sync.active !== null || list.length === 0} data-testid="sync-all">
                {t('sync.all')}
              </button>
            </span>
          </div>
          {adding ? (
            <AddComponentForm
              onClose={() => setAdding(false)}
              onAdded={(name, mirrorNow) => {
                setAdding(false);
                reloadComponents();
                go({ component: name, ref: null, path: null, startLine: null, endLine: null });
                if (mirrorNow) sync.start([name]);
              }}
            />
          ) : null}
          {components.error ? <ErrorNotice error={components.error} /> : null}
          <ComponentList components={list} selected={place.component} syncing={syncing} onSelect={chooseComponent} onSync={(name) => sync.start([name])} />
        </nav>
        {view === 'code' ? <CodeView navigator={navigator} release={release} /> : null}
        {view === 'search' ? (
          <section className="wide-column">
            <SearchView
              place={place}
              commit={release.commit}
              onOpen={openInCode}
            />
          </section>
        ) : null}
        {view === 'compare' ? (
          <section className="wide-column">
            {place.component ? <CompareView key={place.component} component={place.component} head={release.commit} release={release} /> : <div className="placeholder muted">{t('components.choose')}</div>}
          </section>
        ) : null}
        {view === 'findings' ? (
          <section className="wide-column">
            <FindingsView
              component={place.component}
              commit={release.commit}
              onOpen={openInCode}
            />
          </section>
        ) : null}
        {view === 'dashboard' ? (
          <section className="wide-column">
            <DashboardView
              onOpenComponent={(name) => {
                chooseComponent(name);
                setView('code');
              }}
              onOpenGate={(name, commit) => {
                go({ component: name, ref: commit, path: null, startLine: null, endLine: null });
                setView('gate');
              }}
            />
          </section>
        ) : null}
        {view === 'gate' ? (
          <section className="wide-column">
            <GateView component={place.component} gateRef={place.ref} release={release} person={info.data?.person ?? null} onChooseRelease={(ref) => go({ ref, path: null, startLine: null, endLine: null })} />
          </section>
        ) : null}
        {view === 'roster' ? (
          <section className="wide-column">
            <RosterView components={list.map((c) => c.name)} component={place.component} />
          </section>
        ) : null}
        {view === 'audit' ? (
          <section className="wide-column">
            <AuditView />
          </section>
        ) : null}
        {view === 'ledger' ? (
          <section className="wide-column">
            <LedgerView />
          </section>
        ) : null}
        {view === 'deposit' ? (
          <section className="wide-column">{place.component ? <DepositPage key={place.component} component={place.component} /> : <div className="placeholder muted">{t('components.choose')}</div>}</section>
        ) : null}
        {view === 'settings' ? (
          <section className="wide-column">
            <CredentialsPage face={info.data?.face ?? 'web'} />
          </section>
        ) : null}
      </main>
      {/* Only once the chosen release's tree is in: never offer the previous release's paths. */}
      {overlay === 'quick-open' && release.tree.data && !release.tree.loading ? (
        <QuickOpen
          paths={release.tree.data.entries.map((e) => e.path)}
          onOpen={(path) => {
            setView('code');
            go({ path, startLine: null, endLine: null });
          }}
          onClose={() => setOverlay(null)}
        />
      ) : null}
      {overlay === 'palette' ? <CommandPalette commands={commands} onClose={() => setOverlay(null)} /> : null}
    </div>
  );
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  WINDOW_OPEN_DECISION,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  resolveAppUrl,
  windowSettings,
} from '../../electron/main/security-config.js';

/** Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item. */
describe('Electron window configuration', () => {
  const settings = windowSettings('/app/preload.cjs', 'Escrow Workbench');
  const prefs = settings.webPreferences;

  it('isolates the renderer: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experimental or legacy surfaces off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('serves the app from a custom secure scheme, not file://', () => {
    expect(APP_ORIGIN).toBe('app://workbench');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });
  });

  it('denies navigation away, new windows and every permission request', () => {
    expect(isAllowedNavigation('app://workbench/index.html')).toBe(true);
    expect(isAllowedNavigation('https://evil.example/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
    expect(isAllowedNavigation('app://workbench.evil.example/')).toBe(false);
    expect(WINDOW_OPEN_DECISION).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionDecision(permission)).toBe(false);
  });

  it('answers IPC only from our own main frame', () => {
    expect(isTrustedSender('app://workbench/index.html', true)).toBe(true);
    expect(isTrustedSender('app://workbench/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('maps app:// URLs into the renderer folder only', () => {
    const dir = path.resolve('/opt/ew/renderer');
    expect(resolveAppUrl('app://workbench/index.html', dir)).toBe(path.join(dir, 'index.html'));
    expect(resolveAppUrl('app://workbench/assets/a.js', dir)).toBe(path.join(dir, 'assets/a.js'));
    // The URL parser already folds /%2e%2e/ segments; an encoded slash must not smuggle one past it.
    expect(resolveAppUrl('app://workbench/%2e%2e/%2e%2e/secret.txt', dir)).toBe(path.join(dir, 'secret.txt'));
    expect(resolveAppUrl('app://workbench/..%2f..%2fsecret.txt', dir)).toBeNull();
    expect(resolveAppUrl('app://other/index.html', dir)).toBeNull();
    expect(resolveAppUrl('https://workbench/index.html', dir)).toBeNull();
  });
});

import { resolveStaticPath } from '../api/http/static-files.js';

/**
 * Everything security-relevant the main process decides, as plain data and pure functions (no Electron
 * import), so unit tests can assert each item of Electron's security checklist.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const IPC_INVOKE_CHANNEL = 'escrow:invoke';
export const IPC_EVENT_CHANNEL = 'escrow:event';

export interface WindowSettings {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    spellcheck: false;
    safeDialogs: true;
  };
}

export function windowSettings(preloadPath: string, title: string): WindowSettings {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** The app:// scheme is registered as standard and secure so it gets an origin and CSP like https. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true, bypassCSP: false },
} as const;

/** Only our own pages may be shown: every other navigation, popup and permission request is denied. */
export function isAllowedNavigation(url: string): boolean {
  try {
    // URL.origin is "null" for custom schemes, so scheme and host are compared instead.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export const WINDOW_OPEN_DECISION = { action: 'deny' } as const;

export function permissionDecision(_permission: string): boolean {
  return false;
}

/** An IPC message is served only when it comes from our own top-level page. */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAllowedNavigation(frameUrl);
}

/** The file of the built renderer behind an app:// URL, or null when the URL would leave that folder. */
export function resolveAppUrl(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveStaticPath(rendererDir, parsed.pathname);
}

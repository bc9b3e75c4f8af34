import path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createCoreDispatcher } from '../api/core-dispatcher.js';
import { SECURITY_HEADERS } from '../api/security-headers.js';
import { defaultWorkspaceDir } from '../core/app-paths.js';
import { EnvironmentCredentials } from '../core/credentials/git-credentials.js';
import { KeychainCredentials } from '../core/credentials/keychain-credentials.js';
import { Workspace } from '../core/workspace/workspace.js';
import { safeStorageCipher } from './keychain.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  WINDOW_OPEN_DECISION,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  resolveAppUrl,
  windowSettings,
} from './security-config.js';

/** The Electron main process: one secure window over the same core and contract as web mode. */
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '..', 'renderer');
const preloadPath = path.resolve(here, '..', 'preload', 'preload.cjs');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => WINDOW_OPEN_DECISION);
});

async function main(): Promise<void> {
  await app.whenReady();
  const workspace = await Workspace.open(process.env['ESCROW_WORKSPACE'] ? path.resolve(process.env['ESCROW_WORKSPACE']) : defaultWorkspaceDir(), { face: 'electron', write: true });
  const credentials = new KeychainCredentials(path.join(workspace.paths.keys, 'git-credentials.json'), safeStorageCipher, new EnvironmentCredentials());
  const { dispatcher } = await createCoreDispatcher(workspace, { credentials, safeStorage: safeStorageCipher, log: (m) => console.error(m) });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppUrl(request.url, rendererDir);
    const body = file ? await fs.readFile(file).catch(() => null) : null;
    if (!body) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const type = file!.endsWith('.html') ? 'text/html' : file!.endsWith('.js') ? 'text/javascript' : file!.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
  });

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown, person: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender', details: {} } };
    }
    // The person the window acts as is checked by the dispatcher like any input.
    return dispatcher.invoke(typeof method === 'string' ? method : '', input, { actor: typeof person === 'string' ? person : undefined });
  });

  const window = new BrowserWindow(windowSettings(preloadPath, 'Escrow Workbench'));
  const unsubscribe = workspace.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
  });
  Menu.setApplicationMenu(null);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    unsubscribe();
    dispatcher.cancelAll();
    void workspace.close().finally(() => app.quit());
  });
}

main().catch((error: unknown) => {
  console.error(error);
  void shell.beep();
  app.exit(2);
});

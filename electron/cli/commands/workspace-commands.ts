import { AppError } from '../../../shared/errors.js';
import { createCoreDispatcher } from '../../api/core-dispatcher.js';
import { environmentPassphrases } from '../passphrase-prompt.js';
import { startWebServer } from '../../api/http/http-server.js';
import { rendererDistDir } from '../../core/app-paths.js';
import { createDemoWorkspace } from '../../core/demo/demo-workspace.js';
import { Workspace } from '../../core/workspace/workspace.js';
import { single } from '../args.js';
import type { CommandSpec } from '../command.js';
import { phaseKey } from './component-commands.js';

export const workspaceCommands: CommandSpec[] = [
  {
    words: ['demo'],
    usage: '',
    summary: 'cli.command.demo',
    positionals: { min: 0, max: 0 },
    async run(context) {
      const { workspace, components } = await createDemoWorkspace(context.globals.workspace, 'cli', (p) => {
        if (!context.io.stderrIsTTY) return;
        context.io.stderr.write(`\r\u001b[K${p.component} · ${context.t(`progress.phase.${phaseKey(p.phase)}`)}`);
      });
      await workspace.close();
      if (context.io.stderrIsTTY) context.io.stderr.write('\r\u001b[K');
      const failed = components.filter((c) => c.status !== 'ok');
      return {
        json: { workspace: context.globals.workspace, components },
        human: context.t('cli.demoDone', { path: context.globals.workspace, count: components.length }),
        exitCode: failed.length > 0 ? 2 : 0,
      };
    },
  },
  {
    words: ['serve'],
    usage: '[--port N] [--host 127.0.0.1]',
    summary: 'cli.command.serve',
    options: [
      { name: 'port', value: true },
      { name: 'host', value: true },
      { name: 'static', value: true },
    ],
    positionals: { min: 0, max: 0 },
    async run(context, options) {
      const portText = single(options, 'port') ?? '0';
      const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
      if (!(port >= 0 && port <= 65535)) throw new AppError('INVALID_INPUT', 'error.serve.badPort', { port: portText });
      const workspace = await Workspace.open(context.globals.workspace, { face: 'web', write: true });
      const { dispatcher } = await createCoreDispatcher(workspace, {
        actor: context.globals.as,
        passphrases: environmentPassphrases,
        log: (message) => context.io.stderr.write(`${message}\n`),
      });
      context.adopt(workspace, dispatcher);
      const server = await startWebServer({
        dispatcher,
        events: workspace.events,
        staticDir: single(options, 'static') ?? rendererDistDir(),
        host: single(options, 'host') ?? '127.0.0.1',
        port,
      });
      const announcement = { url: server.url, launchUrl: server.launchUrl, port: server.port, token: server.token };
      context.io.stdout.write(context.globals.json ? `${JSON.stringify(announcement)}\n` : `${context.t('cli.serving', { url: server.launchUrl })}\n`);
      await new Promise<void>((resolve) => {
        if (context.signal.aborted) resolve();
        context.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      dispatcher.cancelAll();
      await server.close();
      return { json: undefined, human: '', exitCode: 0 };
    },
  },
];

import { spawn, type ChildProcess } from 'node:child_process';
import { outputs, root } from '../../scripts/lib/build-steps.mjs';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a real child process, as a person or a script would. */
export function runCliProcess(args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [outputs.core, ...args], { cwd: root, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface ServedApp {
  launchUrl: string;
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `serve --json` in a child process; resolves once it has announced its URL. */
export function serveWorkspace(workspace: string, extra: readonly string[] = []): Promise<ServedApp> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [outputs.core, '--workspace', workspace, '--json', 'serve', ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => reject(new Error(`serve did not start: ${why}\n${stderr}`));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (e) => fail(e.message));
    child.on('exit', (code) => fail(`exited with ${code}`));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      const announced = JSON.parse(stdout.slice(0, newline)) as Omit<ServedApp, 'process' | 'stop'>;
      child.removeAllListeners('exit');
      resolve({
        ...announced,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors.js';
import { resolveLocale, translate, type MessageKey } from '../../../shared/i18n/index.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Dispatcher } from '../dispatcher.js';
import { SECURITY_HEADERS } from '../security-headers.js';
import { checkRequest, tokenCookieName } from './request-guard.js';
import { readStaticFile } from './static-files.js';

export interface WebServerOptions {
  dispatcher: Dispatcher;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  /** The URL to open once: it carries the token, which the server turns into a cookie. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

/** The person the page says it acts as (URI-encoded, so any name fits a header); the dispatcher checks it. */
function personHeader(request: IncomingMessage): string | undefined {
  const value = request.headers['x-escrow-person'];
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Web mode: the core behind HTTP on the loopback interface only, guarded by a random token. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    throw new AppError('INVALID_INPUT', 'error.serve.loopbackOnly', { host });
  }
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
      else response.destroy(error instanceof Error ? error : undefined);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const queryToken = url.pathname === '/' ? url.searchParams.get('token') : null;
    const verdict = checkRequest(request.headers, { port, token }, queryToken);
    const say = (key: MessageKey) => translate(resolveLocale(request.headers['accept-language'] ?? 'en'), key);
    if (!verdict.ok) {
      send(response, verdict.status, 'text/plain; charset=utf-8', say(verdict.status === 401 ? 'http.unauthorized' : 'http.forbidden'));
      return;
    }
    if (queryToken !== null) {
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    if (url.pathname.startsWith('/api/invoke/')) return invoke(request, response, url.pathname.slice(12), say);
    if (url.pathname === '/api/events') return openEventStream(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', say('http.methodNotAllowed'));
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', say('http.notFound'));
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': file.immutable ? 'private, max-age=31536000, immutable' : 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function invoke(request: IncomingMessage, response: ServerResponse, encodedMethod: string, say: (key: MessageKey) => string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', say('http.methodNotAllowed'));
    let method: string;
    try {
      method = decodeURIComponent(encodedMethod);
    } catch {
      return sendJson(response, 400, { ok: false, error: new AppError('INVALID_INPUT', 'error.api.unknownMethod', { method: encodedMethod.slice(0, 100) }).toWire() });
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, { ok: false, error: new AppError('INVALID_INPUT', 'error.http.contentType').toWire() });
    }
    const body = await readBody(request);
    if (body === null) return sendJson(response, 413, { ok: false, error: new AppError('INVALID_INPUT', 'error.http.tooLarge', { limit: MAX_BODY_BYTES }).toWire() });
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(response, 400, { ok: false, error: new AppError('INVALID_INPUT', 'error.http.badJson').toWire() });
    }
    const outcome = await options.dispatcher.invoke(method, payload, { actor: personHeader(request) });
    sendJson(response, 200, outcome);
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = options.events.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host === '::1' ? '[::1]' : host;
  const base = `http://${shownHost}:${port}`;
  return {
    url: `${base}/`,
    launchUrl: `${base}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

import path from 'node:path';
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/api/http/http-server.js';
import { commitFiles, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
let server: WebServer;
let vendor: string;

beforeAll(async () => {
  ws = await createTestWorkspace();
  const staticDir = await tempDir('ew-static-');
  await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Escrow Workbench</title>');
  await fs.writeFile(path.join(await tempDir(), 'secret.txt'), 'secret');
  server = await startWebServer({ dispatcher: ws.dispatcher, events: ws.workspace.events, staticDir });
  vendor = await initRepository(path.join(await tempDir(), 'vendor'));
  await commitFiles(vendor, { 'a.txt': 'a\n' }, 'one');
});
afterAll(async () => {
  await server?.close();
  await ws?.close();
});

const base = () => `http://127.0.0.1:${server.port}`;
const auth = () => ({ Authorization: `Bearer ${server.token}` });
const invoke = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/invoke/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth(), ...headers }, body: JSON.stringify(body) });

describe('web mode', () => {
  it('listens on loopback only and refuses other hosts to bind', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    await expect(startWebServer({ dispatcher: ws.dispatcher, events: ws.workspace.events, staticDir: '/tmp', host: '0.0.0.0' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('answers 401 without the token, for pages and API alike', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(401);
    expect((await fetch(`${base()}/api/invoke/component.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await fetch(`${base()}/`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const russian = await fetch(`${base()}/`, { headers: { 'Accept-Language': 'ru-RU,ru;q=0.9' } });
    expect(await russian.text()).toBe('Для этого адреса нужен токен, который напечатала команда `serve`. Снова откройте полный адрес.');
    expect((await fetch(`${base()}/api/invoke/%E0%A4%A`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth() }, body: '{}' })).status).toBe(400);
  });

  it('answers 403 to a foreign Host or Origin even with the token', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: `evil.example:${server.port}`, ...auth() } }, (res) => resolve(res.statusCode ?? 0));
      req.end();
    });
    expect(status).toBe(403);
    expect((await invoke('component.list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('trades the launch URL token for a strict cookie and redirects', async () => {
    const response = await fetch(server.launchUrl, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^ew_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/$`));
    const page = await fetch(`${base()}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Escrow Workbench</title>');
  });

  it('sends the security headers on every response', async () => {
    for (const response of [await fetch(`${base()}/`, { headers: auth() }), await invoke('component.list', {}), await fetch(`${base()}/`)]) {
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves no file outside the renderer folder', async () => {
    expect((await fetch(`${base()}/..%2f..%2fsecret.txt`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${base()}/missing.js`, { headers: auth() })).status).toBe(404);
  });

  it('invokes methods and returns wire errors with codes', async () => {
    const added = await (await invoke('component.add', { name: 'vendor', source: vendor })).json();
    expect(added).toMatchObject({ ok: true, result: { component: { name: 'vendor', sourceKind: 'path' } } });
    expect(await (await invoke('component.add', { name: 'bad', source: 'ext::x' })).json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses malformed payloads with specific codes', async () => {
    const badJson = await fetch(`${base()}/api/invoke/component.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth() }, body: '{"a":' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } });
    const form = await fetch(`${base()}/api/invoke/component.list`, { method: 'POST', headers: { 'Content-Type': 'text/plain', ...auth() }, body: '{}' });
    expect(form.status).toBe(415);
    const huge = await fetch(`${base()}/api/invoke/component.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth() }, body: `{"x":"${'a'.repeat(9 * 1024 * 1024)}"}` });
    expect(huge.status).toBe(413);
    expect((await fetch(`${base()}/api/invoke/component.list`, { headers: auth() })).status).toBe(405);
  });

  it('streams progress events of a sync to subscribers', async () => {
    const controller = new AbortController();
    const events: Array<{ type: string; operationId?: string; phase?: string }> = [];
    const stream = await fetch(`${base()}/api/events`, { headers: auth(), signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (const chunk of buffer.split('\n\n').slice(0, -1)) if (chunk.startsWith('data: ')) events.push(JSON.parse(chunk.slice(6)));
        buffer = buffer.split('\n\n').pop()!;
      }
    })();
    const result = await (await invoke('sync.run', { operationId: 'web-sync-0001' })).json();
    expect(result).toMatchObject({ ok: true, result: { components: [{ name: 'vendor', status: 'ok' }] } });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await reading;
    const phases = events.filter((e) => e.type === 'progress' && e.operationId === 'web-sync-0001').map((e) => e.phase);
    expect(phases[0]).toBe('connecting');
    expect(phases).toContain('recording');
    expect(events.some((e) => e.type === 'changed')).toBe(true);
  });
});

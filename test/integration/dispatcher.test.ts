import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../electron/api/dispatcher.js';
import { createHandlers } from '../../electron/api/handlers.js';
import { createCoreServices } from '../../electron/core/services.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import { sql } from '../../electron/db/sql.js';
import { tempDir } from '../helpers/temp.js';
import { createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

describe('the dispatcher', () => {
  it('answers an unknown method with NOT_FOUND', async () => {
    ws = await createTestWorkspace();
    expect(await ws.dispatcher.invoke('component.drop', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown method "component.drop".' } });
    expect(await ws.dispatcher.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ws.dispatcher.invoke('constructor', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('validates payloads: wrong types, unknown keys and pollution keys are refused before any handler runs', async () => {
    ws = await createTestWorkspace();
    const cases: unknown[] = [
      null,
      'component',
      [],
      { name: 42, source: '/x' },
      { name: 'ok', source: '/x', extra: true },
      JSON.parse('{"name":"ok","source":"/x","__proto__":{"polluted":true}}'),
      { name: 'ok'.repeat(100), source: '/x' },
      { name: 'ok', source: 'x'.repeat(5000) },
    ];
    for (const payload of cases) {
      const outcome = await ws.dispatcher.invoke('component.add', payload);
      expect(outcome, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await ws.workspace.db.read.get(sql`SELECT COUNT(*) AS n FROM components`)).toEqual({ n: 0 });
  });

  it('names the offending field in the message', async () => {
    ws = await createTestWorkspace();
    const outcome = await ws.dispatcher.invoke('file.read', { component: 'a', ref: 'v1', path: '/etc/passwd' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/^Invalid input to file\.read: path: must be relative/);
  });

  it('refuses changes on a read-only workspace with LOCKED, and still serves reads', async () => {
    const root = path.join(await tempDir(), 'ws');
    const writer = await Workspace.create(root, 'web');
    const reader = await Workspace.open(root, { face: 'cli', write: false });
    const dispatcher = new Dispatcher({ handlers: createHandlers(createCoreServices(reader)), events: reader.events, writable: reader.writable });
    expect(await dispatcher.invoke('component.add', { name: 'x', source: '/tmp' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await dispatcher.invoke('component.list', {})).toEqual({ ok: true, result: { components: [] } });
    await reader.close();
    await writer.close();
  });

  it('refuses a second operation with an id already running', async () => {
    ws = await createTestWorkspace();
    const first = ws.dispatcher.invoke('sync.run', { operationId: 'same-id-123' });
    expect(await ws.dispatcher.invoke('sync.run', { operationId: 'same-id-123' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await first;
    expect(await ws.dispatcher.invoke('operation.cancel', { operationId: 'same-id-123' })).toEqual({ ok: true, result: { cancelled: false } });
  });
});

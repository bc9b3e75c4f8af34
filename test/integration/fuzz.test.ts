import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract } from '../../shared/contract/index.js';
import { startWebServer } from '../../electron/api/http/http-server.js';
import { rawSql } from '../../electron/db/sql.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

/** Payloads per method; ESCROW_FUZZ_PER_METHOD raises it for a long run (the default gives > 10k in all). */
const PER_METHOD = Number(process.env['ESCROW_FUZZ_PER_METHOD'] ?? 140);

let ws: TestWorkspace;
let scratch: string;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; entries?: Record<string, string>; options?: z.ZodType[] };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The base type of a field (through optional, default, pipes …) and whether it may be left out. */
function baseOf(schema: z.ZodType): { def: Def; optional: boolean } {
  let def = defOf(schema);
  let optional = false;
  for (;;) {
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') optional = true;
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) return { def, optional };
    def = defOf(next);
  }
}

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const HUGE = 'A'.repeat(2 * 1024 * 1024);
const TRAVERSAL = ['../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', 'refs/../../config', 'a/../../../b', '%2e%2e/%2e%2e/etc', '--upload-pack=touch /tmp/pwned', '-c core.hooksPath=/tmp', 'a\u0000b', '\u202eexe.txt', '<script>alert(1)</script>'];

/** A value of the wrong kind for a field of this base type. */
function wrongFor(def: Def, random: () => number): unknown {
  const byType: Record<string, unknown[]> = {
    string: [42, true, null, [], {}, HUGE, deep(200)],
    number: ['42', true, null, [], {}, Infinity, -1e308, 1.5e300, Number.NaN],
    boolean: ['true', 1, null, [], {}],
    enum: ['not-one-of-them', 7, null, HUGE.slice(0, 5000)],
    array: [{}, 'a', 5, null, deep(500), Array.from({ length: 100_000 }, () => 'x')],
    object: ['a', 5, null, [], deep(500)],
    record: ['a', 5, null, [], { ['__proto__']: { polluted: true } }],
    union: [Symbol.for('x').toString(), 12345678901234567890n.toString(), null, deep(50)],
  };
  const choices = byType[def.type] ?? [null, deep(100), HUGE];
  return choices[Math.floor(random() * choices.length)];
}

/** A plausible value of the right kind (so that only the mutated field is wrong). */
function placeholderFor(def: Def, random: () => number): unknown {
  switch (def.type) {
    case 'string':
      return TRAVERSAL[Math.floor(random() * TRAVERSAL.length)];
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'array':
      return [];
    default:
      return {};
  }
}

/** One invalid payload for a method: the whole payload wrong, a field of the wrong kind, or keys that are not in the contract. */
function invalidPayload(schema: z.ZodType, random: () => number): unknown {
  const def = defOf(schema);
  const shape = def.type === 'object' ? (def.shape ?? {}) : {};
  const keys = Object.keys(shape);
  const roll = random();
  if (roll < 0.08 || keys.length === 0 && roll < 0.5) return [null, 'payload', 42, [], true, deep(3000), HUGE][Math.floor(random() * 7)];
  const payload: Record<string, unknown> = {};
  for (const key of keys) payload[key] = placeholderFor(baseOf(shape[key]!).def, random);
  if (roll < 0.3 || keys.length === 0) {
    // Keys the contract does not have, among them the ones that pollute prototypes.
    const extra = ['__proto__', 'constructor', 'prototype', 'toString', 'admin', '../x'][Math.floor(random() * 6)]!;
    return JSON.parse(`{${[...Object.entries(payload).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`), `${JSON.stringify(extra)}:{"polluted":true,"isAdmin":true}`].join(',')}}`);
  }
  const key = keys[Math.floor(random() * keys.length)]!;
  payload[key] = wrongFor(baseOf(shape[key]!).def, random);
  return payload;
}

async function state(): Promise<string> {
  const tables = await ws.workspace.db.read.all<{ name: string }>(rawSql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
  const parts: string[] = [];
  for (const { name } of tables) parts.push(`${name}:${JSON.stringify(await ws.workspace.db.read.all(rawSql(`SELECT * FROM "${name}" ORDER BY 1`)))}`);
  const files = (await fs.readdir(ws.root, { recursive: true })).filter((f) => !/workbench\.db-(wal|shm)$|workspace\.lock/.test(String(f))).sort();
  return `${parts.join('\n')}\n${files.join('\n')}`;
}

beforeAll(async () => {
  ws = await createTestWorkspace();
  scratch = await tempDir('ew-fuzz-');
  const repo = await initRepository(path.join(scratch, 'payments'));
  await commitFiles(repo, { 'pay/handler.go': 'package pay\n' }, 'v1');
  await git(repo, 'tag', 'v1');
  await call(ws.dispatcher, 'component.add', { name: 'payments', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
  await call(ws.dispatcher, 'release.pin', { component: 'payments', ref: 'v1' });
}, 60_000);
afterAll(async () => ws?.close());

describe('schema-guided fuzzing of every method', () => {
  it(`answers ${PER_METHOD} invalid payloads per method with an error code, never a crash, and changes nothing`, async () => {
    const random = seeded(20261123);
    const before = await state();
    const methods = Object.entries(apiContract) as Array<[string, { input: z.ZodType }]>;
    const accepted: string[] = [];
    let sent = 0;
    for (const [method, spec] of methods) {
      for (let i = 0; i < PER_METHOD; i++) {
        const payload = invalidPayload(spec.input, random);
        const outcome = await ws.dispatcher.invoke(method, payload, { actor: 'alice' });
        sent++;
        if (outcome.ok) accepted.push(`${method} ${JSON.stringify(payload)?.slice(0, 200)}`);
        else expect(outcome.error.code, method).toMatch(/^[A-Z_]+$/);
      }
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(accepted).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(await state()).toBe(before);
    // Still answering.
    expect(await ws.dispatcher.invoke('app.info', {})).toMatchObject({ ok: true });
  }, 600_000);
});

describe('fuzzing the HTTP face (web mode)', () => {
  it('answers malformed, oversized and invalid requests with an error code, never a 5xx, and changes nothing', async () => {
    const staticDir = await tempDir('ew-fuzz-static-');
    await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Escrow Workbench</title>');
    const server = await startWebServer({ dispatcher: ws.dispatcher, events: ws.workspace.events, staticDir });
    try {
      const random = seeded(7);
      const before = await state();
      const methods = Object.entries(apiContract) as Array<[string, { input: z.ZodType }]>;
      const post = (method: string, body: string, contentType = 'application/json') =>
        fetch(`http://127.0.0.1:${server.port}/api/invoke/${encodeURIComponent(method)}`, { method: 'POST', headers: { 'Content-Type': contentType, Authorization: `Bearer ${server.token}` }, body });
      const raw = ['{', 'null', '"text"', '[1,2', '{"a":}', '\u0000', '['.repeat(100_000) + ']'.repeat(100_000), '{"__proto__":{"isAdmin":true}}', `{"x":"${'A'.repeat(40 * 1024 * 1024)}"}`];
      const failures: string[] = [];
      let sent = 0;
      for (let i = 0; i < 1500; i++) {
        const [method, spec] = methods[Math.floor(random() * methods.length)]!;
        const useRaw = random() < 0.25;
        const body = useRaw ? raw[Math.floor(random() * raw.length)]! : JSON.stringify(invalidPayload(spec.input, random)) ?? 'null';
        const response = await post(method, body, random() < 0.05 ? 'text/plain' : 'application/json');
        sent++;
        const answer = (await response.json().catch(() => null)) as { ok?: boolean; error?: { code?: string } } | null;
        // A call the dispatcher refuses is answered 200 with {ok: false, error}; what never reaches it (bad JSON, too big) with a 4xx.
        if (response.status >= 500 || answer?.ok !== false || !/^[A-Z_]+$/.test(answer.error?.code ?? '')) failures.push(`${method} ${response.status} ${body.slice(0, 120)} → ${JSON.stringify(answer)?.slice(0, 200)}`);
      }
      expect(sent).toBe(1500);
      expect(failures).toEqual([]);
      expect(await state()).toBe(before);
      expect((await post('app.info', '{}')).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 600_000);
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash, eventOfRow, eventText, type EventRow, type LedgerEvent } from '../../electron/core/events/ledger-event.js';
import { eventFileText, parseEventFile, EventFileError } from '../../electron/core/ledger/event-file.js';
import { mergeEvents } from '../../electron/core/ledger/ledger-merge.js';
import { keyIdOf, newKeyPair, rawPublicKey, signBytes } from '../../electron/core/trust/keys.js';
import type { HeldEvent } from '../../electron/core/trust/event-checker.js';
import { sql } from '../../electron/db/sql.js';
import { TEST_PASSPHRASE, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

// A source workspace signs events; a second one, which holds only its roster part, is given them in
// altered forms. Each kind of bad event is quarantined with its reason; the good ones are applied.
let source: TestWorkspace;
let target: TestWorkspace;
let held: HeldEvent[];

function heldOf(row: EventRow): HeldEvent {
  return { event: eventOfRow(row)!, payloadText: row.payload, hash: row.hash, signature: row.signature };
}

function signed(event: LedgerEvent, privateKey: ReturnType<typeof newKeyPair>['privateKey']): HeldEvent {
  const payloadText = JSON.stringify(event.payload);
  const text = eventText(event, payloadText);
  return { event, payloadText, hash: eventHash(event, text), signature: signBytes(privateKey, Buffer.from(text, 'utf8')) };
}

beforeAll(async () => {
  source = await createTestWorkspace({ people: { Rita: ['reviewer', 'security'] }, actor: 'Rita' });
  // Roster events only: they need no component, and the target workspace holds none.
  await source.core.roster.setRoles('admin', 'Rita', ['reviewer', 'security', 'approver']);
  await source.core.roster.setRoles('admin', 'Rita', ['reviewer', 'security']);
  const rows = await source.workspace.db.read.all<EventRow>(sql`SELECT * FROM events ORDER BY lamport`);
  held = rows.map(heldOf);
  target = await createTestWorkspace({ people: null });
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

async function merge(events: HeldEvent[]) {
  const outcome = await target.workspace.db.transaction((tx) => mergeEvents(tx, target.core.projector, events, []));
  return outcome.quarantined.map((q) => [q.seq, q.reason]);
}

describe('quarantine', () => {
  it('sets aside a bad signature, a key not in the roster, a broken chain and an altered event, and applies the rest', async () => {
    const [genesis, addRita, ...adminLater] = held;
    expect(genesis!.event.type).toBe('roster.person-added');
    // A forged signature on the admin's third event (signed by someone else's key).
    const forger = newKeyPair();
    const forged = { ...adminLater[0]!, signature: signBytes(forger.privateKey, Buffer.from(eventText(adminLater[0]!.event, adminLater[0]!.payloadText), 'utf8')) };
    expect(await merge([genesis!, addRita!, forged])).toEqual([[forged.event.seq, 'signature']]);
    // Its successor no longer links to anything applied: a broken chain.
    expect(await merge([adminLater[1]!])).toEqual([[adminLater[1]!.event.seq, 'chain']]);
    // The genuine event and its successor are applied afterwards (the roster then matches the source).
    expect(await merge([adminLater[0]!, adminLater[1]!])).toEqual([]);
    const people = await target.workspace.db.read.all<{ name: string; roles: string }>(sql`SELECT name, roles FROM people ORDER BY name`);
    expect(people).toEqual(await source.workspace.db.read.all(sql`SELECT name, roles FROM people ORDER BY name`));

    // A key nobody added to the roster.
    const stranger = newKeyPair();
    const keyid = keyIdOf(rawPublicKey(stranger.publicKey));
    const mallory = signed({ v: 1, id: randomUUID(), type: 'policy.set', actor: 'Mallory', keyid, seq: 1, prev: null, lamport: 99, at: new Date().toISOString(), payload: { component: 'payments' } }, stranger.privateKey);
    expect(await merge([mallory])).toEqual([[1, 'unknown-key']]);

    // An event changed after it was signed (its text, not its hash).
    const altered = { ...adminLater[1]!, event: { ...adminLater[1]!.event, at: '2020-01-01T00:00:00.000Z' } };
    const file = parseEventFile(`events/${altered.event.keyid}/${altered.event.seq}.json`, eventFileText(altered));
    // (Put at a new place in the chain: at its own place an event with the held hash is a duplicate, left alone.)
    expect(await merge([{ ...file, event: { ...file.event, seq: 99 } }])).toEqual([[99, 'hash']]);
  });

  it('quarantines a roster event that adds a weak key, signed by the admin as it may be, and a later event of that chain', async () => {
    const admin = held.filter((h) => h.event.actor === 'admin').at(-1)!;
    const privateKey = await source.core.keyring.store.unlock('admin', TEST_PASSPHRASE);
    const identity = Buffer.alloc(32);
    identity[0] = 1;
    const at = new Date().toISOString();
    const base = { v: 1 as const, actor: 'admin', keyid: admin.event.keyid, at };
    const weak = signed({ ...base, id: randomUUID(), type: 'roster.person-added', seq: admin.event.seq + 1, prev: admin.hash, lamport: 1000, payload: { name: 'Wendy', publicKey: identity.toString('base64'), roles: ['approver'] } }, privateKey);
    const next = signed({ ...base, id: randomUUID(), type: 'roster.roles-set', seq: admin.event.seq + 2, prev: weak.hash, lamport: 1001, payload: { name: 'Rita', roles: ['reviewer'] } }, privateKey);
    expect(await merge([weak, next])).toEqual([
      [weak.event.seq, 'weak-key'],
      [next.event.seq, 'chain'],
    ]);
    expect(await target.workspace.db.read.get(sql`SELECT name FROM people WHERE name = 'Wendy'`)).toBeUndefined();
  });

  it('refuses event files that are not events, naming what is wrong', () => {
    const good = held[0]!;
    const filePath = `events/${good.event.keyid}/1.json`;
    const text = eventFileText(good);
    expect(parseEventFile(filePath, text).hash).toBe(good.hash);
    const bad: Array<[string, string, RegExp]> = [
      [filePath, 'not json', /not JSON/],
      [`events/${good.event.keyid}/2.json`, text, /not what its path says/],
      ['events/../x.json', text, /not an event file name/],
      [filePath, text.replace('"roster.person-added"', '"roster.everything"'), /unknown event type/],
      [filePath, text.replace(/"signature":"[^"]+"/, '"signature":"AAAA"'), /64 bytes of base64/],
      [filePath, text.replace('"v":1', '"v":2'), /unknown event version/],
    ];
    for (const [p, t, message] of bad) {
      expect(() => parseEventFile(p, t), p).toThrow(EventFileError);
      expect(() => parseEventFile(p, t), p).toThrow(message);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { RefRecord } from '../../electron/git/for-each-ref.js';
import { alarmsForPlan, planRefChanges, refUpdatesForPlan, snapshotLines } from '../../electron/core/escrow/ref-plan.js';

const id = (c: string) => c.repeat(40);
const ref = (refname: string, target: string, objectType = 'commit', peeled: string | null = null): RefRecord => ({ refname, target, peeled, objectType, date: '', subject: '' });
const staged = (refname: string, target: string, objectType = 'commit', peeled: string | null = null) => ref(`refs/escrow/incoming/${refname.slice(5)}`, target, objectType, peeled);

describe('planRefChanges', () => {
  const live = [ref('refs/heads/main', id('1')), ref('refs/heads/dev', id('2')), ref('refs/heads/gone', id('3')), ref('refs/tags/v1', id('4'), 'tag', id('1')), ref('refs/heads/same', id('5'))];
  const incoming = [
    staged('refs/heads/main', id('6')), // fast-forward
    staged('refs/heads/dev', id('7')), // rewritten
    staged('refs/tags/v1', id('8'), 'tag', id('6')), // moved tag
    staged('refs/heads/same', id('5')),
    staged('refs/heads/new', id('9')),
  ];
  const fastForwards = new Set([`${id('1')}>${id('6')}`]);
  const remoteNames = new Set(['refs/heads/main', 'refs/heads/dev', 'refs/tags/v1', 'refs/heads/same', 'refs/heads/new']);

  it('classifies every ref and preserves the old target of forced and deleted ones', async () => {
    const plan = await planRefChanges(live, incoming, remoteNames, 42, async (a, b) => fastForwards.has(`${a}>${b}`));
    expect(plan.unchanged).toBe(1);
    expect(plan.changes.map((c) => [c.refname, c.kind, c.preservedRef])).toEqual([
      ['refs/heads/dev', 'forced', 'refs/escrow/preserved/42/refs/heads/dev'],
      ['refs/heads/gone', 'deleted', 'refs/escrow/preserved/42/refs/heads/gone'],
      ['refs/heads/main', 'updated', null],
      ['refs/heads/new', 'added', null],
      ['refs/tags/v1', 'forced', 'refs/escrow/preserved/42/refs/tags/v1'],
    ]);
    expect([...plan.snapshot.keys()].sort()).toEqual(['refs/heads/dev', 'refs/heads/main', 'refs/heads/new', 'refs/heads/same', 'refs/tags/v1']);
  });

  it('raises a high alarm for a moved tag and medium ones for branches', async () => {
    const plan = await planRefChanges(live, incoming, remoteNames, 42, async (a, b) => fastForwards.has(`${a}>${b}`));
    expect(alarmsForPlan(plan).map((a) => [a.refname, a.kind, a.severity])).toEqual([
      ['refs/heads/dev', 'forced', 'medium'],
      ['refs/heads/gone', 'deleted', 'medium'],
      ['refs/tags/v1', 'forced', 'high'],
    ]);
  });

  it('builds one transaction that also keeps old targets and empties staging', async () => {
    const plan = await planRefChanges(live, incoming, remoteNames, 42, async (a, b) => fastForwards.has(`${a}>${b}`));
    const updates = refUpdatesForPlan(plan, incoming);
    expect(updates).toContainEqual({ kind: 'create', refname: 'refs/escrow/preserved/42/refs/tags/v1', newTarget: id('4') });
    expect(updates).toContainEqual({ kind: 'delete', refname: 'refs/heads/gone', oldTarget: id('3') });
    expect(updates).toContainEqual({ kind: 'update', refname: 'refs/heads/main', newTarget: id('6'), oldTarget: id('1') });
    expect(updates.filter((u) => u.refname.startsWith('refs/escrow/incoming/')).length).toBe(incoming.length);
  });

  it('never asks about ancestry for a tag: a tag that moves is always forced', async () => {
    const asked: string[] = [];
    await planRefChanges([ref('refs/tags/v2', id('1'))], [staged('refs/tags/v2', id('2'))], new Set(['refs/tags/v2']), 1, async (a) => {
      asked.push(a);
      return true;
    });
    expect(asked).toEqual([]);
  });
});

describe('planRefChanges with only the changed refs fetched', () => {
  it('counts refs the remote still has unchanged and keeps them in the snapshot', async () => {
    const live = [ref('refs/heads/main', id('1')), ref('refs/tags/v1', id('2'), 'tag', id('1')), ref('refs/heads/old', id('3'))];
    const plan = await planRefChanges(live, [staged('refs/heads/main', id('4'))], new Set(['refs/heads/main', 'refs/tags/v1']), 5, async () => true);
    expect(plan.unchanged).toBe(1);
    expect(plan.changes.map((c) => [c.refname, c.kind])).toEqual([['refs/heads/main', 'updated'], ['refs/heads/old', 'deleted']]);
    expect(plan.snapshot.get('refs/tags/v1')).toEqual({ target: id('2'), peeled: id('1') });
    expect(plan.snapshot.has('refs/heads/old')).toBe(false);
  });
});

describe('snapshotLines', () => {
  it('sorts by ref name as bytes', () => {
    const lines = snapshotLines(new Map([['refs/tags/b', { target: id('2') }], ['refs/heads/Z', { target: id('1') }], ['refs/heads/a', { target: id('3') }]]));
    expect(lines.split('\n').filter(Boolean).map((l) => l.split('\u0000')[0])).toEqual(['refs/heads/Z', 'refs/heads/a', 'refs/tags/b']);
  });
});

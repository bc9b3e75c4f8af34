import { describe, expect, it } from 'vitest';
import { eventHash, eventText, type LedgerEvent } from '../../electron/core/events/ledger-event.js';
import { checkEvents, type HeldEvent } from '../../electron/core/trust/event-checker.js';
import { keyIdOf, newKeyPair, publicIdentityOf, signBytes } from '../../electron/core/trust/keys.js';
import { canonicalJson } from '../../shared/domain/canonical-json.js';

type KeyPair = ReturnType<typeof newKeyPair>;

/** Events signed and chained as the ledger does it, for one signer after another. */
class Signer {
  private seq = 0;
  private prev: string | null = null;
  constructor(
    readonly name: string,
    readonly keys: KeyPair | null,
    readonly keyid: string,
  ) {}

  static of(name: string): Signer {
    const keys = newKeyPair();
    return new Signer(name, keys, publicIdentityOf(keys.publicKey).keyid);
  }

  event(lamport: number, type: LedgerEvent['type'], payload: Record<string, unknown>, signature?: Buffer): HeldEvent {
    const event: LedgerEvent = { v: 1, id: `00000000-0000-4000-8000-${String(lamport).padStart(12, '0')}`, type, actor: this.name, keyid: this.keyid, seq: ++this.seq, prev: this.prev, lamport, at: '2026-12-01T00:00:00.000Z', payload };
    const payloadText = canonicalJson(payload);
    const text = eventText(event, payloadText);
    const hash = eventHash(event, text);
    this.prev = hash;
    const signed = signature ? signature.toString('base64') : signBytes(this.keys!.privateKey, Buffer.from(text, 'utf8'));
    return { event, payloadText, hash, signature: signed };
  }
}

const identityPoint = () => {
  const raw = Buffer.alloc(32);
  raw[0] = 1;
  return raw;
};
/** R = identity, S = 0: what the bare equation accepts for the identity key and any message. */
const universalSignature = () => Buffer.concat([identityPoint(), Buffer.alloc(32)]);

function check(held: HeldEvent[], chainFromFailed = true) {
  const problems: Array<{ id: string; kind: string; detail: string }> = [];
  const result = checkEvents(held, (h, kind, detail) => problems.push({ id: h.event.id, kind, detail }), { chainFromFailed, signature: () => true });
  return { problems, good: result.good.map((h) => h.event.id), trustRoot: result.trustRoot };
}

describe('the ledger-order check and weak keys', () => {
  it('refuses a genesis admin whose key is the identity point, though its "signature" passes the bare equation', () => {
    const raw = identityPoint();
    const weak = new Signer('eve', null, keyIdOf(raw));
    const genesis = weak.event(1, 'roster.person-added', { name: 'eve', publicKey: raw.toString('base64'), roles: ['admin'] }, universalSignature());
    const result = check([genesis]);
    expect(result.problems).toEqual([{ id: genesis.event.id, kind: 'weak-key', detail: expect.stringContaining('adds eve with a public key that is a point of small order') }]);
    expect(result.trustRoot).toBeNull();
    expect(result.good).toEqual([]);
  });

  it('names a roster event whose key is not 32 bytes or missing, without failing the check', () => {
    const short = Buffer.alloc(31, 7);
    const genesis = new Signer('odd', null, keyIdOf(short)).event(1, 'roster.person-added', { name: 'odd', publicKey: short.toString('base64'), roles: ['admin'] }, Buffer.alloc(64));
    expect(check([genesis]).problems).toEqual([{ id: genesis.event.id, kind: 'weak-key', detail: expect.stringContaining('is not the base64 of a 32-byte Ed25519 key') }]);

    const admin = Signer.of('admin');
    const root = admin.event(1, 'roster.person-added', { name: 'admin', publicKey: publicIdentityOf(admin.keys!.publicKey).publicKey, roles: ['admin'] });
    const keyless = admin.event(2, 'roster.person-added', { name: 'nokey', roles: ['reviewer'] });
    const result = check([root, keyless]);
    expect(result.good).toEqual([root.event.id]);
    expect(result.problems).toEqual([{ id: keyless.event.id, kind: 'weak-key', detail: expect.stringContaining('adds nokey with a public key that is not 32 bytes') }]);
  });

  it("drops an event adding a weak key on a pull: the admin's chain goes on from the event before it", () => {
    const admin = Signer.of('admin');
    const root = admin.event(1, 'roster.person-added', { name: 'admin', publicKey: publicIdentityOf(admin.keys!.publicKey).publicKey, roles: ['admin'] });
    const weak = admin.event(2, 'roster.person-added', { name: 'wendy', publicKey: identityPoint().toString('base64'), roles: ['approver'] });
    const after = admin.event(3, 'roster.roles-set', { name: 'admin', roles: ['admin', 'reviewer'] });
    // audit verify: each problem once, the later event still checked against the chain as stored.
    expect(check([root, weak, after]).problems.map((p) => [p.id, p.kind])).toEqual([[weak.event.id, 'weak-key']]);
    expect(check([root, weak, after]).good).toEqual([root.event.id, after.event.id]);
    // A pull: the dropped event leaves a gap, so what follows it is dropped too.
    const pulled = check([root, weak, after], false);
    expect(pulled.problems.map((p) => [p.id, p.kind])).toEqual([
      [weak.event.id, 'weak-key'],
      [after.event.id, 'chain'],
    ]);
    expect(pulled.good).toEqual([root.event.id]);
  });
});

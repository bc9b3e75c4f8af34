import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  checkManifest,
  escrowTreeDigest,
  keyIdOf,
  paeBytes,
  verifyManifest,
  VerifierInputError,
  type ManifestVerification,
} from '../../resources/verifier/escrow-verify.mjs';

// ---- a test-side manifest writer, independent of the verifier (its canonical form is JSON.stringify with
// sorted keys, which is RFC 8785 for the plain strings and small integers used here) ------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface Person {
  name: string;
  privateKey: KeyObject;
  publicKey: string;
  keyid: string;
}

function person(name: string): Person {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { name, privateKey, publicKey: raw.toString('base64'), keyid: sha256Hex(raw) };
}

interface SignedEvent {
  event: Record<string, Json> & { payload: Record<string, Json> };
  hash: string;
  signature: string;
}

/** Signs events as the core's ledger does: per-key seq and prev chain, one Lamport clock. */
class Ledger {
  private lamport = 0;
  private readonly chains = new Map<string, { seq: number; hash: string }>();

  sign(actor: Person, type: string, payload: Record<string, Json>, signAs: Person = actor): SignedEvent {
    const last = this.chains.get(signAs.keyid);
    const event = {
      v: 1,
      id: `00000000-0000-4000-8000-${String(++this.lamport).padStart(12, '0')}`,
      type,
      actor: actor.name,
      keyid: signAs.keyid,
      seq: (last?.seq ?? 0) + 1,
      prev: last?.hash ?? null,
      lamport: this.lamport,
      at: new Date(Date.UTC(2025, 4, 1, 0, this.lamport)).toISOString(),
      payload,
    };
    const text = canonical(event);
    const hash = sha256Hex((event.prev ?? '') + text);
    this.chains.set(signAs.keyid, { seq: event.seq, hash });
    return { event, hash, signature: sign(null, Buffer.from(text, 'utf8'), signAs.privateKey).toString('base64') };
  }
}

interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

function envelope(payloadType: string, body: unknown, signer: Person): Envelope {
  const bytes = Buffer.from(canonical(body), 'utf8');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${bytes.length} `), bytes]);
  return { payloadType, payload: bytes.toString('base64'), signatures: [{ keyid: signer.keyid, sig: sign(null, pae, signer.privateKey).toString('base64') }] };
}

const payloadOf = (e: Envelope) => JSON.parse(Buffer.from(e.payload, 'base64').toString('utf8')) as Record<string, Json>;
/** Replaces the payload without signing again: what an attacker without the key can do. */
const withPayload = (e: Envelope, body: unknown): Envelope => ({ ...e, payload: Buffer.from(canonical(body), 'utf8').toString('base64') });

const MANIFEST_TYPE = 'application/vnd.escrow-workbench.manifest+json';
const STATEMENT_TYPE = 'application/vnd.in-toto+json';
const COMMIT = '3f786850e387550fdab836ed7e6dc881de23001b';
const DIGEST_HEX = sha256Hex('the release tree');
const TREE = { digest: `sha256:${DIGEST_HEX}` };
const AT = new Date('2026-01-15T00:00:00Z');

interface Subject {
  name: string;
  digest: { sha256: string; gitCommit: string };
}

const releaseSubject = (ref = 'v1.0', sha256 = DIGEST_HEX, gitCommit = COMMIT): Subject => ({ name: `billing@${ref}`, digest: { sha256, gitCommit } });

function signoff(signer: Person, role: string, decision: 'approve' | 'reject', subject: Subject = releaseSubject(), comment = 'read it all'): Envelope {
  return envelope(
    STATEMENT_TYPE,
    {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [subject],
      predicateType: 'https://escrow-workbench.org/signoff/v1',
      predicate: { role, decision, comment, signedAt: '2025-05-02T10:00:00.000Z', gate: { coverage: { security: 90 }, open: { low: 1 } } },
    },
    signer,
  );
}

const alice = person('alice'); // admin, genesis
const bob = person('bob'); // reviewer
const carol = person('carol'); // security
const dave = person('dave'); // approver
const frank = person('frank'); // security, requests risks, signs nothing
const mallory = person('mallory'); // nobody's colleague

interface Release {
  ledger: Ledger;
  roster: SignedEvent[];
  policy: SignedEvent;
  signoffs: Envelope[];
  body: Record<string, Json>;
}

const DEFAULT_POLICY = { signoffs: { reviewer: 1, security: 1, approver: 1 }, coverage: { security: 80 }, maxOpenSeverity: 'low', requireRiskExpiry: true, separationOfDuties: true };

/** A release that passes every check; tests change one thing and build it. */
function release(policy: Record<string, Json> = DEFAULT_POLICY): Release {
  const ledger = new Ledger();
  const added = (who: Person, roles: string[]) => ledger.sign(alice, 'roster.person-added', { name: who.name, publicKey: who.publicKey, roles });
  const roster = [
    ledger.sign(alice, 'roster.person-added', { name: 'alice', publicKey: alice.publicKey, roles: ['admin'] }),
    added(bob, ['reviewer']),
    added(carol, ['security']),
    added(dave, ['approver']),
    added(frank, ['security']),
  ];
  return {
    ledger,
    roster,
    policy: ledger.sign(alice, 'policy.set', { component: 'billing', policy }),
    signoffs: [signoff(bob, 'reviewer', 'approve'), signoff(carol, 'security', 'approve'), signoff(dave, 'approver', 'approve')],
    body: {
      manifestVersion: 1,
      subject: releaseSubject() as unknown as Json,
      component: 'billing',
      ref: 'v1.0',
      exportedAt: '2025-05-03T09:00:00.000Z',
      exportedBy: 'alice',
      findings: {
        open: [{ id: 'f-3', number: 3, title: 'MD5 used for cache keys', severity: 'low', status: 'confirmed' }],
        counts: { low: { confirmed: 1 }, high: { fixed: 2 }, medium: { 'false-positive': 1 } },
      },
      acceptedRisks: [
        { findingId: 'f-7', title: 'TLS 1.2 on the internal bus', severity: 'medium', justification: 'internal network only', expiresAt: '2026-06-30T00:00:00.000Z', requestedBy: 'frank', approvedBy: 'dave', approvedAt: '2025-05-01T12:00:00.000Z' },
      ],
      coverage: { security: { totalLines: 1000, reviewedLines: 900, percent: 90 } },
      gate: { ready: true },
    },
  };
}

function manifestOf(r: Release, exporter: Person = alice): Envelope {
  return envelope(MANIFEST_TYPE, { ...r.body, policy: r.policy as unknown as Json, roster: r.roster as unknown as Json, signoffs: r.signoffs as unknown as Json }, exporter);
}

function verify(manifest: unknown, options: { trustRoot?: string; at?: Date; tree?: { digest: string; commit?: string } } = {}): ManifestVerification {
  return checkManifest(manifest, options.tree ?? TREE, { at: options.at ?? AT, ...(options.trustRoot ? { trustRoot: options.trustRoot } : {}) });
}

const check = (result: ManifestVerification, name: string) => {
  const found = result.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check ${name} in ${result.checks.map((c) => c.name).join(', ')}`);
  return found;
};
const failed = (result: ManifestVerification) => result.checks.filter((c) => !c.ok).map((c) => c.name);

// ---- canonical JSON ------------------------------------------------------------------------------------

describe('canonicalJson (RFC 8785)', () => {
  const fromBits = (hex: string) => Buffer.from(hex, 'hex').readDoubleBE(0);

  it('serialises numbers as RFC 8785 appendix B lists them', () => {
    const vectors: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of vectors) expect(canonicalJson(fromBits(bits)), bits).toBe(text);
    expect(canonicalJson([1e21, 1e20, 0.000001, 1e-7, -0, 4.5, 2e-3])).toBe('[1e+21,100000000000000000000,0.000001,1e-7,0,4.5,0.002]');
  });

  it('refuses NaN and the infinities', () => {
    for (const bits of ['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000']) expect(() => canonicalJson({ n: fromBits(bits) })).toThrow(/no form for the number/);
  });

  it('canonicalises the RFC 8785 section 3.2.2 example', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`);
  });

  it('sorts keys by UTF-16 code units (RFC 8785 section 3.2.3), not by code points', () => {
    const input = String.raw`{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}`;
    const out = canonicalJson(JSON.parse(input));
    expect(out).toBe('{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}');
    // The UTF-8 bytes RFC 8785 section 3.2.4 gives for the same example.
    expect(Buffer.from(out, 'utf8').subarray(0, 16).toString('hex')).toBe('7b225c72223a22436172726961676520');
  });

  it('escapes only what JSON requires: quote, backslash, controls (short forms, else lowercase \\u00xx)', () => {
    expect(canonicalJson('a"b\\c/d\b\f\n\r\t\u0000\u001f\u007f\u2028<>&é😀')).toBe('"a\\"b\\\\c/d\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028<>&é😀"');
  });

  it('refuses lone surrogates and values JSON cannot hold', () => {
    expect(() => canonicalJson({ text: '\ud800' })).toThrow(/lone UTF-16 surrogate/);
    expect(() => canonicalJson('\udc00x')).toThrow(/lone UTF-16 surrogate/);
    expect(() => canonicalJson({ big: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(new Date(0))).toThrow(/Date/);
  });

  it('nests, leaves out undefined members as JSON.stringify does, and writes no whitespace', () => {
    expect(canonicalJson({ b: [1, { d: true, c: null }], a: 'x', u: undefined })).toBe('{"a":"x","b":[1,{"c":null,"d":true}]}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });
});

describe('DSSE and key ids', () => {
  it('builds the pre-authentication encoding with byte lengths', () => {
    expect(paeBytes('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    expect(paeBytes('t', Buffer.from('é')).toString('utf8')).toBe('DSSEv1 1 t 2 é');
    expect(paeBytes('', Buffer.alloc(0)).toString()).toBe('DSSEv1 0  0 ');
  });

  it('derives the keyid as the SHA-256 of the raw 32-byte public key', () => {
    expect(keyIdOf(Buffer.from(alice.publicKey, 'base64'))).toBe(alice.keyid);
    expect(keyIdOf(Buffer.alloc(32))).toBe('66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925');
  });
});

// ---- the checks ----------------------------------------------------------------------------------------

describe('checkManifest on a release that meets its policy', () => {
  it('passes every check and reports the subject and trust root', () => {
    const result = verify(manifestOf(release()), { trustRoot: alice.keyid });
    expect(failed(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.name)).toEqual([
      'manifest-signature',
      'roster',
      'trust-root',
      'policy',
      'signoff:1',
      'signoff:2',
      'signoff:3',
      'required-signoffs',
      'separation-of-duties',
      'open-findings',
      'coverage',
      'accepted-risks',
      'tree-digest',
    ]);
    expect(result.subject).toEqual(releaseSubject());
    expect(result.trustRoot).toBe(alice.keyid);
    expect(result.warnings).toEqual([]);
    expect(check(result, 'signoff:1').detail).toBe('"bob" approves as reviewer');
    expect(check(result, 'required-signoffs').detail).toBe('approver 1/1 ("dave"), reviewer 1/1 ("bob"), security 1/1 ("carol")');
    expect(check(result, 'roster').detail).toBe(`5 events, 5 people (0 revoked), trust root ${alice.keyid}`);
    expect(check(result, 'tree-digest').detail).toBe(`sha256:${DIGEST_HEX} matches the tree`);
  });

  it('warns, without failing, when the trust root is not pinned', () => {
    const result = verify(manifestOf(release()));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual(['trust root not pinned']);
    expect(result.checks.some((c) => c.name === 'trust-root')).toBe(false);
  });

  it('accepts any exporter in the roster, whatever their role', () => {
    const r = release();
    r.body.exportedBy = 'bob';
    const result = verify(manifestOf(r, bob));
    expect(result.ok).toBe(true);
    expect(check(result, 'manifest-signature').detail).toBe('signed by exporter "bob" at 2025-05-03T09:00:00.000Z');
  });

  it('accepts a pinned trust root in upper case', () => {
    expect(verify(manifestOf(release()), { trustRoot: alice.keyid.toUpperCase() }).ok).toBe(true);
  });
});

describe('checkManifest against tampering and policy violations', () => {
  it('fails tree-digest when the tree is not the one signed', () => {
    const result = verify(manifestOf(release()), { tree: { digest: `sha256:${sha256Hex('another tree')}` } });
    expect(failed(result)).toEqual(['tree-digest']);
    expect(check(result, 'tree-digest').detail).toBe(`the tree's escrow-tree-v1 digest is sha256:${sha256Hex('another tree')}, the manifest names sha256:${DIGEST_HEX}`);
  });

  it('fails tree-digest when the repository commit is another one', () => {
    const result = verify(manifestOf(release()), { tree: { ...TREE, commit: 'b'.repeat(40) } });
    expect(failed(result)).toEqual(['tree-digest']);
    expect(check(result, 'tree-digest').detail).toContain(`the commit is ${'b'.repeat(40)}, the manifest names ${COMMIT}`);
  });

  it('fails every sign-off when the exporter changes the subject digest after the sign-offs', () => {
    const r = release();
    r.body.subject = releaseSubject('v1.0', sha256Hex('a patched tree')) as unknown as Json;
    const result = verify(manifestOf(r), { tree: { digest: `sha256:${sha256Hex('a patched tree')}` } });
    expect(failed(result)).toEqual(['signoff:1', 'signoff:2', 'signoff:3', 'required-signoffs', 'separation-of-duties']);
    expect(check(result, 'signoff:2').detail).toBe(`it signs tree digest "${DIGEST_HEX}", not the manifest's ${sha256Hex('a patched tree')}`);
  });

  it('fails the sign-off whose decision was changed after signing', () => {
    const r = release();
    const rejected = signoff(carol, 'security', 'reject', releaseSubject(), 'SQL injection in /export');
    const statement = payloadOf(rejected) as { predicate: { decision: string } };
    statement.predicate.decision = 'approve';
    r.signoffs[1] = withPayload(rejected, statement);
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['signoff:2', 'required-signoffs', 'separation-of-duties']);
    expect(check(result, 'signoff:2').detail).toBe(`the signature does not verify with "carol"'s key: the sign-off was changed after it was signed`);
    expect(check(result, 'required-signoffs').detail).toBe('security needs 1 approval(s) from distinct people, has 0');
  });

  it('fails required-signoffs on a valid rejection, naming the rejecter and the reason', () => {
    const r = release();
    r.signoffs.push(signoff(frank, 'security', 'reject', releaseSubject(), 'hard-coded admin password in config.go'));
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['required-signoffs']);
    expect(check(result, 'signoff:4').detail).toBe('"frank" rejects as security');
    expect(check(result, 'required-signoffs').detail).toBe('"frank" rejected as security: "hard-coded admin password in config.go"');
  });

  it('fails the roster when a role in a roster entry was changed after signing', () => {
    const r = release();
    const bobAdded = r.roster[1]!;
    r.roster[1] = { ...bobAdded, event: { ...bobAdded.event, payload: { ...bobAdded.event.payload, roles: ['reviewer', 'approver'] } } };
    r.signoffs[2] = signoff(bob, 'approver', 'approve');
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['roster', 'signoff:1', 'signoff:3', 'required-signoffs', 'separation-of-duties']);
    expect(check(result, 'roster').detail).toBe(`roster event 2 (roster.person-added by "alice") has a signature that does not verify with key ${alice.keyid.slice(0, 16)}…`);
    expect(check(result, 'signoff:3').detail).toContain(`it is signed by key "${bob.keyid.slice(0, 16)}", which belongs to nobody in the roster`);
  });

  it('fails the roster when a roster event is signed by someone who is not an admin', () => {
    const r = release();
    r.roster.push(r.ledger.sign(bob, 'roster.roles-set', { name: 'bob', roles: ['reviewer', 'approver'] }));
    r.signoffs[2] = signoff(bob, 'approver', 'approve');
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['roster', 'signoff:3', 'required-signoffs', 'separation-of-duties']);
    expect(check(result, 'roster').detail).toBe('roster event 6 (roster.roles-set by "bob") is signed by "bob", who is not an admin at that point (roles: reviewer)');
    expect(check(result, 'signoff:3').detail).toBe('"bob" signed as approver but holds reviewer in the roster');
  });

  it('fails the roster when an event claims an admin as actor but is signed with another key', () => {
    const r = release();
    r.roster.push(r.ledger.sign(alice, 'roster.roles-set', { name: 'bob', roles: ['admin'] }, mallory));
    expect(check(verify(manifestOf(r)), 'roster').detail).toBe(`roster event 6 (roster.roles-set by "alice") is signed by key ${mallory.keyid.slice(0, 16)}…, which belongs to nobody in the roster so far`);
  });

  it('replays roles-set and revocation in order: an admin made later may sign, a revoked admin may not', () => {
    const r = release();
    r.roster.push(r.ledger.sign(alice, 'roster.roles-set', { name: 'carol', roles: ['security', 'admin'] }));
    r.roster.push(r.ledger.sign(carol, 'roster.person-added', { name: 'erin', publicKey: person('erin').publicKey, roles: ['reviewer'] }));
    r.roster.push(r.ledger.sign(alice, 'roster.person-revoked', { name: 'carol', reason: 'left the council' }));
    r.roster.push(r.ledger.sign(carol, 'roster.roles-set', { name: 'bob', roles: ['approver'] }));
    const result = verify(manifestOf(r));
    expect(check(result, 'roster').detail).toBe('roster event 9 (roster.roles-set by "carol") is signed by "carol", who was revoked before it');
    expect(check(result, 'signoff:2').detail).toBe('its signer "carol" is revoked ("left the council")');
  });

  it('fails the roster when the genesis is not self-signed, and everything that needs the roster', () => {
    const r = release();
    r.roster[0] = new Ledger().sign(mallory, 'roster.person-added', { name: 'mallory', publicKey: alice.publicKey, roles: ['admin'] });
    const result = verify(manifestOf(r), { trustRoot: alice.keyid });
    expect(result.trustRoot).toBeNull();
    expect(check(result, 'roster').detail).toBe('roster event 1 (roster.person-added by "mallory") is not signed with the key it adds (the genesis must be self-signed); the 4 later roster event(s) cannot be checked without a valid genesis');
    expect(failed(result)).toEqual(expect.arrayContaining(['manifest-signature', 'roster', 'trust-root', 'policy', 'signoff:1', 'signoff:2', 'signoff:3']));
  });

  it('refuses a person added twice and a roster event out of its actor\'s chain order', () => {
    const r = release();
    r.roster.push(r.ledger.sign(alice, 'roster.person-added', { name: 'bob', publicKey: mallory.publicKey, roles: ['approver'] }));
    expect(check(verify(manifestOf(r)), 'roster').detail).toBe('roster event 6 (roster.person-added by "alice") adds "bob", who is already in the roster');
    const swapped = release();
    [swapped.roster[2], swapped.roster[3]] = [swapped.roster[3]!, swapped.roster[2]!];
    expect(check(verify(manifestOf(swapped)), 'roster').detail).toBe('roster event 4 (roster.person-added by "alice") has seq 3 after the same actor\'s seq 4: the roster is not in ledger order');
  });

  it('fails the sign-off of a key that is not in the roster', () => {
    const r = release();
    r.signoffs[0] = signoff(mallory, 'reviewer', 'approve');
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['signoff:1', 'required-signoffs', 'separation-of-duties']);
    expect(check(result, 'signoff:1').detail).toBe(`it is signed by key "${mallory.keyid.slice(0, 16)}", which belongs to nobody in the roster`);
  });

  it('fails the sign-off of a revoked person', () => {
    const r = release();
    r.roster.push(r.ledger.sign(alice, 'roster.person-revoked', { name: 'dave', reason: 'key lost' }));
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['signoff:3', 'required-signoffs', 'separation-of-duties']);
    expect(check(result, 'signoff:3').detail).toBe('its signer "dave" is revoked ("key lost")');
  });

  it('refuses a person added with a key of small order, and the sign-off anyone can make for that key', () => {
    const r = release();
    const identity = Buffer.alloc(32);
    identity[0] = 1;
    const wendy = { name: 'wendy', publicKey: identity.toString('base64'), keyid: sha256Hex(identity) };
    r.roster.push(r.ledger.sign(alice, 'roster.person-added', { name: 'wendy', publicKey: wendy.publicKey, roles: ['approver'] }));
    // No private key: R = the identity point and S = 0, which the bare equation accepts for that key and any text.
    const forged = Buffer.alloc(64);
    forged[0] = 1;
    r.signoffs[2] = { ...signoff(dave, 'approver', 'approve'), signatures: [{ keyid: wendy.keyid, sig: forged.toString('base64') }] };
    const result = verify(manifestOf(r));
    expect(check(result, 'roster').detail).toBe('roster event 6 (roster.person-added by "alice") gives "wendy" a weak publicKey, which is a point of small order, for which anyone can make a signature');
    expect(check(result, 'signoff:3').detail).toBe(`it is signed by key "${wendy.keyid.slice(0, 16)}", which belongs to nobody in the roster`);
    expect(failed(result)).toEqual(expect.arrayContaining(['roster', 'signoff:3', 'required-signoffs']));
  });

  it('fails a sign-off for another release pasted in', () => {
    const r = release();
    r.signoffs[2] = signoff(dave, 'approver', 'approve', releaseSubject('v0.9', sha256Hex('last year'), 'c'.repeat(40)));
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['signoff:3', 'required-signoffs', 'separation-of-duties']);
    expect(check(result, 'signoff:3').detail).toBe(`it signs "billing@v0.9", not "billing@v1.0"; it signs tree digest "${sha256Hex('last year')}", not the manifest's ${DIGEST_HEX}; it signs commit "${'c'.repeat(40)}", not the manifest's ${COMMIT}`);
  });

  it('fails a sign-off that names two subjects or the wrong statement types', () => {
    const r = release();
    const statement = { _type: 'https://in-toto.io/Statement/v0.1', subject: [releaseSubject(), releaseSubject('v0.9')], predicateType: 'https://slsa.dev/provenance/v1', predicate: { role: 'approver', decision: 'approve', comment: '', signedAt: '2025-05-02T10:00:00Z', gate: {} } };
    r.signoffs[2] = envelope(STATEMENT_TYPE, statement, dave);
    expect(check(verify(manifestOf(r)), 'signoff:3').detail).toBe('_type is "https://in-toto.io/Statement/v0.1", not https://in-toto.io/Statement/v1; predicateType is "https://slsa.dev/provenance/v1", not https://escrow-workbench.org/signoff/v1; the statement must name exactly one subject, it names 2');
  });

  it('fails accepted-risks when a risk has expired, judged at --at', () => {
    const r = release();
    const manifest = manifestOf(r);
    expect(check(verify(manifest, { at: new Date('2026-06-29T23:59:59Z') }), 'accepted-risks').ok).toBe(true);
    const result = verify(manifest, { at: new Date('2026-06-30T00:00:00Z') });
    expect(failed(result)).toEqual(['accepted-risks']);
    expect(check(result, 'accepted-risks').detail).toBe('the risk accepted for finding "f-7" expired at 2026-06-30T00:00:00.000Z (checked at 2026-06-30T00:00:00.000Z)');
  });

  it('fails accepted-risks without an expiry only when the policy requires one, and without a justification always', () => {
    const noExpiry = (policy: Record<string, Json>) => {
      const r = release(policy);
      const risks = r.body.acceptedRisks as Array<Record<string, Json>>;
      risks[0] = { ...risks[0]!, expiresAt: null };
      return manifestOf(r);
    };
    expect(check(verify(noExpiry(DEFAULT_POLICY)), 'accepted-risks').detail).toBe('the risk accepted for finding "f-7" has no expiry, the policy requires one');
    expect(check(verify(noExpiry({ ...DEFAULT_POLICY, requireRiskExpiry: false })), 'accepted-risks').ok).toBe(true);
    const r = release();
    (r.body.acceptedRisks as Array<Record<string, Json>>)[0]!.justification = ' ';
    expect(check(verify(manifestOf(r)), 'accepted-risks').detail).toBe('the risk accepted for finding "f-7" has no justification');
  });

  it('fails an approver approving their own risk request, and their approval of the release under separation of duties', () => {
    const r = release();
    const risk = (r.body.acceptedRisks as Array<Record<string, Json>>)[0]!;
    risk.requestedBy = 'dave';
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['separation-of-duties', 'accepted-risks']);
    expect(check(result, 'accepted-risks').detail).toBe('the risk accepted for finding "f-7" was approved by its own requester "dave"');
    expect(check(result, 'separation-of-duties').detail).toBe('"dave" requested the accepted risk for finding "f-7" and also approved the release as approver');
  });

  it('fails separation-of-duties when one person fills two required roles', () => {
    const r = release({ ...DEFAULT_POLICY, signoffs: { reviewer: 1, approver: 1 } });
    r.roster.push(r.ledger.sign(alice, 'roster.roles-set', { name: 'dave', roles: ['approver', 'reviewer'] }));
    r.signoffs = [signoff(dave, 'reviewer', 'approve'), signoff(dave, 'approver', 'approve')];
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['separation-of-duties']);
    expect(check(result, 'required-signoffs').detail).toBe('approver 1/1 ("dave"), reviewer 1/1 ("dave")');
    expect(check(result, 'separation-of-duties').detail).toBe('no assignment of distinct people fills the 2 required sign-off(s) (approver×1, reviewer×1): at most 1 can be filled by approvals from "dave" (reviewer, approver)');
    // The same release passes when the policy does not ask for separation of duties.
    const relaxed = release({ ...DEFAULT_POLICY, signoffs: { reviewer: 1, approver: 1 }, separationOfDuties: false });
    relaxed.roster.push(relaxed.ledger.sign(alice, 'roster.roles-set', { name: 'dave', roles: ['approver', 'reviewer'] }));
    relaxed.signoffs = [signoff(dave, 'reviewer', 'approve'), signoff(dave, 'approver', 'approve')];
    expect(verify(manifestOf(relaxed)).ok).toBe(true);
  });

  it('finds an assignment a greedy choice would miss', () => {
    const r = release({ ...DEFAULT_POLICY, signoffs: { reviewer: 1, approver: 1 } });
    r.roster.push(r.ledger.sign(alice, 'roster.roles-set', { name: 'dave', roles: ['approver', 'reviewer'] }));
    r.signoffs = [signoff(dave, 'reviewer', 'approve'), signoff(dave, 'approver', 'approve'), signoff(bob, 'reviewer', 'approve')];
    const result = verify(manifestOf(r));
    expect(result.ok).toBe(true);
    expect(check(result, 'separation-of-duties').detail).toBe('distinct people: approver "dave", reviewer "bob"');
  });

  it('counts a person once per role however often they sign', () => {
    const r = release({ ...DEFAULT_POLICY, signoffs: { reviewer: 2, security: 1, approver: 1 } });
    r.signoffs.push(signoff(bob, 'reviewer', 'approve'));
    expect(check(verify(manifestOf(r)), 'required-signoffs').detail).toBe('reviewer needs 2 approval(s) from distinct people, has 1 ("bob")');
  });

  it('fails open-findings for an open finding above the maximum severity, from the list or the counts', () => {
    const r = release();
    const findings = r.body.findings as { open: Array<Record<string, Json>>; counts: Record<string, Json> };
    findings.open.push({ id: 'f-9', number: 9, title: 'Path traversal in upload', severity: 'high', status: 'reported' });
    findings.counts = { ...findings.counts, high: { fixed: 2, reported: 1 } };
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['open-findings']);
    expect(check(result, 'open-findings').detail).toBe('1 open finding(s) above low: #9 "Path traversal in upload" (high, reported)');
    const counted = release();
    (counted.body.findings as { counts: Record<string, Json> }).counts.critical = { open: 2 };
    expect(check(verify(manifestOf(counted)), 'open-findings').detail).toBe('findings.counts has 2 open finding(s) above low');
  });

  it("lets nothing stay open under 'none', and only info under 'info'", () => {
    expect(check(verify(manifestOf(release({ ...DEFAULT_POLICY, maxOpenSeverity: 'none' }))), 'open-findings').ok).toBe(false);
    expect(check(verify(manifestOf(release({ ...DEFAULT_POLICY, maxOpenSeverity: 'info' }))), 'open-findings').ok).toBe(false);
    expect(check(verify(manifestOf(release({ ...DEFAULT_POLICY, maxOpenSeverity: 'medium' }))), 'open-findings').detail).toBe('1 open, none above medium');
  });

  it('fails coverage below the policy minimum or missing', () => {
    const r = release({ ...DEFAULT_POLICY, coverage: { security: 95, correctness: 50 } });
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['coverage']);
    expect(check(result, 'coverage').detail).toBe('"correctness" has no coverage percent (the policy needs 50%); "security" is 90% reviewed, the policy needs 95%');
  });

  it('fails the policy when signed by a non-admin or written for another component, and every policy-based check with it', () => {
    const r = release();
    r.policy = r.ledger.sign(dave, 'policy.set', { component: 'billing', policy: { ...DEFAULT_POLICY, signoffs: {} } });
    const result = verify(manifestOf(r));
    expect(failed(result)).toEqual(['policy', 'required-signoffs', 'separation-of-duties', 'open-findings', 'coverage', 'accepted-risks']);
    expect(check(result, 'policy').detail).toBe('the policy is signed by "dave", who is not an admin');
    expect(check(result, 'coverage').detail).toBe('cannot be evaluated: the policy is not trusted (see the policy check)');
    const other = release();
    other.policy = other.ledger.sign(alice, 'policy.set', { component: 'payments', policy: DEFAULT_POLICY });
    expect(check(verify(manifestOf(other)), 'policy').detail).toBe('the policy is for component "payments", the manifest for "billing"');
  });

  it('fails manifest-signature when the envelope was changed after signing', () => {
    const signed = manifestOf(release());
    const body = payloadOf(signed);
    (body.findings as { open: unknown[] }).open = [];
    const result = verify(withPayload(signed, body));
    expect(failed(result)).toEqual(['manifest-signature']);
    expect(check(result, 'manifest-signature').detail).toBe(`the envelope signature does not verify with "alice"'s key: the manifest was changed after it was signed`);
  });

  it('fails manifest-signature when signed by someone outside the roster or of the wrong type', () => {
    const r = release();
    r.body.exportedBy = 'mallory';
    expect(check(verify(manifestOf(r, mallory)), 'manifest-signature').detail).toBe('the exporter "mallory" is not in the roster');
    const wrongType = { ...manifestOf(release()), payloadType: STATEMENT_TYPE };
    expect(check(verify(wrongType), 'manifest-signature').detail).toBe(
      `payloadType is "${STATEMENT_TYPE}", not ${MANIFEST_TYPE}; the envelope signature does not verify with "alice"'s key: the manifest was changed after it was signed`,
    );
  });

  it('fails trust-root when the roster stems from another key', () => {
    const result = verify(manifestOf(release()), { trustRoot: mallory.keyid });
    expect(failed(result)).toEqual(['trust-root']);
    expect(check(result, 'trust-root').detail).toBe(`the roster's genesis key is ${alice.keyid}, not the pinned ${mallory.keyid}`);
  });

  it('fails every check, without throwing, when the payload is not JSON', () => {
    const result = verify({ payloadType: MANIFEST_TYPE, payload: Buffer.from('{"manifestVersion":').toString('base64'), signatures: [] });
    expect(result.ok).toBe(false);
    expect(result.checks.every((c) => !c.ok && c.detail.startsWith('the manifest payload is not JSON'))).toBe(true);
  });

  it('throws an input error for something that is not a DSSE envelope', () => {
    expect(() => verify([1, 2])).toThrow(VerifierInputError);
    expect(() => verify({ payloadType: MANIFEST_TYPE, payload: '***', signatures: [] })).toThrow('The manifest has a payload that is not base64');
  });
});

// ---- verifyManifest and escrowTreeDigest over a folder --------------------------------------------------

describe('verifyManifest over a real folder', () => {
  let dir: string;
  let digest: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ew-verifier-unit-'));
    await fs.mkdir(path.join(dir, 'src'));
    await fs.writeFile(path.join(dir, 'src', 'main.go'), 'package main\n');
    await fs.writeFile(path.join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    await fs.symlink('src/main.go', path.join(dir, 'main-link'));
    digest = await escrowTreeDigest({ dir });
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('digests the folder as escrow-tree-v1 records written out by hand', () => {
    const records = [
      `120000 ${sha256Hex('src/main.go')} main-link\0`,
      `100755 ${sha256Hex('#!/bin/sh\n')} run.sh\0`,
      `100644 ${sha256Hex('package main\n')} src/main.go\0`,
    ].join('');
    expect(digest).toBe(`sha256:${sha256Hex(records)}`);
  });

  it('verifies a manifest for the folder, and fails tree-digest after one byte changes', async () => {
    const r = release();
    const subject = releaseSubject('v1.0', digest.slice('sha256:'.length));
    r.body.subject = subject as unknown as Json;
    r.signoffs = [signoff(bob, 'reviewer', 'approve', subject), signoff(carol, 'security', 'approve', subject), signoff(dave, 'approver', 'approve', subject)];
    const manifest = JSON.parse(JSON.stringify(manifestOf(r))) as unknown;
    const passed = await verifyManifest(manifest, { dir }, { trustRoot: alice.keyid, at: AT });
    expect(failed(passed)).toEqual([]);
    await fs.writeFile(path.join(dir, 'src', 'main.go'), 'package main\n\n');
    const changed = await verifyManifest(manifest, { dir }, { trustRoot: alice.keyid, at: AT });
    expect(failed(changed)).toEqual(['tree-digest']);
  });

  it('refuses a tree source that is not exactly one of dir, archive, repo+commit', async () => {
    await expect(escrowTreeDigest({})).rejects.toThrow('Give exactly one tree');
    await expect(escrowTreeDigest({ dir, archive: 'x.tar' })).rejects.toThrow('Give exactly one tree');
    await expect(escrowTreeDigest({ repo: dir })).rejects.toThrow('--repo and --commit go together');
    await expect(escrowTreeDigest({ dir: path.join(dir, 'missing') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

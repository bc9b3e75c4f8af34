import { describeKeyWeakness } from '../../../resources/verifier/lib/ed25519-strict.mjs';
import { EVENT_ROLES } from '../../../shared/contract/permissions.js';
import { EVENT_TYPES } from '../../../shared/domain/events.js';
import { isGenesis } from '../events/ledger.js';
import { eventHash, eventText, type LedgerEvent } from '../events/ledger-event.js';
import { verifyEd25519, type VerifyingKey } from './ed25519.js';
import { keyIdOf, verifyingKeyFromBase64 } from './keys.js';

/** One event as held: the payload text that was signed, its stored hash and signature. */
export interface HeldEvent {
  event: LedgerEvent;
  payloadText: string;
  hash: string | null;
  signature: string | null;
  /** canonical(event) with `payloadText`, when the holder has written it already (`audit verify` does, as it reads). */
  text?: string;
}

interface RosterEntry {
  name: string;
  key: VerifyingKey;
  roles: string[];
  revoked: boolean;
}

export interface CheckOptions {
  /**
   * After a failed event, whether its actor's chain goes on from it (`audit verify`: each break is reported
   * once) or from the last good event (a pull: everything after a dropped event is dropped with it).
   */
  chainFromFailed: boolean;
  /**
   * Signatures of events other than roster events: return whether it verifies, or undefined when the
   * caller checks it later (audit verifies them on other threads while it replays).
   */
  signature(held: HeldEvent, bytes: Buffer, key: VerifyingKey, signature: Buffer, signer: string): boolean | undefined;
}

export interface CheckResult {
  good: HeldEvent[];
  people: number;
  trustRoot: string | null;
}

/** The ledger's one order: Lamport clock, then key id, then the actor's sequence. Every workstation uses it. */
export function ledgerOrder(a: LedgerEvent, b: LedgerEvent): number {
  return a.lamport - b.lamport || (a.keyid < b.keyid ? -1 : a.keyid > b.keyid ? 1 : 0) || a.seq - b.seq;
}

/**
 * Checks events in ledger order: type, hash, place in the actor's chain, a signer the roster held at that
 * point (the genesis event, an admin adding themself, is the trust root) with a role that may sign it, and
 * the signature. Roster events are verified at once, since they decide whose later signatures count.
 */
export function checkEvents(held: readonly HeldEvent[], fail: (held: HeldEvent, kind: string, detail: string) => void, options: CheckOptions): CheckResult {
  const checker = new EventChecker(fail, options);
  const good: HeldEvent[] = [];
  for (const entry of [...held].sort((a, b) => ledgerOrder(a.event, b.event))) if (checker.check(entry)) good.push(entry);
  return { good, people: checker.people, trustRoot: checker.trustRoot };
}

/** The state of a check in ledger order: the roster so far and each actor's chain. `audit verify` feeds it a group at a time. */
export class EventChecker {
  private readonly roster = new Map<string, RosterEntry>();
  private readonly chains = new Map<string, { seq: number; hash: string }>();
  trustRoot: string | null = null;

  constructor(
    private readonly fail: (held: HeldEvent, kind: string, detail: string) => void,
    private readonly options: CheckOptions,
  ) {}

  get people(): number {
    return this.roster.size;
  }

  /** Whether the event passes (its signature may still be pending with the caller); events must come in ledger order. */
  check(entry: HeldEvent): boolean {
    const { event } = entry;
    if (!(EVENT_TYPES as readonly string[]).includes(event.type)) return this.failed(entry, 'unknown-type', 'unknown event type');
    // The stored payload text is what was signed: it is used as it is, so even a re-spacing is caught.
    const text = entry.text ?? eventText(event, entry.payloadText);
    const chain = this.chains.get(event.keyid);
    const chainProblem =
      eventHash(event, text) !== entry.hash
        ? { kind: 'hash', detail: `stored hash ${String(entry.hash).slice(0, 12)}… is not the hash of the event` }
        : event.seq !== (chain?.seq ?? 0) + 1
          ? { kind: 'chain', detail: `sequence ${event.seq} follows ${chain?.seq ?? 0}: an event of this actor is missing or out of order` }
          : event.prev !== (chain?.hash ?? null)
            ? { kind: 'chain', detail: "does not link to the actor's previous event" }
            : null;
    if (chainProblem) {
      this.failed(entry, chainProblem.kind, chainProblem.detail);
      if (!this.options.chainFromFailed) return false;
    }
    this.chains.set(event.keyid, { seq: event.seq, hash: entry.hash ?? '' });
    const added = addedKey(event);
    const signer = this.signerOf(entry, added);
    if (!signer) return false;
    // The app refuses such a key (anyone can sign for it), so an event adding one was made elsewhere.
    if (typeof added === 'string') return this.dropped(entry, chain, 'weak-key', `adds ${String(event.payload['name'])} with a public key that ${added}`);
    const bytes = Buffer.from(text, 'utf8');
    const signature = Buffer.from(entry.signature ?? '', 'base64');
    const verdict = event.type.startsWith('roster.') ? verifyEd25519(signer.key, bytes, signature) : this.options.signature(entry, bytes, signer.key, signature, signer.name);
    if (verdict === false) return this.dropped(entry, chain, 'signature', `the signature does not verify with ${signer.name}'s key`);
    if (event.type.startsWith('roster.')) applyRoster(this.roster, event, added);
    return true;
  }

  /** Who signed, as the roster held them at this point; null (reported) when nobody may have. */
  private signerOf(entry: HeldEvent, added: AddedKey): RosterEntry | null {
    const { event } = entry;
    const signer = this.roster.get(event.keyid);
    if (this.roster.size === 0 && this.trustRoot === null) {
      if (!isGenesis(event.actor, event.keyid, event.type, event.payload)) return this.none(entry, 'genesis', 'the first event must be an admin adding themself to the roster');
      if (typeof added === 'string') return this.none(entry, 'weak-key', `adds ${event.actor} with a public key that ${added}`);
      this.trustRoot = event.keyid;
      // A genesis is a roster.person-added event: its key was read.
      return { name: event.actor, key: added!, roles: ['admin'], revoked: false };
    }
    if (!signer) return this.none(entry, 'unknown-key', `key ${event.keyid.slice(0, 16)}… is not in the roster at this point`);
    if (signer.revoked) return this.none(entry, 'revoked', `${signer.name} was revoked before signing this`);
    if (signer.name !== event.actor) return this.none(entry, 'actor', `signed by ${signer.name}'s key but names ${event.actor}`);
    if (!EVENT_ROLES[event.type].some((r) => signer.roles.includes(r))) return this.none(entry, 'role', `${signer.name} held ${signer.roles.join(', ') || 'no role'}, not ${EVENT_ROLES[event.type].join(' or ')}`);
    return signer;
  }

  private failed(entry: HeldEvent, kind: string, detail: string): false {
    const { event } = entry;
    this.fail(entry, kind, `${event.type} by ${event.actor} (#${event.seq}): ${detail}`);
    return false;
  }

  private none(entry: HeldEvent, kind: string, detail: string): null {
    this.failed(entry, kind, detail);
    return null;
  }

  /** A pull drops the event: the actor's chain goes on from the one before it. */
  private dropped(entry: HeldEvent, before: { seq: number; hash: string } | undefined, kind: string, detail: string): false {
    this.failed(entry, kind, detail);
    if (this.options.chainFromFailed) return false;
    if (before) this.chains.set(entry.event.keyid, before);
    else this.chains.delete(entry.event.keyid);
    return false;
  }
}

/** The key a `roster.person-added` event adds, or what is wrong with it in words; null for other events. */
type AddedKey = VerifyingKey | string | null;

function addedKey(event: LedgerEvent): AddedKey {
  if (event.type !== 'roster.person-added') return null;
  const publicKey = event.payload['publicKey'];
  if (typeof publicKey !== 'string') return describeKeyWeakness('length');
  let key: VerifyingKey;
  try {
    key = verifyingKeyFromBase64(publicKey);
  } catch {
    return 'is not the base64 of a 32-byte Ed25519 key';
  }
  return key.weakness === null ? key : describeKeyWeakness(key.weakness);
}

/** `added` is the key a roster.person-added event adds (read, and not weak, by the time this runs). */
function applyRoster(roster: Map<string, RosterEntry>, event: LedgerEvent, added: AddedKey): void {
  const name = event.payload['name'] as string;
  if (event.type === 'roster.person-added') {
    const key = added as VerifyingKey;
    roster.set(keyIdOf(key.raw), { name, key, roles: event.payload['roles'] as string[], revoked: false });
  }
  const entry = [...roster.values()].find((p) => p.name === name);
  if (entry && event.type === 'roster.roles-set') entry.roles = event.payload['roles'] as string[];
  if (entry && event.type === 'roster.person-revoked') entry.revoked = true;
}

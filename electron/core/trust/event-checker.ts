import { verify as verifySignature, type KeyObject } from 'node:crypto';
import { EVENT_ROLES } from '../../../shared/contract/permissions.js';
import { EVENT_TYPES } from '../../../shared/domain/events.js';
import { isGenesis } from '../events/ledger.js';
import { eventBytes, eventHash, type LedgerEvent } from '../events/ledger-event.js';
import { keyIdOf, publicKeyFromBase64 } from './keys.js';

/** One event as held: the payload text that was signed, its stored hash and signature. */
export interface HeldEvent {
  event: LedgerEvent;
  payloadText: string;
  hash: string | null;
  signature: string | null;
}

interface RosterEntry {
  name: string;
  key: KeyObject;
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
  signature(held: HeldEvent, bytes: Buffer, key: KeyObject, signature: Buffer, signer: string): boolean | undefined;
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
  const ordered = [...held].sort((a, b) => ledgerOrder(a.event, b.event));
  const roster = new Map<string, RosterEntry>();
  const chains = new Map<string, { seq: number; hash: string }>();
  const good: HeldEvent[] = [];
  let trustRoot: string | null = null;
  for (const entry of ordered) {
    const { event } = entry;
    const failed = (kind: string, detail: string) => fail(entry, kind, `${event.type} by ${event.actor} (#${event.seq}): ${detail}`);
    if (!(EVENT_TYPES as readonly string[]).includes(event.type)) {
      failed('unknown-type', 'unknown event type');
      continue;
    }
    // The stored payload text is what was signed: it is used as it is, so even a re-spacing is caught.
    const bytes = eventBytes(event, entry.payloadText);
    const chain = chains.get(event.keyid);
    const advance = () => chains.set(event.keyid, { seq: event.seq, hash: entry.hash ?? '' });
    const rejected = (kind: string, detail: string) => {
      failed(kind, detail);
      if (options.chainFromFailed) advance();
    };
    if (eventHash(event, bytes) !== entry.hash) {
      rejected('hash', `stored hash ${String(entry.hash).slice(0, 12)}… is not the hash of the event`);
      if (!options.chainFromFailed) continue;
    } else if (event.seq !== (chain?.seq ?? 0) + 1) {
      rejected('chain', `sequence ${event.seq} follows ${chain?.seq ?? 0}: an event of this actor is missing or out of order`);
      if (!options.chainFromFailed) continue;
    } else if (event.prev !== (chain?.hash ?? null)) {
      rejected('chain', "does not link to the actor's previous event");
      if (!options.chainFromFailed) continue;
    } else {
      advance();
    }
    let signer = roster.get(event.keyid);
    if (roster.size === 0 && trustRoot === null) {
      if (!isGenesis(event.actor, event.keyid, event.type, event.payload)) {
        failed('genesis', 'the first event must be an admin adding themself to the roster');
        continue;
      }
      trustRoot = event.keyid;
      signer = { name: event.actor, key: publicKeyFromBase64(event.payload['publicKey'] as string), roles: ['admin'], revoked: false };
    } else if (!signer) {
      failed('unknown-key', `key ${event.keyid.slice(0, 16)}… is not in the roster at this point`);
      continue;
    } else if (signer.revoked) {
      failed('revoked', `${signer.name} was revoked before signing this`);
      continue;
    } else if (signer.name !== event.actor) {
      failed('actor', `signed by ${signer.name}'s key but names ${event.actor}`);
      continue;
    } else if (!EVENT_ROLES[event.type].some((r) => signer!.roles.includes(r))) {
      failed('role', `${signer.name} held ${signer.roles.join(', ') || 'no role'}, not ${EVENT_ROLES[event.type].join(' or ')}`);
      continue;
    }
    const signature = Buffer.from(entry.signature ?? '', 'base64');
    const verdict = event.type.startsWith('roster.') ? safeVerify(bytes, signer.key, signature) : options.signature(entry, bytes, signer.key, signature, signer.name);
    if (verdict === false) {
      failed('signature', `the signature does not verify with ${signer.name}'s key`);
      if (!options.chainFromFailed) {
        if (chain) chains.set(event.keyid, chain);
        else chains.delete(event.keyid);
      }
      continue;
    }
    applyRoster(roster, event);
    good.push(entry);
  }
  return { good, people: roster.size, trustRoot };
}

export function safeVerify(bytes: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verifySignature(null, bytes, key, signature);
  } catch {
    return false;
  }
}

function applyRoster(roster: Map<string, RosterEntry>, event: LedgerEvent): void {
  const name = event.payload['name'] as string;
  if (event.type === 'roster.person-added') {
    const publicKey = event.payload['publicKey'] as string;
    roster.set(keyIdOf(Buffer.from(publicKey, 'base64')), { name, key: publicKeyFromBase64(publicKey), roles: event.payload['roles'] as string[], revoked: false });
  }
  const entry = [...roster.values()].find((p) => p.name === name);
  if (entry && event.type === 'roster.roles-set') entry.roles = event.payload['roles'] as string[];
  if (entry && event.type === 'roster.person-revoked') entry.revoked = true;
}

// @ts-check
import { publicKeyFromBase64 } from './dsse.mjs';
import { describeKeyWeakness } from './ed25519-strict.mjs';
import { isNonEmptyString, isRecord, show } from './shape.mjs';
import { readSignedEvent, signedEventProblem } from './signed-event.mjs';

/** @typedef {import('./signed-event.mjs').SignedEvent} SignedEvent */

export const ROLES = /** @type {const} */ (['admin', 'reviewer', 'security', 'approver']);

/**
 * @typedef {object} RosterPerson
 * @property {string} name
 * @property {string} keyid
 * @property {import('node:crypto').KeyObject} key
 * @property {string[]} roles
 * @property {string | null} revokedReason null while the person is not revoked
 */

/**
 * @typedef {object} ReplayedRoster
 * @property {string | null} trustRoot keyid of the genesis admin; null when there is no valid genesis
 * @property {Map<string, RosterPerson>} people by name
 * @property {Map<string, RosterPerson>} byKeyid
 * @property {SignedEvent[]} applied the events that took effect, in order
 * @property {string[]} problems one sentence per refused event; refused events take no effect
 */

/**
 * Replays the roster events of a manifest in ledger order. The first must be the genesis: a person adding
 * themself as admin, signed with the key they add (its keyid is the trust root). Every later event must be
 * signed by a person who is, at that point, a non-revoked admin. A refused event is skipped and reported,
 * so later checks see only what a valid history supports.
 * @param {unknown} events
 * @returns {ReplayedRoster}
 */
export function replayRoster(events) {
  /** @type {ReplayedRoster} */
  const roster = { trustRoot: null, people: new Map(), byKeyid: new Map(), applied: [], problems: [] };
  if (!Array.isArray(events)) {
    roster.problems.push('the manifest has no roster array');
    return roster;
  }
  if (events.length === 0) {
    roster.problems.push('the roster is empty: there is no genesis event');
    return roster;
  }
  /** Each actor's events form a hash chain: the last seen seq and hash per keyid. */
  /** @type {Map<string, { seq: number, hash: string }>} */
  const chains = new Map();
  for (const [index, value] of events.entries()) {
    const read = readSignedEvent(value);
    const label = describe(index, value);
    if ('problem' in read) {
      roster.problems.push(`${label} ${read.problem}`);
      if (index === 0) return noGenesis(roster, events.length);
      continue;
    }
    const problem = index === 0 ? applyGenesis(roster, read.signed) : applyLater(roster, read.signed, chains);
    if (problem) {
      roster.problems.push(`${label} ${problem}`);
      if (index === 0) return noGenesis(roster, events.length);
      continue;
    }
    chains.set(read.signed.event.keyid, { seq: read.signed.event.seq, hash: read.signed.hash });
    roster.applied.push(read.signed);
  }
  return roster;
}

/**
 * @param {ReplayedRoster} roster
 * @param {number} count
 */
function noGenesis(roster, count) {
  if (count > 1) roster.problems.push(`the ${count - 1} later roster event(s) cannot be checked without a valid genesis`);
  return roster;
}

/**
 * @param {ReplayedRoster} roster
 * @param {SignedEvent} signed
 * @returns {string | null}
 */
function applyGenesis(roster, signed) {
  const { event } = signed;
  if (event.type !== 'roster.person-added') return `is not roster.person-added: the first roster event must be the genesis admin adding themself`;
  const added = readPersonAdded(event.payload);
  if ('problem' in added) return added.problem;
  if (added.name !== event.actor) return `adds ${show(added.name)} but is signed as ${show(event.actor)}: the genesis admin must add themself`;
  if (!added.roles.includes('admin')) return 'does not give the genesis person the admin role';
  if (added.keyid !== event.keyid) return 'is not signed with the key it adds (the genesis must be self-signed)';
  const problem = signedEventProblem(signed, added.key);
  if (problem) return problem;
  roster.trustRoot = added.keyid;
  addPerson(roster, added);
  return null;
}

/**
 * @param {ReplayedRoster} roster
 * @param {SignedEvent} signed
 * @param {Map<string, { seq: number, hash: string }>} chains
 * @returns {string | null}
 */
function applyLater(roster, signed, chains) {
  const { event } = signed;
  const signer = roster.byKeyid.get(event.keyid);
  if (!signer) return `is signed by key ${event.keyid.slice(0, 16)}…, which belongs to nobody in the roster so far`;
  if (signer.revokedReason !== null) return `is signed by ${show(signer.name)}, who was revoked before it`;
  if (!signer.roles.includes('admin')) return `is signed by ${show(signer.name)}, who is not an admin at that point (roles: ${signer.roles.join(', ') || 'none'})`;
  if (event.actor !== signer.name) return `names actor ${show(event.actor)} but is signed by ${show(signer.name)}'s key`;
  const problem = signedEventProblem(signed, signer.key);
  if (problem) return problem;
  const chain = chains.get(event.keyid);
  if (chain && event.seq <= chain.seq) return `has seq ${event.seq} after the same actor's seq ${chain.seq}: the roster is not in ledger order`;
  if (chain && event.seq === chain.seq + 1 && event.prev !== chain.hash) return `does not chain to the same actor's previous event (seq ${chain.seq})`;
  const { payload } = event;
  switch (event.type) {
    case 'roster.person-added': {
      const added = readPersonAdded(payload);
      if ('problem' in added) return added.problem;
      if (roster.people.has(added.name)) return `adds ${show(added.name)}, who is already in the roster`;
      const holder = roster.byKeyid.get(added.keyid);
      if (holder) return `adds ${show(added.name)} with the key of ${show(holder.name)}`;
      addPerson(roster, added);
      return null;
    }
    case 'roster.roles-set': {
      const person = typeof payload.name === 'string' ? roster.people.get(payload.name) : undefined;
      if (!person) return `sets roles of ${show(payload.name)}, who is not in the roster`;
      const roles = readRoles(payload.roles);
      if ('problem' in roles) return roles.problem;
      person.roles = roles.roles;
      return null;
    }
    case 'roster.person-revoked': {
      const person = typeof payload.name === 'string' ? roster.people.get(payload.name) : undefined;
      if (!person) return `revokes ${show(payload.name)}, who is not in the roster`;
      if (typeof payload.reason !== 'string') return 'has no reason string';
      person.revokedReason = payload.reason;
      return null;
    }
    default:
      return `has type ${show(event.type)}, which is not a roster event`;
  }
}

/**
 * @param {Record<string, unknown>} payload
 * @returns {{ name: string, keyid: string, key: import('node:crypto').KeyObject, roles: string[] } | { problem: string }}
 */
function readPersonAdded(payload) {
  if (!isNonEmptyString(payload.name)) return { problem: 'has no person name' };
  const key = publicKeyFromBase64(payload.publicKey);
  if (!key) return { problem: `gives ${show(payload.name)} a publicKey that is not base64 of 32 raw Ed25519 bytes` };
  if (key.weakness) return { problem: `gives ${show(payload.name)} a weak publicKey, which ${describeKeyWeakness(key.weakness)}` };
  const roles = readRoles(payload.roles);
  if ('problem' in roles) return roles;
  return { name: payload.name, keyid: key.keyid, key: key.key, roles: roles.roles };
}

/**
 * @param {unknown} value
 * @returns {{ roles: string[] } | { problem: string }}
 */
function readRoles(value) {
  if (!Array.isArray(value)) return { problem: 'has no roles array' };
  for (const role of value) {
    if (typeof role !== 'string' || !(/** @type {readonly string[]} */ (ROLES).includes(role))) return { problem: `has the unknown role ${show(role)} (roles are ${ROLES.join(', ')})` };
  }
  return { roles: [...new Set(/** @type {string[]} */ (value))] };
}

/**
 * @param {ReplayedRoster} roster
 * @param {{ name: string, keyid: string, key: import('node:crypto').KeyObject, roles: string[] }} added
 */
function addPerson(roster, added) {
  const person = { ...added, revokedReason: null };
  roster.people.set(person.name, person);
  roster.byKeyid.set(person.keyid, person);
}

/**
 * "roster event 3 (roster.roles-set by alice)", as far as the value lets us read it.
 * @param {number} index
 * @param {unknown} value
 */
function describe(index, value) {
  const event = isRecord(value) && isRecord(value.event) ? value.event : {};
  const type = typeof event.type === 'string' ? ` ${show(event.type).slice(1, -1)}` : '';
  const actor = typeof event.actor === 'string' ? ` by ${show(event.actor)}` : '';
  return `roster event ${index + 1}${type || actor ? ` (${type.trim()}${actor})` : ''}`;
}

// @ts-check
import { TextDecoder } from 'node:util';
import { envelopeSignatureValid, readEnvelope } from './dsse.mjs';
import { VerifierInputError } from './errors.mjs';
import { ROLES, replayRoster } from './roster.mjs';
import { isGitCommit, isHex64, isNonEmptyString, isRecord, parseIsoDate, show } from './shape.mjs';
import { readSignedEvent, signedEventProblem } from './signed-event.mjs';

/** @typedef {import('./roster.mjs').ReplayedRoster} ReplayedRoster */
/** @typedef {import('./roster.mjs').RosterPerson} RosterPerson */
/** @typedef {import('./dsse.mjs').DsseEnvelope} DsseEnvelope */

export const MANIFEST_PAYLOAD_TYPE = 'application/vnd.escrow-workbench.manifest+json';
export const STATEMENT_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SIGNOFF_PREDICATE_TYPE = 'https://escrow-workbench.org/signoff/v1';
const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'];
/** 'none' keeps nothing open; each other limit keeps that severity and the ones below it. */
const SEVERITY_LIMITS = ['none', ...SEVERITIES];
const OPEN_STATUSES = ['open', 'confirmed', 'reported'];
const LISTED = 8;

/**
 * @typedef {object} Check
 * @property {string} name
 * @property {boolean} ok
 * @property {string} detail
 */

/**
 * @typedef {object} ManifestSubject
 * @property {string} name
 * @property {{ sha256: string, gitCommit: string }} digest
 */

/**
 * @typedef {object} ManifestVerification
 * @property {boolean} ok true when every check passed
 * @property {ManifestSubject | null} subject
 * @property {string | null} trustRoot keyid of the roster's genesis admin
 * @property {Check[]} checks every check, passed or not
 * @property {string[]} warnings things that do not fail verification but a person should know
 */

/**
 * @typedef {object} Policy
 * @property {Map<string, number>} signoffs
 * @property {Map<string, number>} coverage
 * @property {string} maxOpenSeverity
 * @property {boolean} requireRiskExpiry
 * @property {boolean} separationOfDuties
 */

/**
 * @typedef {object} AcceptedSignoff
 * @property {string} name
 * @property {string} role
 * @property {'approve' | 'reject'} decision
 * @property {string} comment
 */

/** A check's failure; thrown inside a check, caught by `run`. */
class CheckFailed extends Error {}

/**
 * Every check of a manifest, given the digest (and, for a repository, the resolved commit) of the tree it
 * is meant to describe. Pure: no files, no clock beyond `options.at`.
 * @param {unknown} manifest the parsed manifest file (a DSSE envelope)
 * @param {{ digest: string, commit?: string | null }} tree `digest` is `sha256:<hex>`
 * @param {{ trustRoot?: string, at?: Date }} [options]
 * @returns {ManifestVerification}
 */
export function checkManifest(manifest, tree, options = {}) {
  const read = readEnvelope(manifest);
  if ('problem' in read) throw new VerifierInputError('INVALID_INPUT', `The manifest ${read.problem}; a manifest is a DSSE envelope {payloadType, payload, signatures}.`);
  const { envelope } = read;
  const at = options.at ?? new Date();
  if (Number.isNaN(at.getTime())) throw new VerifierInputError('USAGE', 'The verification time is not a valid date.');
  const pinned = options.trustRoot === undefined ? null : options.trustRoot.toLowerCase();
  /** @type {Check[]} */
  const checks = [];
  const warnings = [];
  if (pinned === null) warnings.push('trust root not pinned');

  const parsed = parseJsonPayload(envelope.payload);
  if ('problem' in parsed || !isRecord(parsed.value)) {
    const why = `the manifest payload ${'problem' in parsed ? parsed.problem : 'is not a JSON object'}`;
    for (const name of ['manifest-signature', 'roster', ...(pinned ? ['trust-root'] : []), 'policy', 'required-signoffs', 'separation-of-duties', 'open-findings', 'coverage', 'accepted-risks', 'tree-digest']) {
      checks.push({ name, ok: false, detail: why });
    }
    return { ok: false, subject: null, trustRoot: null, checks, warnings };
  }
  const payload = parsed.value;
  const subject = readSubject(payload.subject);
  const roster = replayRoster(payload.roster);

  /**
   * @param {string} name
   * @param {() => string} check returns the detail of a pass, throws CheckFailed with the reasons
   */
  const run = (name, check) => {
    try {
      checks.push({ name, ok: true, detail: check() });
    } catch (error) {
      checks.push({ name, ok: false, detail: error instanceof CheckFailed ? error.message : `could not be checked: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  run('manifest-signature', () => checkManifestSignature(envelope, payload, subject, roster));
  run('roster', () => checkRoster(roster));
  if (pinned !== null) run('trust-root', () => checkTrustRoot(roster, pinned));
  /** @type {Policy | null} */
  let policy = null;
  run('policy', () => {
    const result = checkPolicy(payload, roster);
    policy = result.policy;
    return result.detail;
  });
  /** @type {AcceptedSignoff[]} */
  const signoffs = [];
  if (Array.isArray(payload.signoffs)) {
    for (const [index, value] of payload.signoffs.entries()) {
      run(`signoff:${index + 1}`, () => {
        const accepted = checkSignoff(value, subject, roster);
        signoffs.push(accepted);
        return `${show(accepted.name)} ${accepted.decision === 'approve' ? 'approves' : 'rejects'} as ${accepted.role}`;
      });
    }
  }
  const acceptedRisks = Array.isArray(payload.acceptedRisks) ? payload.acceptedRisks : null;
  const trusted = () => policy ?? fail('cannot be evaluated: the policy is not trusted (see the policy check)');
  run('required-signoffs', () => {
    if (!Array.isArray(payload.signoffs)) fail('the manifest has no signoffs array');
    return checkRequiredSignoffs(trusted(), signoffs);
  });
  run('separation-of-duties', () => checkSeparationOfDuties(trusted(), signoffs, acceptedRisks));
  run('open-findings', () => checkOpenFindings(trusted(), payload.findings));
  run('coverage', () => checkCoverage(trusted(), payload.coverage));
  run('accepted-risks', () => checkAcceptedRisks(policy, acceptedRisks, at));
  run('tree-digest', () => checkTreeDigest(subject, tree));
  return { ok: checks.every((c) => c.ok), subject, trustRoot: roster.trustRoot, checks, warnings };
}

/**
 * @param {string | string[]} problems
 * @returns {never}
 */
function fail(problems) {
  throw new CheckFailed(Array.isArray(problems) ? problems.join('; ') : problems);
}

/**
 * @param {Uint8Array} bytes
 * @returns {{ value: unknown } | { problem: string }}
 */
function parseJsonPayload(bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'is not UTF-8 text' };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * @param {unknown} value
 * @returns {ManifestSubject | null}
 */
function readSubject(value) {
  if (!isRecord(value) || !isNonEmptyString(value.name) || !isRecord(value.digest)) return null;
  const { sha256, gitCommit } = value.digest;
  if (!isHex64(sha256) || !isGitCommit(gitCommit)) return null;
  return { name: value.name, digest: { sha256, gitCommit } };
}

/**
 * @param {DsseEnvelope} envelope
 * @param {Record<string, unknown>} payload
 * @param {ManifestSubject | null} subject
 * @param {ReplayedRoster} roster
 */
function checkManifestSignature(envelope, payload, subject, roster) {
  const problems = [];
  if (envelope.payloadType !== MANIFEST_PAYLOAD_TYPE) problems.push(`payloadType is ${show(envelope.payloadType)}, not ${MANIFEST_PAYLOAD_TYPE}`);
  if (payload.manifestVersion !== 1) problems.push(`manifestVersion is ${show(payload.manifestVersion)}, not 1`);
  if (!subject) problems.push('the subject is not {name, digest: {sha256: <64 hex>, gitCommit: <40 or 64 hex>}}');
  if (!isNonEmptyString(payload.component) || !isNonEmptyString(payload.ref)) problems.push('component and ref must be non-empty strings');
  else if (subject && subject.name !== `${payload.component}@${payload.ref}`) problems.push(`the subject is named ${show(subject.name)}, not ${show(`${payload.component}@${payload.ref}`)}`);
  if (!parseIsoDate(payload.exportedAt)) problems.push('exportedAt is not an ISO-8601 time');
  const exporter = typeof payload.exportedBy === 'string' ? roster.people.get(payload.exportedBy) : undefined;
  if (!exporter) problems.push(`the exporter ${show(payload.exportedBy)} is not in the roster`);
  else if (exporter.revokedReason !== null) problems.push(`the exporter ${show(exporter.name)} is revoked (${show(exporter.revokedReason)})`);
  if (envelope.signatures.length !== 1) problems.push(`the envelope has ${envelope.signatures.length} signatures; a manifest carries exactly one, its exporter's`);
  const signature = envelope.signatures[0];
  if (exporter && signature) {
    if (signature.keyid !== exporter.keyid) {
      const holder = roster.byKeyid.get(signature.keyid);
      problems.push(`the envelope is signed with ${holder ? `${show(holder.name)}'s key` : `key ${show(signature.keyid.slice(0, 16))}, which is in no roster entry`}, not the exporter ${show(exporter.name)}'s`);
    } else if (!envelopeSignatureValid(envelope, signature.sig, exporter.key)) {
      problems.push(`the envelope signature does not verify with ${show(exporter.name)}'s key: the manifest was changed after it was signed`);
    }
  }
  if (problems.length > 0) fail(problems);
  return `signed by exporter ${show(/** @type {RosterPerson} */ (exporter).name)} at ${payload.exportedAt}`;
}

/** @param {ReplayedRoster} roster */
function checkRoster(roster) {
  if (roster.problems.length > 0) fail(roster.problems);
  const people = [...roster.people.values()];
  const revoked = people.filter((p) => p.revokedReason !== null).length;
  return `${roster.applied.length} events, ${people.length} people (${revoked} revoked), trust root ${roster.trustRoot}`;
}

/**
 * @param {ReplayedRoster} roster
 * @param {string} pinned
 */
function checkTrustRoot(roster, pinned) {
  if (roster.trustRoot === null) fail(`the roster has no valid genesis, so it cannot stem from the pinned key ${pinned}`);
  if (roster.trustRoot !== pinned) fail(`the roster's genesis key is ${roster.trustRoot}, not the pinned ${pinned}`);
  return `the roster's genesis key is the pinned ${pinned}`;
}

/**
 * @param {Record<string, unknown>} payload
 * @param {ReplayedRoster} roster
 * @returns {{ policy: Policy, detail: string }}
 */
function checkPolicy(payload, roster) {
  const read = readSignedEvent(payload.policy);
  if ('problem' in read) fail(`the policy event ${read.problem}`);
  const { event } = read.signed;
  const problems = [];
  if (event.type !== 'policy.set') problems.push(`the policy event has type ${show(event.type)}, not policy.set`);
  const signer = roster.byKeyid.get(event.keyid);
  if (!signer) problems.push(`the policy is signed by key ${event.keyid.slice(0, 16)}…, which belongs to nobody in the roster`);
  else {
    if (signer.revokedReason !== null) problems.push(`the policy is signed by ${show(signer.name)}, who is revoked`);
    if (!signer.roles.includes('admin')) problems.push(`the policy is signed by ${show(signer.name)}, who is not an admin`);
    if (event.actor !== signer.name) problems.push(`the policy names actor ${show(event.actor)} but is signed by ${show(signer.name)}'s key`);
    const broken = signedEventProblem(read.signed, signer.key);
    if (broken) problems.push(`the policy event ${broken}`);
  }
  if (event.payload.component !== payload.component) problems.push(`the policy is for component ${show(event.payload.component)}, the manifest for ${show(payload.component)}`);
  const policy = readPolicy(event.payload.policy, problems);
  if (problems.length > 0 || !policy) fail(problems);
  const needs = [...policy.signoffs].filter(([, n]) => n > 0).map(([role, n]) => `${role}×${n}`);
  return { policy, detail: `set by ${show(/** @type {RosterPerson} */ (signer).name)}: sign-offs ${needs.join(', ') || 'none'}, max open severity ${policy.maxOpenSeverity}` };
}

/**
 * @param {unknown} value
 * @param {string[]} problems
 * @returns {Policy | null}
 */
function readPolicy(value, problems) {
  if (!isRecord(value)) {
    problems.push('the policy event has no policy object');
    return null;
  }
  const before = problems.length;
  /** @type {Map<string, number>} */
  const signoffs = new Map();
  if (!isRecord(value.signoffs)) problems.push('policy.signoffs is not an object');
  else {
    for (const [role, n] of Object.entries(value.signoffs)) {
      if (!(/** @type {readonly string[]} */ (ROLES).includes(role))) problems.push(`policy.signoffs names the unknown role ${show(role)}`);
      else if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) problems.push(`policy.signoffs.${role} is not a whole number ≥ 0`);
      else signoffs.set(role, n);
    }
  }
  /** @type {Map<string, number>} */
  const coverage = new Map();
  if (!isRecord(value.coverage)) problems.push('policy.coverage is not an object');
  else {
    for (const [criterion, min] of Object.entries(value.coverage)) {
      if (typeof min !== 'number' || !(min >= 0 && min <= 100)) problems.push(`policy.coverage[${show(criterion)}] is not a percentage 0..100`);
      else coverage.set(criterion, min);
    }
  }
  const { maxOpenSeverity, requireRiskExpiry, separationOfDuties } = value;
  if (typeof maxOpenSeverity !== 'string' || !SEVERITY_LIMITS.includes(maxOpenSeverity)) problems.push(`policy.maxOpenSeverity ${show(maxOpenSeverity)} is not one of ${SEVERITY_LIMITS.join(', ')}`);
  if (typeof requireRiskExpiry !== 'boolean') problems.push('policy.requireRiskExpiry is not a boolean');
  if (typeof separationOfDuties !== 'boolean') problems.push('policy.separationOfDuties is not a boolean');
  if (problems.length > before) return null;
  return {
    signoffs,
    coverage,
    maxOpenSeverity: /** @type {string} */ (maxOpenSeverity),
    requireRiskExpiry: /** @type {boolean} */ (requireRiskExpiry),
    separationOfDuties: /** @type {boolean} */ (separationOfDuties),
  };
}

/**
 * One sign-off envelope: its signature, its signer's standing in the final roster, and its statement.
 * @param {unknown} value
 * @param {ManifestSubject | null} subject
 * @param {ReplayedRoster} roster
 * @returns {AcceptedSignoff}
 */
function checkSignoff(value, subject, roster) {
  const read = readEnvelope(value);
  if ('problem' in read) fail(`the sign-off ${read.problem}`);
  const { envelope } = read;
  const problems = [];
  if (envelope.payloadType !== STATEMENT_PAYLOAD_TYPE) problems.push(`payloadType is ${show(envelope.payloadType)}, not ${STATEMENT_PAYLOAD_TYPE}`);
  if (envelope.signatures.length !== 1) problems.push(`it has ${envelope.signatures.length} signatures; a sign-off carries exactly one`);
  const signature = envelope.signatures[0];
  const signer = signature ? roster.byKeyid.get(signature.keyid) : undefined;
  if (signature && !signer) problems.push(`it is signed by key ${show(signature.keyid.slice(0, 16))}, which belongs to nobody in the roster`);
  if (signer && signer.revokedReason !== null) problems.push(`its signer ${show(signer.name)} is revoked (${show(signer.revokedReason)})`);
  if (signature && signer && !envelopeSignatureValid(envelope, signature.sig, signer.key)) problems.push(`the signature does not verify with ${show(signer.name)}'s key: the sign-off was changed after it was signed`);
  const parsed = parseJsonPayload(envelope.payload);
  if ('problem' in parsed || !isRecord(parsed.value)) fail([...problems, `the statement ${'problem' in parsed ? parsed.problem : 'is not a JSON object'}`]);
  const statement = parsed.value;
  if (statement._type !== STATEMENT_TYPE) problems.push(`_type is ${show(statement._type)}, not ${STATEMENT_TYPE}`);
  if (statement.predicateType !== SIGNOFF_PREDICATE_TYPE) problems.push(`predicateType is ${show(statement.predicateType)}, not ${SIGNOFF_PREDICATE_TYPE}`);
  problems.push(...subjectProblems(statement.subject, subject));
  const predicate = isRecord(statement.predicate) ? statement.predicate : null;
  if (!predicate) fail([...problems, 'the statement has no predicate object']);
  const { role, decision, comment } = predicate;
  if (typeof role !== 'string' || !(/** @type {readonly string[]} */ (ROLES).includes(role))) problems.push(`the role ${show(role)} is not one of ${ROLES.join(', ')}`);
  else if (signer && !signer.roles.includes(role)) problems.push(`${show(signer.name)} signed as ${role} but holds ${signer.roles.join(', ') || 'no role'} in the roster`);
  if (decision !== 'approve' && decision !== 'reject') problems.push(`the decision ${show(decision)} is neither approve nor reject`);
  if (typeof comment !== 'string') problems.push('the comment is not a string');
  if (!parseIsoDate(predicate.signedAt)) problems.push('signedAt is not an ISO-8601 time');
  if (!isRecord(predicate.gate)) problems.push('the gate is not an object');
  if (problems.length > 0) fail(problems);
  return {
    name: /** @type {RosterPerson} */ (signer).name,
    role: /** @type {string} */ (role),
    decision: /** @type {'approve' | 'reject'} */ (decision),
    comment: /** @type {string} */ (comment),
  };
}

/**
 * A sign-off must name exactly the manifest's subject: a sign-off for another release pasted in fails here.
 * @param {unknown} value
 * @param {ManifestSubject | null} subject
 * @returns {string[]}
 */
function subjectProblems(value, subject) {
  if (!Array.isArray(value) || value.length !== 1) return [`the statement must name exactly one subject, it names ${Array.isArray(value) ? value.length : 'none'}`];
  if (!subject) return ['the manifest has no valid subject to compare the sign-off with'];
  const [entry] = value;
  if (!isRecord(entry) || !isRecord(entry.digest)) return ['the statement subject is not {name, digest}'];
  const problems = [];
  if (entry.name !== subject.name) problems.push(`it signs ${show(entry.name)}, not ${show(subject.name)}`);
  if (entry.digest.sha256 !== subject.digest.sha256) problems.push(`it signs tree digest ${show(entry.digest.sha256)}, not the manifest's ${subject.digest.sha256}`);
  if (entry.digest.gitCommit !== subject.digest.gitCommit) problems.push(`it signs commit ${show(entry.digest.gitCommit)}, not the manifest's ${subject.digest.gitCommit}`);
  return problems;
}

/**
 * Distinct approving signers per required role; any valid rejection fails.
 * @param {Policy} policy
 * @param {AcceptedSignoff[]} signoffs the sign-offs whose own check passed
 */
function checkRequiredSignoffs(policy, signoffs) {
  const problems = signoffs.filter((s) => s.decision === 'reject').map((s) => `${show(s.name)} rejected as ${s.role}: ${show(s.comment)}`);
  const met = [];
  for (const [role, needed] of policy.signoffs) {
    if (needed === 0) continue;
    const approvers = approversOf(signoffs, role);
    const names = approvers.map((name) => show(name)).join(', ');
    if (approvers.length < needed) problems.push(`${role} needs ${needed} approval(s) from distinct people, has ${approvers.length}${names ? ` (${names})` : ''}`);
    else met.push(`${role} ${approvers.length}/${needed} (${names})`);
  }
  if (problems.length > 0) fail(problems);
  return met.length > 0 ? met.join(', ') : 'the policy requires no sign-offs';
}

/**
 * @param {AcceptedSignoff[]} signoffs
 * @param {string} role
 */
function approversOf(signoffs, role) {
  return [...new Set(signoffs.filter((s) => s.decision === 'approve' && s.role === role).map((s) => s.name))];
}

/**
 * Under separation of duties every required sign-off slot needs its own person (a bipartite matching of
 * approving people to slots), and nobody who requested an accepted risk may approve the release.
 * @param {Policy} policy
 * @param {AcceptedSignoff[]} signoffs
 * @param {unknown[] | null} acceptedRisks
 */
function checkSeparationOfDuties(policy, signoffs, acceptedRisks) {
  if (!policy.separationOfDuties) return 'not required by the policy';
  const problems = [];
  /** @type {string[]} the role of each slot */
  const slots = [];
  for (const [role, needed] of policy.signoffs) for (let i = 0; i < needed; i++) slots.push(role);
  const assignment = assignPeople(slots, (role) => approversOf(signoffs, role));
  const filled = assignment.filter((name) => name !== null).length;
  if (filled < slots.length) {
    const byPerson = new Map();
    for (const s of signoffs.filter((s) => s.decision === 'approve')) byPerson.set(s.name, [...new Set([...(byPerson.get(s.name) ?? []), s.role])]);
    const who = [...byPerson].map(([name, roles]) => `${show(name)} (${roles.join(', ')})`).join(', ') || 'nobody';
    problems.push(`no assignment of distinct people fills the ${slots.length} required sign-off(s) (${[...policy.signoffs].filter(([, n]) => n > 0).map(([r, n]) => `${r}×${n}`).join(', ')}): at most ${filled} can be filled by approvals from ${who}`);
  }
  // The issue's rule: the approver is not the requester of an accepted risk (a security engineer may request one and sign as security).
  const approvingNames = new Set(signoffs.filter((s) => s.decision === 'approve' && s.role === 'approver').map((s) => s.name));
  for (const risk of acceptedRisks ?? []) {
    if (isRecord(risk) && typeof risk.requestedBy === 'string' && approvingNames.has(risk.requestedBy)) {
      problems.push(`${show(risk.requestedBy)} requested the accepted risk for finding ${show(risk.findingId)} and also approved the release as approver`);
    }
  }
  if (problems.length > 0) fail(problems);
  if (slots.length === 0) return 'the policy requires no sign-offs; no risk requester approved';
  return `distinct people: ${slots.map((role, i) => `${role} ${show(assignment[i])}`).join(', ')}`;
}

/**
 * A maximum matching of people to slots (Kuhn's augmenting paths; a handful of slots and people).
 * @param {string[]} slots
 * @param {(role: string) => string[]} candidatesOf
 * @returns {(string | null)[]} the person in each slot, null where none could be placed
 */
function assignPeople(slots, candidatesOf) {
  /** @type {(string | null)[]} */
  const slotOf = slots.map(() => null);
  /** @type {Map<string, number>} */
  const personSlot = new Map();
  /**
   * @param {number} slot
   * @param {Set<string>} seen
   * @returns {boolean}
   */
  const place = (slot, seen) => {
    for (const person of candidatesOf(/** @type {string} */ (slots[slot]))) {
      if (seen.has(person)) continue;
      seen.add(person);
      const taken = personSlot.get(person);
      if (taken === undefined || place(taken, seen)) {
        personSlot.set(person, slot);
        slotOf[slot] = person;
        return true;
      }
    }
    return false;
  };
  for (let slot = 0; slot < slots.length; slot++) place(slot, new Set());
  return slotOf;
}

/**
 * @param {Policy} policy
 * @param {unknown} findings
 */
function checkOpenFindings(policy, findings) {
  const limit = policy.maxOpenSeverity;
  const exceeds = (/** @type {string} */ severity) => SEVERITIES.indexOf(severity) + 1 > SEVERITY_LIMITS.indexOf(limit);
  if (!isRecord(findings) || !Array.isArray(findings.open) || !isRecord(findings.counts)) fail('the manifest has no findings {open: [...], counts: {...}}');
  const problems = [];
  const listed = [];
  let openCount = 0;
  for (const finding of findings.open) {
    if (!isRecord(finding)) {
      problems.push('an entry of findings.open is not an object');
      continue;
    }
    const { severity, status } = finding;
    if (typeof status !== 'string' || !OPEN_STATUSES.includes(status)) continue;
    openCount++;
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) problems.push(`finding ${show(finding.number ?? finding.id)} has the unknown severity ${show(severity)}`);
    else if (exceeds(severity)) listed.push(`#${show(finding.number ?? finding.id)} ${show(finding.title)} (${severity}, ${status})`);
  }
  let countedAbove = 0;
  for (const [severity, byStatus] of Object.entries(findings.counts)) {
    if (!isRecord(byStatus)) {
      problems.push(`findings.counts.${show(severity)} is not an object`);
      continue;
    }
    for (const [status, n] of Object.entries(byStatus)) {
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) problems.push(`findings.counts.${show(severity)}.${show(status)} is not a whole number`);
      else if (n > 0 && OPEN_STATUSES.includes(status)) {
        if (!SEVERITIES.includes(severity)) problems.push(`findings.counts names the unknown severity ${show(severity)}`);
        else if (exceeds(severity)) countedAbove += n;
      }
    }
  }
  if (listed.length > 0) problems.push(`${listed.length} open finding(s) above ${limit}: ${listed.slice(0, LISTED).join(', ')}${listed.length > LISTED ? `, and ${listed.length - LISTED} more` : ''}`);
  if (countedAbove > listed.length) problems.push(`findings.counts has ${countedAbove} open finding(s) above ${limit}`);
  if (problems.length > 0) fail(problems);
  return `${openCount} open, none above ${limit}`;
}

/**
 * @param {Policy} policy
 * @param {unknown} coverage
 */
function checkCoverage(policy, coverage) {
  if (policy.coverage.size === 0) return 'the policy requires no coverage';
  if (!isRecord(coverage)) fail('the manifest has no coverage object');
  const problems = [];
  const met = [];
  for (const [criterion, min] of policy.coverage) {
    const entry = Object.hasOwn(coverage, criterion) ? coverage[criterion] : undefined;
    const percent = isRecord(entry) ? entry.percent : undefined;
    if (typeof percent !== 'number' || !Number.isFinite(percent)) problems.push(`${show(criterion)} has no coverage percent (the policy needs ${min}%)`);
    else if (percent < min) problems.push(`${show(criterion)} is ${percent}% reviewed, the policy needs ${min}%`);
    else met.push(`${show(criterion)} ${percent}% ≥ ${min}%`);
  }
  if (problems.length > 0) fail(problems);
  return met.join(', ');
}

/**
 * @param {Policy | null} policy null when the policy is not trusted: the expiry requirement is then unknown
 * @param {unknown[] | null} risks
 * @param {Date} at
 */
function checkAcceptedRisks(policy, risks, at) {
  if (!risks) fail('the manifest has no acceptedRisks array');
  const problems = [];
  if (!policy) problems.push('whether an expiry is required is unknown: the policy is not trusted (see the policy check)');
  for (const [index, risk] of risks.entries()) {
    if (!isRecord(risk)) {
      problems.push(`accepted risk ${index + 1} is not an object`);
      continue;
    }
    const label = `the risk accepted for finding ${show(risk.findingId)}`;
    if (!isNonEmptyString(risk.justification)) problems.push(`${label} has no justification`);
    if (!isNonEmptyString(risk.requestedBy)) problems.push(`${label} names no requester`);
    if (!isNonEmptyString(risk.approvedBy)) problems.push(`${label} names no approver`);
    else if (risk.approvedBy === risk.requestedBy) problems.push(`${label} was approved by its own requester ${show(risk.approvedBy)}`);
    if (risk.expiresAt === undefined || risk.expiresAt === null) {
      if (policy?.requireRiskExpiry) problems.push(`${label} has no expiry, the policy requires one`);
      continue;
    }
    const expires = parseIsoDate(risk.expiresAt);
    if (!expires) problems.push(`${label} has the malformed expiry ${show(risk.expiresAt)}`);
    else if (expires.getTime() <= at.getTime()) problems.push(`${label} expired at ${risk.expiresAt} (checked at ${at.toISOString()})`);
  }
  if (problems.length > 0) fail(problems);
  return risks.length === 0 ? 'none' : `${risks.length} accepted, all justified, approved by someone other than the requester, valid at ${at.toISOString()}`;
}

/**
 * @param {ManifestSubject | null} subject
 * @param {{ digest: string, commit?: string | null }} tree
 */
function checkTreeDigest(subject, tree) {
  if (!subject) fail('the manifest has no valid subject digest to compare the tree with');
  const named = `sha256:${subject.digest.sha256}`;
  const problems = [];
  if (tree.digest !== named) problems.push(`the tree's escrow-tree-v1 digest is ${tree.digest}, the manifest names ${named}`);
  if (tree.commit && tree.commit.toLowerCase() !== subject.digest.gitCommit) problems.push(`the commit is ${tree.commit}, the manifest names ${subject.digest.gitCommit}`);
  if (problems.length > 0) fail(problems);
  return `${named}${tree.commit ? ` at commit ${tree.commit}` : ''} matches the tree`;
}

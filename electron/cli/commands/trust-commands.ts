import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Gate, Person, Policy } from '../../../shared/contract/trust.js';
import { ROLES, SIGNING_ROLES, type Role, type SigningRole } from '../../../shared/domain/roles.js';
import { SEVERITY_LIMITS, type SeverityLimit } from '../../../shared/domain/policy.js';
import { AppError } from '../../../shared/errors.js';
import { Workspace } from '../../core/workspace/workspace.js';
import { all, required, single } from '../args.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { table } from '../table.js';
import { safeForTerminal } from '../terminal-text.js';
import { readHidden } from '../passphrase-prompt.js';

/** A new key's passphrase: ESCROW_PASSPHRASE, else typed twice on the terminal. */
async function newPassphrase(context: CliContext, name: string): Promise<string> {
  const fromEnv = process.env['ESCROW_PASSPHRASE'];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('INVALID_INPUT', 'error.identity.passphraseNeeded', { name });
  const first = await readHidden(context.t('cli.trust.newPassphrase', { name }));
  const second = await readHidden(context.t('cli.trust.repeatPassphrase'));
  if (!first || first !== second) throw new AppError('INVALID_INPUT', 'error.identity.passphraseMismatch', {});
  return first;
}


function roles(options: Parameters<CommandSpec['run']>[1]): Role[] {
  const given = all(options, 'role').flatMap((r) => r.split(','));
  if (given.length === 0) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '--role' });
  for (const role of given) if (!(ROLES as readonly string[]).includes(role)) throw new AppError('INVALID_INPUT', 'error.cli.badRole', { role, roles: ROLES.join(', ') });
  return given as Role[];
}

function personLine(p: Person): string {
  return `${safeForTerminal(p.name)}  ${p.roles.join(',')}  ${p.keyid.slice(0, 16)}…${p.revokedAt ? `  revoked ${p.revokedAt.slice(0, 10)}` : ''}`;
}

export function gateLines(context: CliContext, gate: Gate): string {
  const lines = gate.requirements.map((r) => `${r.met ? context.t('cli.trust.met') : context.t('cli.trust.unmet')}  ${r.id}  ${safeForTerminal(r.detail)}`);
  const verdict = gate.rejected ? 'cli.trust.gateRejected' : gate.approved ? 'cli.trust.gateApproved' : gate.readyForApproval ? 'cli.trust.gateReady' : 'cli.trust.gateOpen';
  return [`${safeForTerminal(gate.component)}@${safeForTerminal(gate.ref)}  ${gate.commit.slice(0, 12)}  ${gate.digest ?? '—'}`, ...lines, context.t(verdict)].join('\n');
}

/** `--signoffs reviewer=1,approver=2` and `--coverage safe-to-deploy=100` as maps. */
function pairs(text: string, option: string): Array<[string, number]> {
  return text.split(',').map((part) => {
    const match = /^([a-z0-9][a-z0-9._-]*)=(\d{1,3}(?:\.\d+)?)$/.exec(part.trim());
    if (!match) throw new AppError('INVALID_INPUT', 'error.cli.badPair', { option, value: part });
    return [match[1]!, Number(match[2])];
  });
}

function yesNo(text: string | undefined, option: string, current: boolean): boolean {
  if (text === undefined) return current;
  if (text === 'yes' || text === 'true') return true;
  if (text === 'no' || text === 'false') return false;
  throw new AppError('INVALID_INPUT', 'error.cli.badYesNo', { option, value: text });
}

export const trustCommands: CommandSpec[] = [
  {
    words: ['init'],
    usage: '[--admin NAME]',
    summary: 'cli.command.init',
    options: [{ name: 'admin', value: true }],
    positionals: { min: 0, max: 0 },
    async run(context, options) {
      const exists = await fs.stat(path.join(context.globals.workspace, 'workbench.db')).then(() => true, () => false);
      if (!exists) await (await Workspace.create(context.globals.workspace, 'cli')).close();
      const admin = single(options, 'admin');
      if (admin === undefined) return { json: { workspace: context.globals.workspace, admin: null }, human: context.t('cli.initDone', { path: context.globals.workspace }) };
      const passphrase = await newPassphrase(context, admin);
      const person = await context.call('roster.init', { name: admin, passphrase }, { write: true });
      return { json: { workspace: context.globals.workspace, admin: person }, human: `${context.t('cli.initDone', { path: context.globals.workspace })}\n${context.t('cli.trust.adminMade', { name: person.name, keyid: person.keyid })}` };
    },
  },
  {
    words: ['identity', 'new'],
    usage: 'NAME',
    summary: 'cli.trust.command.identityNew',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const name = options.positionals[0]!;
      const identity = await context.call('identity.create', { name, passphrase: await newPassphrase(context, name) }, { write: true });
      return { json: identity, human: context.t('cli.trust.identityMade', { name: identity.name, keyid: identity.keyid, publicKey: identity.publicKey }) };
    },
  },
  {
    words: ['identity', 'export'],
    usage: '[NAME]',
    summary: 'cli.trust.command.identityExport',
    positionals: { min: 0, max: 1 },
    async run(context, options) {
      const { identities } = await context.call('identity.list', {});
      const name = options.positionals[0] ?? context.globals.as ?? (identities.length === 1 ? identities[0]!.name : undefined);
      const identity = identities.find((i) => i.name === name);
      if (!identity) throw new AppError('NOT_FOUND', 'error.identity.noLocalKey', { name: name ?? '?' });
      const exported = { name: identity.name, publicKey: identity.publicKey, keyid: identity.keyid };
      return { json: exported, human: `${safeForTerminal(exported.name)}\n${exported.publicKey}\n${exported.keyid}` };
    },
  },
  {
    words: ['identity', 'list'],
    usage: '',
    summary: 'cli.trust.command.identityList',
    positionals: { min: 0, max: 0 },
    async run(context) {
      const result = await context.call('identity.list', {});
      return { json: result, human: table(['name', 'keyid', 'roles'], result.identities.map((i) => [safeForTerminal(i.name), `${i.keyid.slice(0, 16)}…`, i.roles?.join(',') ?? '—'])) };
    },
  },
  {
    words: ['user', 'add'],
    usage: 'NAME --role ROLE… [--public-key KEY]',
    summary: 'cli.trust.command.userAdd',
    options: [{ name: 'role', value: true, repeat: true }, { name: 'public-key', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const key = single(options, 'public-key');
      const person = await context.call('roster.add', { name: options.positionals[0]!, roles: roles(options), ...(key === undefined ? {} : { publicKey: key }) }, { write: true });
      return { json: person, human: personLine(person) };
    },
  },
  {
    words: ['user', 'roles'],
    usage: 'NAME --role ROLE…',
    summary: 'cli.trust.command.userRoles',
    options: [{ name: 'role', value: true, repeat: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const person = await context.call('roster.setRoles', { name: options.positionals[0]!, roles: roles(options) }, { write: true });
      return { json: person, human: personLine(person) };
    },
  },
  {
    words: ['user', 'revoke'],
    usage: 'NAME --reason TEXT',
    summary: 'cli.trust.command.userRevoke',
    options: [{ name: 'reason', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const person = await context.call('roster.revoke', { name: options.positionals[0]!, reason: required(options, 'reason') }, { write: true });
      return { json: person, human: personLine(person) };
    },
  },
  {
    words: ['user', 'list'],
    usage: '',
    summary: 'cli.trust.command.userList',
    positionals: { min: 0, max: 0 },
    async run(context) {
      const result = await context.call('roster.list', {});
      return { json: result, human: result.people.length === 0 ? context.t('cli.trust.rosterEmpty') : result.people.map(personLine).join('\n') };
    },
  },
  {
    words: ['policy', 'show'],
    usage: 'NAME',
    summary: 'cli.trust.command.policyShow',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const result = await context.call('policy.get', { component: options.positionals[0]! });
      return { json: result, human: JSON.stringify(result, null, 2) };
    },
  },
  {
    words: ['policy', 'set'],
    usage: 'NAME [--signoffs ROLE=N,…] [--coverage CRITERION=PERCENT,…] [--max-open-severity S] [--risk-expiry yes|no] [--separation yes|no]',
    summary: 'cli.trust.command.policySet',
    options: [{ name: 'signoffs', value: true }, { name: 'coverage', value: true }, { name: 'max-open-severity', value: true }, { name: 'risk-expiry', value: true }, { name: 'separation', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const component = options.positionals[0]!;
      const { policy: current } = await context.call('policy.get', { component });
      const policy: Policy = structuredClone(current);
      const signoffs = single(options, 'signoffs');
      if (signoffs !== undefined) {
        for (const [role, n] of pairs(signoffs, '--signoffs')) {
          if (!(SIGNING_ROLES as readonly string[]).includes(role)) throw new AppError('INVALID_INPUT', 'error.cli.badRole', { role, roles: SIGNING_ROLES.join(', ') });
          policy.signoffs[role as SigningRole] = n;
        }
      }
      const coverage = single(options, 'coverage');
      if (coverage !== undefined) policy.coverage = Object.fromEntries(pairs(coverage, '--coverage'));
      const limit = single(options, 'max-open-severity');
      if (limit !== undefined) {
        if (!(SEVERITY_LIMITS as readonly string[]).includes(limit)) throw new AppError('INVALID_INPUT', 'error.cli.badSeverityLimit', { value: limit, limits: SEVERITY_LIMITS.join(', ') });
        policy.maxOpenSeverity = limit as SeverityLimit;
      }
      policy.requireRiskExpiry = yesNo(single(options, 'risk-expiry'), '--risk-expiry', policy.requireRiskExpiry);
      policy.separationOfDuties = yesNo(single(options, 'separation'), '--separation', policy.separationOfDuties);
      const result = await context.call('policy.set', { component, policy }, { write: true });
      return { json: result, human: JSON.stringify(result.policy, null, 2) };
    },
  },
  {
    words: ['gate'],
    usage: 'NAME REF',
    summary: 'cli.trust.command.gate',
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const gate = await context.call('gate.evaluate', { component, ref });
      return { json: gate, human: gateLines(context, gate), exitCode: gate.approved ? 0 : 3 };
    },
  },
  {
    words: ['signoff'],
    usage: 'NAME REF --decision approve|reject [--comment TEXT] [--role ROLE]',
    summary: 'cli.trust.command.signoff',
    options: [{ name: 'decision', value: true }, { name: 'comment', value: true }, { name: 'role', value: true }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const decision = required(options, 'decision');
      if (decision !== 'approve' && decision !== 'reject') throw new AppError('INVALID_INPUT', 'error.cli.badDecision', { value: decision });
      const role = single(options, 'role');
      if (role !== undefined && !(SIGNING_ROLES as readonly string[]).includes(role)) throw new AppError('INVALID_INPUT', 'error.cli.badRole', { role, roles: SIGNING_ROLES.join(', ') });
      const signoff = await context.call('signoff.sign', { component, ref, decision, comment: single(options, 'comment') ?? '', ...(role ? { role: role as SigningRole } : {}) }, { write: true });
      return { json: signoff, human: context.t('cli.trust.signed', { name: signoff.signer, role: signoff.role, decision: signoff.decision, subject: `${signoff.component}@${signoff.ref}`, digest: signoff.digest }) };
    },
  },
  {
    words: ['audit', 'verify'],
    usage: '',
    summary: 'cli.trust.command.auditVerify',
    positionals: { min: 0, max: 0 },
    async run(context) {
      const report = await context.call('audit.verify', {}, { write: true });
      const lines = report.problems.map((p) => `${p.kind}  ${p.event ?? p.table ?? ''}  ${safeForTerminal(p.detail)}`);
      const summary = context.t(report.ok ? 'cli.trust.auditOk' : 'cli.trust.auditFailed', { events: report.events, problems: report.problems.length, seconds: report.seconds.toFixed(2) });
      return { json: report, human: [...lines, summary].join('\n'), exitCode: report.ok ? 0 : 3 };
    },
  },
  {
    words: ['audit', 'log'],
    usage: '[--limit N]',
    summary: 'cli.trust.command.auditLog',
    options: [{ name: 'limit', value: true }],
    positionals: { min: 0, max: 0 },
    async run(context, options) {
      const limitText = single(options, 'limit') ?? '50';
      if (!/^\d{1,3}$/.test(limitText)) throw new AppError('INVALID_INPUT', 'error.cli.badLimit', { value: limitText });
      const result = await context.call('audit.events', { limit: Math.min(500, Math.max(1, Number(limitText))) });
      return { json: result, human: result.events.map((e) => `${e.at}  ${safeForTerminal(e.actor)}  ${e.type}  ${safeForTerminal(e.summary)}`).join('\n') };
    },
  },
];

import { z } from 'zod';
import { componentNameSchema, criterionNameSchema, personNameSchema, refInputSchema } from '../domain/names.js';
import { ROLES, SIGNING_ROLES } from '../domain/roles.js';
import { EVENT_TYPES } from '../domain/events.js';
import { SEVERITY_LIMITS } from '../domain/policy.js';
import { method } from './method.js';

const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of a raw 32-byte Ed25519 public key');
const passphraseSchema = z.string().min(8, 'at least 8 characters').max(1024);
const rolesSchema = z.array(z.enum(ROLES)).min(1).max(ROLES.length).transform((roles) => [...new Set(roles)].sort());

export const localIdentitySchema = z.strictObject({
  name: z.string(),
  keyid: z.string(),
  publicKey: z.string(),
  protection: z.enum(['passphrase', 'safe-storage']),
  createdAt: z.string(),
  unlocked: z.boolean(),
  roles: z.array(z.enum(ROLES)).nullable(),
  revoked: z.boolean(),
});
export type LocalIdentityWire = z.infer<typeof localIdentitySchema>;

export const personSchema = z.strictObject({
  name: z.string(),
  keyid: z.string(),
  publicKey: z.string(),
  roles: z.array(z.enum(ROLES)),
  addedBy: z.string(),
  addedAt: z.string(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const policySchema = z.strictObject({
  signoffs: z.strictObject({ reviewer: z.number().int().min(0).max(20), security: z.number().int().min(0).max(20), approver: z.number().int().min(0).max(20) }),
  coverage: z.record(criterionNameSchema, z.number().min(0).max(100)),
  maxOpenSeverity: z.enum(SEVERITY_LIMITS),
  requireRiskExpiry: z.boolean(),
  separationOfDuties: z.boolean(),
});
export type Policy = z.infer<typeof policySchema>;

export const gateRequirementSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['release-pinned', 'signoffs', 'coverage', 'open-findings', 'accepted-risks', 'separation-of-duties', 'no-rejection']),
  met: z.boolean(),
  /** Parameters of the reason, for the UI to word it in the reader's language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  detail: z.string(),
});
export type GateRequirement = z.infer<typeof gateRequirementSchema>;

export const gateSchema = z.strictObject({
  component: z.string(),
  ref: z.string(),
  commit: z.string(),
  digest: z.string().nullable(),
  policy: policySchema,
  policySetBy: z.string().nullable(),
  requirements: z.array(gateRequirementSchema),
  /** Everything but the approvers' own sign-offs is met: an approver may sign approve. */
  readyForApproval: z.boolean(),
  approved: z.boolean(),
  rejected: z.boolean(),
  evaluatedAt: z.string(),
});
export type Gate = z.infer<typeof gateSchema>;

export const signoffSchema = z.strictObject({
  id: z.string(),
  component: z.string(),
  ref: z.string(),
  commit: z.string(),
  digest: z.string(),
  role: z.enum(SIGNING_ROLES),
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  signer: z.string(),
  keyid: z.string(),
  signedAt: z.string(),
  /** The DSSE envelope exactly as signed. */
  envelope: z.record(z.string(), z.unknown()),
});
export type Signoff = z.infer<typeof signoffSchema>;

export const auditProblemSchema = z.strictObject({ kind: z.string(), event: z.string().nullable(), table: z.string().nullable(), detail: z.string() });
export const auditReportSchema = z.strictObject({
  ok: z.boolean(),
  events: z.number().int(),
  people: z.number().int(),
  trustRoot: z.string().nullable(),
  problems: z.array(auditProblemSchema),
  seconds: z.number(),
});
export type AuditReport = z.infer<typeof auditReportSchema>;

export const auditEventSchema = z.strictObject({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  actor: z.string(),
  keyid: z.string().nullable(),
  actorSeq: z.number().int().nullable(),
  lamport: z.number().int().nullable(),
  at: z.string(),
  hash: z.string().nullable(),
  summary: z.string(),
});

const releaseInput = { component: componentNameSchema, ref: refInputSchema };

export const trustMethods = {
  'identity.list': method(z.strictObject({}), z.strictObject({ identities: z.array(localIdentitySchema), rosterEmpty: z.boolean() })),
  'identity.create': method(z.strictObject({ name: personNameSchema, passphrase: passphraseSchema }), localIdentitySchema, { mutates: true }),
  'identity.unlock': method(z.strictObject({ name: personNameSchema, passphrase: z.string().max(1024) }), localIdentitySchema),
  'identity.lock': method(z.strictObject({ name: personNameSchema.optional() }), z.strictObject({ locked: z.boolean() })),
  'roster.init': method(z.strictObject({ name: personNameSchema, passphrase: passphraseSchema }), personSchema, { mutates: true }),
  'roster.list': method(z.strictObject({}), z.strictObject({ people: z.array(personSchema), trustRoot: z.string().nullable() })),
  'roster.add': method(z.strictObject({ name: personNameSchema, roles: rolesSchema, publicKey: publicKeySchema.optional() }), personSchema, { mutates: true }),
  'roster.setRoles': method(z.strictObject({ name: personNameSchema, roles: rolesSchema }), personSchema, { mutates: true }),
  'roster.revoke': method(z.strictObject({ name: personNameSchema, reason: z.string().trim().min(1).max(2000) }), personSchema, { mutates: true }),
  'policy.get': method(z.strictObject({ component: componentNameSchema }), z.strictObject({ component: z.string(), policy: policySchema, setBy: z.string().nullable(), setAt: z.string().nullable() })),
  'policy.set': method(z.strictObject({ component: componentNameSchema, policy: policySchema }), z.strictObject({ component: z.string(), policy: policySchema, setBy: z.string().nullable(), setAt: z.string().nullable() }), { mutates: true }),
  'gate.evaluate': method(z.strictObject(releaseInput), gateSchema),
  'signoff.sign': method(
    z.strictObject({ ...releaseInput, role: z.enum(SIGNING_ROLES).optional(), decision: z.enum(['approve', 'reject']), comment: z.string().trim().max(5000).default('') }),
    signoffSchema,
    { mutates: true },
  ),
  'signoff.list': method(z.strictObject(releaseInput), z.strictObject({ signoffs: z.array(signoffSchema) })),
  'audit.verify': method(z.strictObject({ operationId: z.string().uuid().optional() }), auditReportSchema, { long: true }),
  'audit.events': method(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(100), before: z.number().int().optional(), type: z.enum(EVENT_TYPES).optional(), actor: personNameSchema.optional() }),
    z.strictObject({ events: z.array(auditEventSchema), total: z.number().int() }),
  ),
  'manifest.export': method(z.strictObject(releaseInput), z.strictObject({ manifest: z.record(z.string(), z.unknown()) })),
};

import { z } from 'zod';
import { componentNameSchema, objectIdSchema, operationIdSchema, refInputSchema } from '../domain/names.js';
import { ALARM_KINDS, ALARM_SEVERITIES, componentSummarySchema, componentSyncResultSchema, SYNC_STATUSES } from './components.js';
import { method } from './method.js';

export const VERIFICATION_PROBLEM_KINDS = [
  'never-mirrored',
  'mirror-missing',
  'alternates',
  'partial-clone',
  'object-missing',
  'broken-link',
  'object-malformed',
  'unsafe-content',
  'object-corrupt',
  'pack-corrupt',
  'fsck-failed',
  'ref-missing',
  'ref-mismatch',
  'ref-unrecorded',
  'preserved-missing',
  'preserved-mismatch',
  'release-commit-missing',
  'release-tree-mismatch',
  'release-digest-mismatch',
  'release-digest-unreadable',
] as const;

export const verificationProblemSchema = z.strictObject({ kind: z.enum(VERIFICATION_PROBLEM_KINDS), detail: z.string() });
export type VerificationProblem = z.infer<typeof verificationProblemSchema>;

export const componentVerificationSchema = z.strictObject({
  name: z.string(),
  ok: z.boolean(),
  verifiedAt: z.string(),
  problems: z.array(verificationProblemSchema),
});
export type ComponentVerification = z.infer<typeof componentVerificationSchema>;

export const escrowDigestSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/);

export const pinnedReleaseSchema = z.strictObject({
  id: z.number().int(),
  component: z.string(),
  ref: z.string(),
  commit: objectIdSchema,
  tree: objectIdSchema,
  digest: escrowDigestSchema,
  fileCount: z.number().int(),
  totalBytes: z.number().int(),
  pinnedAt: z.string(),
  pinnedBy: z.string(),
});
export type PinnedRelease = z.infer<typeof pinnedReleaseSchema>;

const pathSize = z.strictObject({ path: z.string(), size: z.number().int() });

export const releaseInventorySchema = z.strictObject({
  files: z.number().int(),
  bytes: z.number().int(),
  lines: z.number().int(),
  languages: z.array(z.strictObject({ language: z.string(), files: z.number().int(), lines: z.number().int(), bytes: z.number().int() })),
  buildFiles: z.array(z.strictObject({ path: z.string(), system: z.string() })),
  licenceFiles: z.array(z.string()),
  vendoredFolders: z.array(z.strictObject({ path: z.string(), files: z.number().int(), bytes: z.number().int() })),
  binaryFiles: z.array(pathSize),
  largeFiles: z.array(pathSize),
  lfsPointers: z.array(z.strictObject({ path: z.string(), oid: z.string(), size: z.number().int() })),
  submodules: z.array(z.strictObject({ path: z.string(), url: z.string().nullable(), commit: objectIdSchema, deposited: z.boolean(), component: z.string().nullable() })),
  symlinks: z.number().int(),
  executables: z.number().int(),
});
export type ReleaseInventory = z.infer<typeof releaseInventorySchema>;

export const refChangeSchema = z.strictObject({
  refname: z.string(),
  kind: z.enum(['added', 'updated', 'forced', 'deleted']),
  oldTarget: objectIdSchema.nullable(),
  newTarget: objectIdSchema.nullable(),
  preservedRef: z.string().nullable(),
});

export const syncHistoryEntrySchema = z.strictObject({
  id: z.number().int(),
  status: z.enum(SYNC_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  refs: z.strictObject({ added: z.number().int(), updated: z.number().int(), forced: z.number().int(), deleted: z.number().int(), unchanged: z.number().int() }),
  snapshotSha256: z.string().nullable(),
  bundle: z.string().nullable(),
  error: z.string().nullable(),
});

export const alarmRecordSchema = z.strictObject({
  id: z.number().int(),
  component: z.string(),
  syncId: z.number().int(),
  refname: z.string(),
  kind: z.enum(ALARM_KINDS),
  severity: z.enum(ALARM_SEVERITIES),
  oldTarget: objectIdSchema,
  newTarget: objectIdSchema.nullable(),
  preservedRef: z.string(),
  raisedAt: z.string(),
  acknowledgements: z.array(z.strictObject({ comment: z.string(), by: z.string(), at: z.string() })),
});
export type AlarmRecord = z.infer<typeof alarmRecordSchema>;

export const bundleFactsSchema = z.strictObject({
  file: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  refs: z.number().int(),
  prerequisites: z.array(objectIdSchema),
});

export const credentialEntrySchema = z.strictObject({
  host: z.string(),
  username: z.string(),
  origin: z.enum(['environment', 'keychain']),
  variable: z.string().nullable(),
});

const filePathSchema = z.string().min(1).max(4096).refine((p) => !p.includes('\u0000'), 'contains a NUL character');
const hostSchema = z.string().regex(/^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/, 'a host name');

export const depositMethods = {
  'deposit.verify': method(
    z.strictObject({ components: z.array(componentNameSchema).max(1000).optional(), operationId: operationIdSchema.optional() }),
    z.strictObject({ components: z.array(componentVerificationSchema) }),
    { mutates: true, long: true },
  ),
  'deposit.overview': method(
    z.strictObject({ component: componentNameSchema }),
    z.strictObject({
      component: componentSummarySchema,
      headRef: z.string().nullable(),
      syncs: z.array(syncHistoryEntrySchema),
      alarms: z.array(alarmRecordSchema),
      verification: componentVerificationSchema.nullable(),
      releases: z.array(pinnedReleaseSchema),
    }),
  ),
  'deposit.syncChanges': method(
    z.strictObject({ component: componentNameSchema, syncId: z.number().int().positive(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    z.strictObject({ total: z.number().int(), changes: z.array(refChangeSchema) }),
  ),
  'alarm.list': method(
    z.strictObject({ component: componentNameSchema.optional(), open: z.boolean().optional() }),
    z.strictObject({ alarms: z.array(alarmRecordSchema) }),
  ),
  'alarm.acknowledge': method(
    z.strictObject({ alarmId: z.number().int().positive(), comment: z.string().trim().min(1).max(4000) }),
    z.strictObject({ alarm: alarmRecordSchema }),
    { mutates: true },
  ),
  'release.pin': method(
    z.strictObject({ component: componentNameSchema, ref: refInputSchema, operationId: operationIdSchema.optional() }),
    z.strictObject({ release: pinnedReleaseSchema, created: z.boolean() }),
    { mutates: true, long: true },
  ),
  'release.inventory': method(
    z.strictObject({ component: componentNameSchema, ref: refInputSchema }),
    z.strictObject({ release: pinnedReleaseSchema, inventory: releaseInventorySchema }),
  ),
  'bundle.import': method(
    z.strictObject({ component: componentNameSchema, file: filePathSchema, operationId: operationIdSchema.optional() }),
    z.strictObject({ bundle: bundleFactsSchema, sync: componentSyncResultSchema }),
    { mutates: true, long: true },
  ),
  'bundle.export': method(
    z.strictObject({ component: componentNameSchema, file: filePathSchema, sinceSync: z.number().int().positive().optional() }),
    z.strictObject({ bundle: bundleFactsSchema }),
  ),
  'credential.list': method(z.strictObject({}), z.strictObject({ credentials: z.array(credentialEntrySchema) })),
  'credential.store': method(
    z.strictObject({ host: hostSchema, username: z.string().min(1).max(256), secret: z.string().min(1).max(8192) }),
    z.strictObject({ stored: z.boolean() }),
    { mutates: true },
  ),
  'credential.remove': method(z.strictObject({ host: hostSchema }), z.strictObject({ removed: z.boolean() }), { mutates: true }),
};

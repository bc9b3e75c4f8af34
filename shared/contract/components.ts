import { z } from 'zod';
import { wireErrorSchema } from '../errors.js';
import { componentNameSchema, objectIdSchema, operationIdSchema } from '../domain/names.js';
import { method } from './method.js';

export const SOURCE_KINDS = ['https', 'ssh', 'file', 'path', 'bundle'] as const;
export const SYNC_STATUSES = ['running', 'applying', 'ok', 'failed', 'cancelled', 'interrupted'] as const;

export const syncSummarySchema = z.strictObject({
  id: z.number().int(),
  status: z.enum(SYNC_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: wireErrorSchema.nullable(),
});

export const componentSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  sourceKind: z.enum(SOURCE_KINDS),
  createdAt: z.string(),
  refCount: z.number().int(),
  lastSync: syncSummarySchema.nullable(),
  /** Integrity alarms nobody has acknowledged yet. */
  openAlarms: z.number().int(),
  /** The latest verification: null when never verified. */
  verified: z.strictObject({ ok: z.boolean(), at: z.string() }).nullable(),
});
export type ComponentSummary = z.infer<typeof componentSummarySchema>;

export const refChangeCountsSchema = z.strictObject({
  added: z.number().int(),
  updated: z.number().int(),
  forced: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
});

export const ALARM_KINDS = ['forced', 'deleted'] as const;
export const ALARM_SEVERITIES = ['high', 'medium'] as const;

export const integrityAlarmSchema = z.strictObject({
  refname: z.string(),
  kind: z.enum(ALARM_KINDS),
  severity: z.enum(ALARM_SEVERITIES),
  oldTarget: objectIdSchema,
  newTarget: objectIdSchema.nullable(),
  preservedRef: z.string(),
});
export type IntegrityAlarm = z.infer<typeof integrityAlarmSchema>;

export const componentSyncResultSchema = z.strictObject({
  name: z.string(),
  status: z.enum(['ok', 'failed', 'cancelled']),
  syncId: z.number().int().nullable(),
  refs: refChangeCountsSchema,
  alarms: z.array(integrityAlarmSchema),
  error: wireErrorSchema.nullable(),
});
export type ComponentSyncResult = z.infer<typeof componentSyncResultSchema>;

export const componentMethods = {
  'component.list': method(
    z.strictObject({}),
    z.strictObject({ components: z.array(componentSummarySchema) }),
  ),
  'component.add': method(
    z.strictObject({ name: componentNameSchema, source: z.string().min(1).max(4096) }),
    z.strictObject({ component: componentSummarySchema }),
    { mutates: true },
  ),
  'sync.run': method(
    z.strictObject({
      components: z.array(componentNameSchema).max(1000).optional(),
      operationId: operationIdSchema.optional(),
    }),
    z.strictObject({ components: z.array(componentSyncResultSchema) }),
    { mutates: true, long: true },
  ),
};

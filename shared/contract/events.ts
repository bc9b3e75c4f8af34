import { z } from 'zod';

/** Pushed from the core to every face: progress of long operations and "something changed" hints. */
export const progressEventSchema = z.strictObject({
  type: z.literal('progress'),
  operationId: z.string(),
  method: z.string(),
  component: z.string().nullable(),
  phase: z.string(),
  completed: z.number().nullable(),
  total: z.number().nullable(),
  bytes: z.number().nullable(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;

/** `ledger`: events from other workstations were merged; anything shown may have changed. */
export const CHANGE_TOPICS = ['components', 'releases', 'ledger'] as const;

export const changeEventSchema = z.strictObject({
  type: z.literal('changed'),
  topic: z.enum(CHANGE_TOPICS),
  component: z.string().nullable(),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

export const workbenchEventSchema = z.discriminatedUnion('type', [progressEventSchema, changeEventSchema]);
export type WorkbenchEvent = z.infer<typeof workbenchEventSchema>;

/** Sync phases, in order; the faces translate them with the `progress.phase.*` catalog keys. */
export const SYNC_PHASES = ['connecting', 'counting', 'compressing', 'receiving', 'resolving', 'updating-refs', 'recording'] as const;

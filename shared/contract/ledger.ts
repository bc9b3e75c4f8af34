import { z } from 'zod';
import { wireErrorSchema } from '../errors.js';
import { method } from './method.js';

const remoteNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, dot, dash or underscore; up to 63');
const fileSchema = z.string().min(1).max(4096);
const operation = { operationId: z.string().uuid().optional() };

export const ledgerExchangeSchema = z.strictObject({
  /** Where the events came from: `remote/<name>` or `bundle`. */
  source: z.string(),
  /** Other workstations whose ledgers had moved since this source was last read. */
  peers: z.number().int(),
  received: z.number().int(),
  applied: z.number().int(),
  duplicates: z.number().int(),
  quarantined: z.array(z.strictObject({ keyid: z.string(), seq: z.number().int(), reason: z.string(), detail: z.string() })),
  conflicts: z.number().int(),
  rebuilt: z.boolean(),
});
export type LedgerExchange = z.infer<typeof ledgerExchangeSchema>;

export const ledgerStatusSchema = z.strictObject({
  peer: z.string(),
  commit: z.string().nullable(),
  events: z.number().int(),
  /** Events in the database not yet written to the ledger repository. */
  pending: z.number().int(),
  remotes: z.array(
    z.strictObject({ name: z.string(), url: z.string(), lastPushAt: z.string().nullable(), lastPullAt: z.string().nullable(), lastPullEvents: z.number().int().nullable(), lastPullQuarantined: z.number().int().nullable(), lastError: wireErrorSchema.nullable() }),
  ),
  quarantine: z.array(z.strictObject({ keyid: z.string(), seq: z.number().int(), eventId: z.string().nullable(), source: z.string(), reason: z.string(), detail: z.string(), receivedAt: z.string() })),
  conflicts: z.array(z.strictObject({ eventId: z.string(), kind: z.enum(['concurrent', 'not-applied']), subject: z.string(), detail: z.string(), actor: z.string(), at: z.string() })),
  /** How many there are in all (the lists stop at 500, newest first). */
  quarantineTotal: z.number().int(),
  conflictsTotal: z.number().int(),
});
export type LedgerStatus = z.infer<typeof ledgerStatusSchema>;

export const ledgerMethods = {
  'ledger.status': method(z.strictObject({}), ledgerStatusSchema),
  'ledger.remoteAdd': method(z.strictObject({ name: remoteNameSchema, url: z.string().min(1).max(2048) }), z.strictObject({ name: z.string(), url: z.string() }), { mutates: true }),
  'ledger.remoteRemove': method(z.strictObject({ name: remoteNameSchema }), z.strictObject({ name: z.string() }), { mutates: true }),
  'ledger.push': method(z.strictObject({ remote: remoteNameSchema, ...operation }), z.strictObject({ remote: z.string(), commit: z.string().nullable(), events: z.number().int() }), { mutates: true, long: true }),
  'ledger.pull': method(z.strictObject({ remote: remoteNameSchema, ...operation }), ledgerExchangeSchema, { mutates: true, long: true }),
  'ledger.export': method(
    z.strictObject({ file: fileSchema, since: z.string().regex(/^[0-9a-f]{40}$/).optional() }),
    z.strictObject({ file: z.string(), mark: z.string(), since: z.string().nullable(), events: z.number().int() }),
    { mutates: true },
  ),
  'ledger.import': method(z.strictObject({ file: fileSchema, ...operation }), ledgerExchangeSchema, { mutates: true, long: true }),
};

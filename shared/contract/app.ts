import { z } from 'zod';
import { operationIdSchema } from '../domain/names.js';
import { method } from './method.js';

export const FACES = ['web', 'electron', 'cli'] as const;

export const appMethods = {
  'app.info': method(
    z.strictObject({}),
    z.strictObject({ version: z.string(), workspace: z.string(), face: z.enum(FACES), person: z.string() }),
  ),
  'operation.cancel': method(
    z.strictObject({ operationId: operationIdSchema }),
    z.strictObject({ cancelled: z.boolean() }),
  ),
};

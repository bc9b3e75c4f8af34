import type { z } from 'zod';

/**
 * One named operation of the core. `mutates` tells transports and the workspace lock that it writes;
 * `long` that it reports progress and can be cancelled through its operationId.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly mutates: boolean;
  readonly long: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  flags: { mutates?: boolean; long?: boolean } = {},
): MethodSpec<I, O> {
  return { input, output, mutates: flags.mutates ?? false, long: flags.long ?? false };
}

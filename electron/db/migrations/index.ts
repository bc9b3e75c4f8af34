import type { Writable } from '../connection.js';
import { migration001Initial } from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Writable): Promise<void>;
}

/** In order; a migration's position is its version. Never edit a released migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [migration001Initial];

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} is listed at position ${i + 1} but says version ${m.version}`);
});

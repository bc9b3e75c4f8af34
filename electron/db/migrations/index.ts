import type { Writable } from '../connection.js';
import { migration001Initial } from './001-initial.js';
import { migration002Deposits } from './002-deposits.js';
import { migration003Review } from './003-review.js';
import { migration004Trust } from './004-trust.js';
import { migration005RangeOnlyAnchors } from './005-range-only-anchors.js';
import { migration006Ledger } from './006-ledger.js';
import { migration007LedgerOrderIndex } from './007-ledger-order-index.js';

export interface Migration {
  version: number;
  name: string;
  /**
   * Rebuilding a table that others reference needs foreign keys off for the migration (SQLite's table
   * rebuild procedure); they are checked with foreign_key_check before the migration commits.
   */
  foreignKeysOff?: boolean;
  up(db: Writable): Promise<void>;
}

/** In order; a migration's position is its version. Never edit a released migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration002Deposits, migration003Review, migration004Trust, migration005RangeOnlyAnchors, migration006Ledger, migration007LedgerOrderIndex];

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} is listed at position ${i + 1} but says version ${m.version}`);
});

import type { Migration } from './index.js';

/**
 * The events in ledger order (Lamport clock, key id, the signer's sequence) as an index, so `audit verify`
 * reads them a chunk at a time in the order it checks and replays them, and starts replaying while it
 * still reads; the ledger's outbox reads in that order too. Unsigned rows (from before signatures) have no
 * place in that order and are left out.
 */
export const migration007LedgerOrderIndex: Migration = {
  version: 7,
  name: 'ledger-order-index',
  async up(db) {
    await db.exec('CREATE INDEX events_in_ledger_order ON events(lamport, keyid, actor_seq) WHERE keyid IS NOT NULL AND actor_seq IS NOT NULL AND lamport IS NOT NULL;');
  },
};

import { useCallback, useState } from 'react';
import type { LedgerExchange } from '../../../../shared/contract/ledger.js';
import { useOperation } from '../../app/use-operation.js';

/** What is under way: a push or pull with one remote, or a bundle being imported. */
export type LedgerTransfer = { kind: 'push' | 'pull'; remote: string } | { kind: 'import'; file: string };

/** What the last exchange did, and when (this face's clock: when the answer came). */
export type LedgerOutcome =
  | { kind: 'pull'; remote: string; at: string; exchange: LedgerExchange }
  | { kind: 'import'; file: string; at: string; exchange: LedgerExchange }
  | { kind: 'push'; remote: string; at: string; commit: string | null; events: number };

/**
 * Push, pull and import as cancellable operations, one at a time, keeping the outcome of the last one.
 * `onFinished` runs after each, done or failed: a failed pull is recorded on its remote too.
 */
export function useLedgerExchange(onFinished: () => void) {
  const operation = useOperation<LedgerTransfer>();
  const [outcome, setOutcome] = useState<LedgerOutcome | null>(null);
  const { start } = operation;
  const now = () => new Date().toISOString();

  const push = useCallback(
    async (remote: string) => {
      const result = await start('ledger.push', { remote }, { kind: 'push', remote });
      if (result) setOutcome({ kind: 'push', remote, at: now(), commit: result.commit, events: result.events });
      onFinished();
    },
    [start, onFinished],
  );
  const pull = useCallback(
    async (remote: string) => {
      const exchange = await start('ledger.pull', { remote }, { kind: 'pull', remote });
      if (exchange) setOutcome({ kind: 'pull', remote, at: now(), exchange });
      onFinished();
    },
    [start, onFinished],
  );
  const importBundle = useCallback(
    async (file: string): Promise<boolean> => {
      const exchange = await start('ledger.import', { file }, { kind: 'import', file });
      if (exchange) setOutcome({ kind: 'import', file, at: now(), exchange });
      onFinished();
      return exchange !== undefined;
    },
    [start, onFinished],
  );

  return { running: operation.running, error: operation.error, dismiss: operation.dismiss, cancel: operation.cancel, outcome, push, pull, importBundle };
}

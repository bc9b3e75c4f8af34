import type { CoreServices } from '../core/services.js';
import type { HandlerTable } from './handler-types.js';
import { appHandlers } from './handlers/app-handlers.js';
import { codeHandlers } from './handlers/code-handlers.js';
import { depositHandlers } from './handlers/deposit-handlers.js';
import { escrowHandlers } from './handlers/escrow-handlers.js';
import { githubHandlers } from './handlers/github-handlers.js';
import { historyHandlers } from './handlers/history-handlers.js';
import { searchHandlers } from './handlers/search-handlers.js';
import { reviewHandlers } from './handlers/review-handlers.js';
import { findingHandlers } from './handlers/finding-handlers.js';
import { trustHandlers } from './handlers/trust-handlers.js';
import { reportHandlers } from './handlers/report-handlers.js';
import { ledgerHandlers } from './handlers/ledger-handlers.js';

export type { CallContext, Handler, HandlerTable } from './handler-types.js';

/** The implementation of every method of the contract; the type makes a missing one a compile error. */
export function createHandlers(core: CoreServices): HandlerTable {
  return {
    ...appHandlers(core),
    ...escrowHandlers(core),
    ...codeHandlers(core),
    ...githubHandlers(core),
    ...depositHandlers(core),
    ...searchHandlers(core),
    ...historyHandlers(core),
    ...reviewHandlers(core),
    ...findingHandlers(core),
    ...trustHandlers(core),
    ...reportHandlers(core),
    ...ledgerHandlers(core),
  };
}

import type { z } from 'zod';
import { appMethods } from './app.js';
import { codeMethods } from './code.js';
import { componentMethods } from './components.js';
import { depositMethods } from './deposits.js';
import { githubMethods } from './github.js';
import { historyMethods } from './history.js';
import { searchMethods } from './search.js';
import { dashboardMethods, reviewMethods } from './review.js';
import { findingMethods } from './findings.js';
import { trustMethods } from './trust.js';
import { reportMethods } from './reports.js';
import { ledgerMethods } from './ledger.js';

/** The whole API: every operation any face (UI over IPC or HTTP, CLI) can perform. */
export const apiContract = {
  ...appMethods,
  ...componentMethods,
  ...codeMethods,
  ...githubMethods,
  ...depositMethods,
  ...searchMethods,
  ...historyMethods,
  ...reviewMethods,
  ...findingMethods,
  ...dashboardMethods,
  ...trustMethods,
  ...reportMethods,
  ...ledgerMethods,
};

export type ApiContract = typeof apiContract;
export type MethodName = keyof ApiContract;
export type MethodInput<M extends MethodName> = z.input<ApiContract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<ApiContract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<ApiContract[M]['output']>;

export const METHOD_NAMES = Object.keys(apiContract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

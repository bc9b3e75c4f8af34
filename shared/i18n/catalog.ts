import { appMessages } from './messages/app.js';
import { cliMessages } from './messages/cli.js';
import { codeMessages } from './messages/code.js';
import { depositMessages } from './messages/deposit.js';
import { digestMessages } from './messages/digest.js';
import { errorsMessages } from './messages/errors.js';
import { escrowMessages } from './messages/escrow.js';
import { githubMessages } from './messages/github.js';
import { historyMessages } from './messages/history.js';
import { readingMessages } from './messages/reading.js';
import { searchMessages } from './messages/search.js';
import { reviewMessages } from './messages/review.js';
import { anchorsMessages } from './messages/anchors.js';
import { trustMessages } from './messages/trust.js';
import { trustUiMessages } from './messages/trust-ui.js';
import { findingsMessages } from './messages/findings.js';
import { reviewUiMessages } from './messages/review-ui.js';
import { reportMessages } from './messages/report.js';
import { ledgerMessages } from './messages/ledger.js';
import { ledgerUiMessages } from './messages/ledger-ui.js';

/** Every feature's messages. A new feature adds its module here (keys must not repeat across modules). */
export const MESSAGE_MODULES = [appMessages, escrowMessages, codeMessages, errorsMessages, cliMessages, githubMessages, digestMessages, depositMessages, searchMessages, historyMessages, readingMessages, reviewMessages, anchorsMessages, findingsMessages, reviewUiMessages, trustMessages, trustUiMessages, reportMessages, ledgerMessages, ledgerUiMessages] as const;

export const en = {
  ...appMessages.en,
  ...escrowMessages.en,
  ...codeMessages.en,
  ...errorsMessages.en,
  ...cliMessages.en,
  ...githubMessages.en,
  ...digestMessages.en,
  ...depositMessages.en,
  ...searchMessages.en,
  ...historyMessages.en,
  ...readingMessages.en,
  ...reviewMessages.en,
  ...anchorsMessages.en,
  ...trustMessages.en,
  ...trustUiMessages.en,
  ...findingsMessages.en,
  ...reviewUiMessages.en,
  ...reportMessages.en,
  ...ledgerMessages.en,
  ...ledgerUiMessages.en,
};
export type MessageKey = keyof typeof en;
export const ru: Readonly<Record<MessageKey, string>> = {
  ...appMessages.ru,
  ...escrowMessages.ru,
  ...codeMessages.ru,
  ...errorsMessages.ru,
  ...cliMessages.ru,
  ...githubMessages.ru,
  ...digestMessages.ru,
  ...depositMessages.ru,
  ...searchMessages.ru,
  ...historyMessages.ru,
  ...readingMessages.ru,
  ...reviewMessages.ru,
  ...anchorsMessages.ru,
  ...trustMessages.ru,
  ...trustUiMessages.ru,
  ...findingsMessages.ru,
  ...reviewUiMessages.ru,
  ...reportMessages.ru,
  ...ledgerMessages.ru,
  ...ledgerUiMessages.ru,
};
export const kk: Readonly<Record<MessageKey, string>> = {
  ...appMessages.kk,
  ...escrowMessages.kk,
  ...codeMessages.kk,
  ...errorsMessages.kk,
  ...cliMessages.kk,
  ...githubMessages.kk,
  ...digestMessages.kk,
  ...depositMessages.kk,
  ...searchMessages.kk,
  ...historyMessages.kk,
  ...readingMessages.kk,
  ...reviewMessages.kk,
  ...anchorsMessages.kk,
  ...trustMessages.kk,
  ...trustUiMessages.kk,
  ...findingsMessages.kk,
  ...reviewUiMessages.kk,
  ...reportMessages.kk,
  ...ledgerMessages.kk,
  ...ledgerUiMessages.kk,
};

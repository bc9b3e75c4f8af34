import { defineMessages } from '../define.js';

/** Messages of the history feature. */
export const historyMessages = defineMessages({
  en: {},
  ru: {},
  kk: {},
});

import { defineMessages } from '../define.js';

/** Messages of the search feature. */
export const searchMessages = defineMessages({
  en: {},
  ru: {},
  kk: {},
});

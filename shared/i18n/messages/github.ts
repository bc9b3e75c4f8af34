import { defineMessages } from '../define.js';

/** Messages of the github feature. */
export const githubMessages = defineMessages({
  en: {},
  ru: {},
  kk: {},
});

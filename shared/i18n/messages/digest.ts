import { defineMessages } from '../define.js';

/** Messages of the digest feature. */
export const digestMessages = defineMessages({
  en: {},
  ru: {},
  kk: {},
});

import { defineMessages } from '../define.js';

/** Anchors that follow code from one release to the next. */
export const anchorsMessages = defineMessages({
  en: {
  },
  ru: {
  },
  kk: {
  },
});

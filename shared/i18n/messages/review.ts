import { defineMessages } from '../define.js';

/** Review: threads on lines, review coverage against criteria, component status and the dashboard. */
export const reviewMessages = defineMessages({
  en: {
  },
  ru: {
  },
  kk: {
  },
});

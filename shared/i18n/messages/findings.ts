import { defineMessages } from '../define.js';

/** Findings: CWE, CVSS, the status workflow, risk acceptance, SARIF import and export. */
export const findingsMessages = defineMessages({
  en: {
  },
  ru: {
  },
  kk: {
  },
});

import { z } from 'zod';
import { componentNameSchema, refInputSchema } from '../domain/names.js';
import { LOCALES } from '../i18n/index.js';
import { method } from './method.js';

export const REPORT_FORMATS = ['html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const renderedReportSchema = z.strictObject({
  /** A file name made only of safe characters, e.g. `payments-gateway_v1.2.0.pdf`. */
  fileName: z.string(),
  mimeType: z.enum(['text/html; charset=utf-8', 'application/pdf']),
  base64: z.string(),
});
export type RenderedReport = z.infer<typeof renderedReportSchema>;

export const reportMethods = {
  /** The report of one component release (gate, sign-offs, findings, coverage, inventory), in the reader's language. */
  'report.render': method(
    z.strictObject({ component: componentNameSchema, ref: refInputSchema, locale: z.enum(LOCALES), format: z.enum(REPORT_FORMATS) }),
    renderedReportSchema,
  ),
};

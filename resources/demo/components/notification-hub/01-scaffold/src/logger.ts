import pino from 'pino';

/**
 * Structured JSON logs. Phone numbers and e-mail addresses are personal data: they are
 * redacted everywhere, also when a whole message object is logged by mistake.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'notification-hub' },
  redact: {
    paths: ['phone', 'email', '*.phone', '*.email', 'recipient.phone', 'recipient.email', 'req.headers.authorization'],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;

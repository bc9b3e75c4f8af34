/** Configuration from the environment; the process exits at start-up when something is missing. */
export interface Config {
  port: number;
  logLevel: string;
  amqpUrl: string;
  sms: { url: string; login: string; password: string; sender: string };
  email: { smtpUrl: string; from: string };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Environment variable ${name} is required`);
  }
  return value;
}

function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(): Config {
  return {
    port: integer('PORT', 8085),
    logLevel: process.env.LOG_LEVEL ?? 'info',
    amqpUrl: required('AMQP_URL'),
    sms: {
      url: required('SMS_API_URL'),
      login: required('SMS_API_LOGIN'),
      password: required('SMS_API_PASSWORD'),
      sender: process.env.SMS_SENDER ?? 'QYZMET',
    },
    email: {
      smtpUrl: required('SMTP_URL'),
      from: process.env.MAIL_FROM ?? 'Qyzmet <noreply@qyzmet.example.kz>',
    },
  };
}

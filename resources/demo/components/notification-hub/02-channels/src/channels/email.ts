import nodemailer, { type Transporter } from 'nodemailer';
import { PermanentDeliveryError, type Channel, type Recipient, type RenderedMessage } from './channel.js';

export interface EmailConfig {
  smtpUrl: string;
  from: string;
}

export class EmailChannel implements Channel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly config: EmailConfig) {
    this.transport = nodemailer.createTransport(config.smtpUrl);
  }

  canReach(recipient: Recipient): boolean {
    return recipient.email !== undefined && recipient.email.includes('@');
  }

  async send(recipient: Recipient, message: RenderedMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: recipient.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx SMTP replies (unknown mailbox, rejected domain) will not succeed later.
      if (code !== undefined && code >= 500) {
        throw new PermanentDeliveryError(`SMTP ${code}`);
      }
      throw error;
    }
  }
}

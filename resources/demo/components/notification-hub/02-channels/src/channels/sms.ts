import { PermanentDeliveryError, type Channel, type Recipient, type RenderedMessage } from './channel.js';

/** SMS through the mobile operators' aggregator (HTTP API, one request per message). */
export interface SmsConfig {
  url: string;
  login: string;
  password: string;
  sender: string;
}

const KZ_MOBILE = /^\+77\d{9}$/;
/** GSM 03.38 does not cover Kazakh letters: messages go as UCS-2, 70 characters per part. */
const MAX_PARTS = 3;
const UCS2_PART = 67;

export class SmsChannel implements Channel {
  readonly name = 'sms' as const;

  constructor(private readonly config: SmsConfig) {}

  canReach(recipient: Recipient): boolean {
    return recipient.phone !== undefined && KZ_MOBILE.test(recipient.phone);
  }

  async send(recipient: Recipient, message: RenderedMessage): Promise<void> {
    const text = message.text.length > MAX_PARTS * UCS2_PART ? `${message.text.slice(0, MAX_PARTS * UCS2_PART - 1)}…` : message.text;
    const response = await fetch(this.config.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${this.config.login}:${this.config.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ from: this.config.sender, to: recipient.phone, text, coding: 'ucs2' }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 400 || response.status === 422) {
      throw new PermanentDeliveryError(`SMS aggregator refused the message: ${response.status}`);
    }
    if (!response.ok) {
      throw new Error(`SMS aggregator answered ${response.status}`);
    }
  }
}

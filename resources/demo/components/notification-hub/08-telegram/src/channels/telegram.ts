import { PermanentDeliveryError, type Channel, type Recipient, type RenderedMessage } from './channel.js';

/**
 * EXPERIMENTAL: notifications through the official Qyzmet Telegram bot. The citizen links the
 * chat in the portal (deep link with a one-time code), which stores telegramChatId.
 * Not approved by the Ministry yet — do not enable in production.
 */
export interface TelegramConfig {
  botToken: string;
  apiUrl?: string;
}

export class TelegramChannel implements Channel {
  readonly name = 'telegram' as const;
  private readonly apiUrl: string;

  constructor(private readonly config: TelegramConfig) {
    this.apiUrl = config.apiUrl ?? 'https://api.telegram.org';
  }

  canReach(recipient: Recipient): boolean {
    return recipient.telegramChatId !== undefined;
  }

  async send(recipient: Recipient, message: RenderedMessage): Promise<void> {
    const response = await fetch(`${this.apiUrl}/bot${this.config.botToken}/sendMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        chat_id: recipient.telegramChatId,
        text: `${message.subject}\n\n${message.text}`,
        disable_web_page_preview: true,
      }),
      signal: AbortSignal.timeout(8_000),
    });
    if (response.status === 403) {
      throw new PermanentDeliveryError('the citizen blocked the bot');
    }
    if (!response.ok) {
      throw new Error(`Telegram API answered ${response.status}`);
    }
  }
}

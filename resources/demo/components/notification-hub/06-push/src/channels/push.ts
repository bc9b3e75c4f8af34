import { PermanentDeliveryError, type Channel, type Recipient, type RenderedMessage } from './channel.js';

/**
 * Push notifications to the Qyzmet mobile app through the platform's push relay, which holds
 * the FCM and APNs credentials. We only send the relay a device token and the text.
 */
export interface PushConfig {
  relayUrl: string;
  apiKey: string;
}

export class PushChannel implements Channel {
  readonly name = 'push' as const;

  constructor(private readonly config: PushConfig) {}

  canReach(recipient: Recipient): boolean {
    return (recipient.deviceTokens?.length ?? 0) > 0;
  }

  async send(recipient: Recipient, message: RenderedMessage): Promise<void> {
    const response = await fetch(`${this.config.relayUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': this.config.apiKey },
      body: JSON.stringify({
        tokens: recipient.deviceTokens,
        title: message.subject,
        body: message.text,
        data: { citizenId: recipient.citizenId },
      }),
      signal: AbortSignal.timeout(8_000),
    });
    if (response.status === 404 || response.status === 410) {
      // All tokens are unregistered (app removed); the profile service prunes them nightly.
      throw new PermanentDeliveryError('device tokens are no longer registered');
    }
    if (!response.ok) {
      throw new Error(`push relay answered ${response.status}`);
    }
  }
}

import type { Channel, Recipient } from './channels/channel.js';
import { PermanentDeliveryError } from './channels/channel.js';
import type { Logger } from './logger.js';
import { render } from './templates/renderer.js';

export interface NotificationEvent {
  id: string;
  templateId: string;
  recipient: Recipient;
  params: Record<string, string>;
}

export type DeliveryResult =
  | { status: 'delivered'; channel: string }
  | { status: 'undeliverable'; reason: string };

/**
 * Delivers an event through the first channel that the citizen agreed to and that can reach
 * them. A permanent failure of one channel moves on to the next; a temporary failure is
 * thrown to the caller (the queue consumer), which retries the whole event later.
 */
export class Dispatcher {
  private readonly channels: Map<string, Channel>;

  constructor(channels: Channel[], private readonly logger: Logger) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
  }

  async dispatch(event: NotificationEvent): Promise<DeliveryResult> {
    const message = render(event.templateId, event.recipient.language, event.params);
    for (const name of event.recipient.consents) {
      const channel = this.channels.get(name);
      if (!channel || !channel.canReach(event.recipient)) continue;
      try {
        await channel.send(event.recipient, message);
        this.logger.info({ eventId: event.id, channel: name }, 'notification delivered');
        return { status: 'delivered', channel: name };
      } catch (error) {
        if (error instanceof PermanentDeliveryError) {
          this.logger.warn({ eventId: event.id, channel: name, reason: error.message }, 'channel failed permanently');
          continue;
        }
        throw error;
      }
    }
    return { status: 'undeliverable', reason: 'no consented channel could reach the recipient' };
  }
}

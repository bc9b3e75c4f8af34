import type { Channel, Recipient } from './channels/channel.js';
import { PermanentDeliveryError } from './channels/channel.js';
import type { Logger } from './logger.js';
import { withRetry } from './retry.js';
import { render } from './templates/renderer.js';

const RETRY = { attempts: 3, baseDelayMs: 500, maxDelayMs: 5_000, isPermanent: (e: unknown) => e instanceof PermanentDeliveryError };

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
 * them. Each channel is tried up to three times with backoff; a permanent failure moves on to
 * the next channel; a channel that keeps failing temporarily is thrown to the caller (the queue
 * consumer), which requeues the whole event.
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
        await withRetry(() => channel.send(event.recipient, message), RETRY);
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

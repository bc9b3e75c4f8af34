import amqp, { type Channel as AmqpChannel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { Dispatcher, NotificationEvent } from '../dispatcher.js';
import type { Logger } from '../logger.js';

const EXCHANGE = 'notifications';
const QUEUE = 'notification-hub.events';
const PREFETCH = 20;

/**
 * Consumes notification events from RabbitMQ. A message is acknowledged after it was delivered
 * or found undeliverable; malformed messages are rejected without requeue (they end up in the
 * dead-letter queue configured on the broker); temporary failures are requeued.
 */
export class QueueConsumer {
  private connection: ChannelModel | null = null;
  private channel: AmqpChannel | null = null;

  constructor(
    private readonly url: string,
    private readonly dispatcher: Dispatcher,
    private readonly logger: Logger,
  ) {}

  healthy(): boolean {
    return this.channel !== null;
  }

  async start(): Promise<void> {
    this.connection = await amqp.connect(this.url);
    this.connection.on('close', () => {
      this.channel = null;
      this.logger.error('RabbitMQ connection closed');
    });
    const channel = await this.connection.createChannel();
    await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue(QUEUE, { durable: true, arguments: { 'x-dead-letter-exchange': `${EXCHANGE}.dlx` } });
    await channel.bindQueue(QUEUE, EXCHANGE, '#');
    await channel.prefetch(PREFETCH);
    await channel.consume(QUEUE, (message) => void this.handle(channel, message));
    this.channel = channel;
    this.logger.info({ queue: QUEUE }, 'consuming notification events');
  }

  async stop(): Promise<void> {
    await this.channel?.close();
    await this.connection?.close();
  }

  private async handle(channel: AmqpChannel, message: ConsumeMessage | null): Promise<void> {
    if (!message) return;
    let event: NotificationEvent;
    try {
      event = JSON.parse(message.content.toString('utf8')) as NotificationEvent;
      if (!event.id || !event.templateId || !event.recipient) throw new Error('missing fields');
    } catch (error) {
      this.logger.error({ err: error, routingKey: message.fields.routingKey }, 'malformed notification event');
      channel.nack(message, false, false);
      return;
    }
    try {
      const result = await this.dispatcher.dispatch(event);
      if (result.status === 'undeliverable') {
        this.logger.warn({ eventId: event.id, reason: result.reason }, 'notification undeliverable');
      }
      channel.ack(message);
    } catch (error) {
      this.logger.warn({ err: error, eventId: event.id }, 'delivery failed, requeueing');
      channel.nack(message, false, true);
    }
  }
}

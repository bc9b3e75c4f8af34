import type { Channel } from './channels/channel.js';
import { EmailChannel } from './channels/email.js';
import { PushChannel } from './channels/push.js';
import { SmsChannel } from './channels/sms.js';
import { loadConfig } from './config.js';
import { Dispatcher } from './dispatcher.js';
import { logger } from './logger.js';
import { QueueConsumer } from './queue/consumer.js';
import { buildServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const channels: Channel[] = [new SmsChannel(config.sms), new EmailChannel(config.email)];
  if (config.push) channels.push(new PushChannel(config.push));
  const dispatcher = new Dispatcher(channels, logger);
  const consumer = new QueueConsumer(config.amqpUrl, dispatcher, logger);
  const server = buildServer(logger, [{ name: 'rabbitmq', healthy: () => consumer.healthy() }]);

  await consumer.start();
  await server.listen({ port: config.port, host: '0.0.0.0' });
  logger.info({ port: config.port }, 'notification-hub started');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await consumer.stop();
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'notification-hub failed to start');
  process.exit(1);
});

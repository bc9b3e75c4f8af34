import { loadConfig } from './config.js';
import { logger } from './logger.js';
import { buildServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = buildServer(logger);
  await server.listen({ port: config.port, host: '0.0.0.0' });
  logger.info({ port: config.port }, 'notification-hub started');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
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

import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from './logger.js';

export interface HealthSource {
  /** Name shown in /healthz, e.g. "rabbitmq". */
  name: string;
  healthy(): boolean;
}

export function buildServer(logger: Logger, sources: HealthSource[] = []): FastifyInstance {
  const app = Fastify({ logger, disableRequestLogging: true });

  app.get('/healthz', async (_request, reply) => {
    const checks = Object.fromEntries(sources.map((s) => [s.name, s.healthy()]));
    const ok = Object.values(checks).every(Boolean);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', checks });
  });

  return app;
}

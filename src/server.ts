import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import type { ProvisioBot } from './bot';
import type { Logger } from './logger';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ProvisioBot;
  logger: Logger;
  backend: string;
  /** Flushes data on shutdown, after the last turn has finished. */
  onClose: () => Promise<void>;
}

export interface RunningServer {
  server: restify.Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests, lets in-flight turns finish, then flushes data. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const startedAt = Date.now();

export function createServer({ adapter, bot, logger, backend, onClose }: ServerDeps): RunningServer {
  const server = restify.createServer({ name: 'provisio', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  let inFlight = 0;
  let closing = false;

  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    inFlight++;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } finally {
      inFlight--;
    }
  });

  server.get('/healthz', (_req, res, next) => {
    res.send({ status: closing ? 'stopping' : 'ok', backend, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    next();
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: async () => {
      if (closing) return;
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await bot.idle();
      // Keep-alive sockets would hold close() open until the client drops them.
      server.server.closeIdleConnections();
      await onClose();
      await stopped;
      logger.info('stopped');
    },
  };
}

import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import type { ProvisioBot } from '../bot/bot';
import type { WebexChannel } from '../channels/webex';
import { WEBHOOK_PATH } from '../channels/webex/webhookRegistration';
import { activityGate } from './activityGate';
import { registerActivationRoutes, type ActivationRoutesDeps } from './activationRoutes';
import { registerFileRoutes, type FileRoutesDeps } from './fileRoutes';
import type { Logger } from '../logger';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ProvisioBot;
  logger: Logger;
  backend: string;
  /** Flushes data on shutdown, after the last turn has finished. */
  onClose: () => Promise<void>;
  /** Download and upload links (GET /files/:token, GET|POST /upload/:token). */
  files?: FileRoutesDeps;
  /** Activation links of invitations (GET|POST /activate/:token). */
  activation?: ActivationRoutesDeps;
  /** The Webex app's webhooks (POST /api/webex), when WEBEX_BOT_TOKEN and WEBEX_WEBHOOK_SECRET are set. */
  webex?: Pick<WebexChannel, 'handle' | 'idle'>;
  /** Longest message text taken (a longer one is refused 400): the largest import, as CSV lines may be pasted. */
  maxTextChars?: number;
}

export interface RunningServer {
  server: restify.Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests, lets in-flight turns finish, then flushes data. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_TEXT_CHARS = 5 * 1024 * 1024;
const startedAt = Date.now();

export function createServer({ adapter, bot, logger, backend, onClose, files, activation, webex, maxTextChars = DEFAULT_MAX_TEXT_CHARS }: ServerDeps): RunningServer {
  const server = restify.createServer({ name: 'provisio', handleUncaughtExceptions: false });

  let inFlight = 0;
  let closing = false;

  /** A turn: refused once the server is closing, counted in flight until its answer so that close() waits for it. */
  const turn =
    (handle: (req: restify.Request, res: restify.Response) => Promise<unknown>): restify.RequestHandler =>
    async (req, res) => {
      if (closing) {
        res.send(503, { error: 'shutting down' });
        return;
      }
      inFlight++;
      logger.debug('turn under way');
      try {
        await handle(req, res);
      } finally {
        inFlight--;
        logger.debug('turn done');
      }
    };

  // Only this route reads its body: uploads stream theirs. The activity is checked before the Bot Framework parses it.
  const bodyReader = restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES });
  server.post('/api/messages', bodyReader, activityGate(maxTextChars), turn((req, res) => adapter.process(req, res, (context) => bot.run(context))));
  // No body parser: the signature is checked over the raw bytes, read by the channel itself (with a size cap).
  if (webex) server.post(WEBHOOK_PATH, turn((req, res) => webex.handle(req, res)));

  /**
   * A POST under `prefix` counts as in flight until its answer, so that close()
   * waits for it (an upload until the bot has the file, an activation until its
   * write); a closing server takes no new one.
   */
  const inFlightPosts = (prefix: string): restify.RequestHandler => (req, res, next) => {
    if (req.method !== 'POST' || !req.path().startsWith(prefix)) return next();
    if (closing) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10', Connection: 'close' });
      res.end('Le service redémarre, réessayez dans un instant. / The service is restarting, try again in a moment.\n');
      return next(false);
    }
    inFlight++;
    res.once('close', () => inFlight--);
    next();
  };

  if (files) {
    server.use(inFlightPosts('/upload/'));
    registerFileRoutes(server, files);
  }

  if (activation) {
    server.use(inFlightPosts('/activate/'));
    registerActivationRoutes(server, activation);
  }

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
      // A Webex webhook answered before its turn ended: that turn finishes first.
      await webex?.idle();
      await bot.idle();
      // Keep-alive sockets would hold close() open until the client drops them.
      server.server.closeIdleConnections();
      await onClose();
      await stopped;
      logger.info('stopped');
    },
  };
}

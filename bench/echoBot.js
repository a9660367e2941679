'use strict';
/**
 * A bare echo bot on Provisio's stack (restify, botbuilder CloudAdapter in
 * local mode: no app id), the baseline of the turn-latency bench. Run as
 * `node bench/echoBot.js` with PORT (0: any free port); logs the same
 * {"msg":"listening","port":N} JSON line as the real bot.
 */
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const restify = require('restify');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

/** Starts the echo bot in this process; resolves with the server and its port. */
async function startEchoBot(port = 0, host = '127.0.0.1') {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  const bodyParser = restify.plugins.bodyParser({ maxBodySize: 8 * 1024 * 1024, mapParams: false });
  server.post('/api/messages', bodyParser, async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, port: server.address().port };
}

if (require.main === module) {
  startEchoBot(Number(process.env.PORT ?? 0)).then(
    ({ server, port }) => {
      process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`);
      process.once('SIGTERM', () => server.close(() => process.exit(0)));
    },
    (error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}

module.exports = { startEchoBot };

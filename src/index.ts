import { createApp } from './app';
import { ConfigError, configOfProcess, type Config } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = configOfProcess();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its meaning.\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  const host = config.localMode ? '127.0.0.1' : '0.0.0.0';
  const port = await app.listen(config.port, host);
  logger.info({ port, host, backend: config.directoryBackend, dataDir: config.dataDir }, 'listening');
  if (config.access.open) {
    logger.warn('no ADMINS or HELPDESK list: everyone who can reach the bot is an admin (local mode only)');
  }
  if (config.localMode) {
    logger.warn('local mode: no MicrosoftAppId is set, so only local clients (Agents Playground, Emulator) can talk to the bot');
  }

  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping: finishing the turns under way');
    await app.http.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: Error) => {
  process.stderr.write(`Provisio could not start: ${error.message}\n`);
  process.exit(1);
});

import type { TurnContext } from 'botbuilder';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { WebexChannel } from './webexChannel';

export { WEBEX_CHANNEL_ID } from './activityMapping';
export { WebexChannel } from './webexChannel';

export interface WebexChannelDeps {
  logger: Logger;
  run: (context: TurnContext) => Promise<void>;
  /** The same answer to a failed turn as on the other channels. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/**
 * The Webex app channel when WEBEX_BOT_TOKEN and WEBEX_WEBHOOK_SECRET are set:
 * its adapter answers failed turns like the Bot Framework one. Its `files`
 * download Webex files with the bot token (app.ts hands them to the services).
 */
export function createWebexChannel(config: Config, deps: WebexChannelDeps): WebexChannel | undefined {
  if (!config.webexChannel) return undefined;
  const channel = new WebexChannel({
    botToken: config.webexChannel.botToken,
    webhookSecret: config.webexChannel.webhookSecret,
    apiUrl: config.webex.apiUrl,
    timeoutMs: config.webex.timeoutMs,
    maxFileBytes: config.importLimits.maxBytes,
    logger: deps.logger,
    run: deps.run,
  });
  channel.adapter.onTurnError = deps.onTurnError;
  return channel;
}

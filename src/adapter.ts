import { randomUUID } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import { setTurnLocale, t } from '../dialogs/base/turn';
import type { Config } from './config';
import { localeOf } from './i18n';
import { webexErrorMessage } from './i18n/webex';
import type { Logger } from './logger';

/** The Bot Framework adapter, configured from our parsed config (never from process.env). */
export function createAdapter(config: Config, logger: Logger, conversationState: ConversationState): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID().slice(0, 8);
    const { activity } = context;
    logger.error(
      { err: error, correlationId, channelId: activity.channelId, conversationId: activity.conversation?.id },
      'turn failed',
    );
    const locale = localeOf(activity.locale, config.defaultLocale);
    setTurnLocale(context, locale);
    try {
      // A Webex refusal (expired token, missing scope, rate limit) says what to do, with its trackingId.
      await context.sendActivity(webexErrorMessage(locale, error) ?? t(context).turnError(correlationId));
      // A dialog that threw would throw again on the next turn: start afresh.
      await conversationState.delete(context);
    } catch (replyError) {
      logger.error({ err: replyError, correlationId }, 'could not answer the failed turn');
    }
  };
  return adapter;
}

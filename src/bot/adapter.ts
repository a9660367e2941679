import { randomUUID } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import { ruleText } from '../../dialogs/base/answerPrompt';
import { setTurnLocale, t } from '../../dialogs/base/turn';
import type { Config } from '../config';
import { RuleError } from '../domain/ruleError';
import { localeOf } from '../i18n';
import { webexErrorMessage } from '../i18n/webex';
import type { Logger } from '../logger';

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
    const where = { correlationId, channelId: activity.channelId, conversationId: activity.conversation?.id };
    // A write refused by a rule (a role that does not allow it) is the person's answer, not a failure.
    const refusal = ruleErrorOf(error);
    if (refusal) logger.warn({ ...where, code: refusal.code }, 'write refused by a rule');
    else logger.error({ ...where, err: error }, 'turn failed');
    const locale = localeOf(activity.locale, config.defaultLocale);
    setTurnLocale(context, locale);
    try {
      // A Webex refusal (expired token, missing scope, rate limit) says what to do, with its trackingId.
      const answer = refusal ? ruleText(t(context), refusal) : webexErrorMessage(locale, error);
      await context.sendActivity(answer ?? t(context).turnError(correlationId));
      // A dialog that threw would throw again on the next turn: start afresh.
      await conversationState.delete(context);
    } catch (replyError) {
      logger.error({ err: replyError, correlationId }, 'could not answer the failed turn');
    }
  };
  return adapter;
}

/** The rule a failed turn broke, also when the dialogs wrapped it (DialogContextError keeps it as `error`). */
function ruleErrorOf(error: unknown): RuleError | undefined {
  if (error instanceof RuleError) return error;
  const inner = (error as { error?: unknown } | undefined)?.error;
  return inner instanceof RuleError ? inner : undefined;
}

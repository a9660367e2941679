import type { Command } from 'commander';
import { webhookTarget, registerWebhooks } from '../channels/webex/webhookRegistration';
import { configOfProcess } from '../config';
import { webexChannelTexts } from '../i18n/webexChannel';
import { WebexClient } from '../webexApi/client';
import { WebexApiError } from '../webexApi/errors';
import { RefusedError } from './cliErrors';
import { print, UsageError } from './common';

function checkedUrl(url: string, badUrl: (url: string) => string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return url;
  } catch {
    // reported below
  }
  throw new UsageError(badUrl(url));
}

/** `webex register-webhooks --url PUBLIC_URL`: the Webex app channel's two webhooks, created or brought up to date. */
export function registerWebexCommands(program: Command): void {
  const webex = program.command('webex').description('the Webex app as a channel (WEBEX_BOT_TOKEN, WEBEX_WEBHOOK_SECRET)');
  webex
    .command('register-webhooks')
    .description('create or update the bot\'s webhooks (messages.created, attachmentActions.created) to PUBLIC_URL/api/webex, signed with WEBEX_WEBHOOK_SECRET')
    .option('--url <url>', 'public address of the bot (default: PUBLIC_URL)')
    .action(async (opts: { url?: string }, command: Command) => {
      const config = configOfProcess();
      const texts = webexChannelTexts(config.defaultLocale);
      if (!config.webexChannel) throw new UsageError(texts.needsChannelConfig);
      const url = opts.url ?? config.publicUrl;
      if (!url) throw new UsageError(texts.needsUrl);
      const client = new WebexClient({ baseUrl: config.webex.apiUrl, token: config.webexChannel.botToken, timeoutMs: config.webex.timeoutMs });
      const target = checkedUrl(url, texts.badUrl);
      const webhooks = await registerWebhooks(client, target, config.webexChannel.webhookSecret).catch((error: unknown) => {
        // The generic message would name an admin scope; a bot token is refused for other reasons.
        if (error instanceof WebexApiError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) {
          throw new RefusedError('bot_token_refused', texts.botTokenRefused(error.status, error.trackingId));
        }
        throw error;
      });
      print(command, { targetUrl: webhookTarget(url), webhooks }, (result) =>
        result.webhooks.map((w) => texts.webhookLine(w.action, `${w.name} (${w.resource}.${w.event})`, w.targetUrl)),
      );
    });
}

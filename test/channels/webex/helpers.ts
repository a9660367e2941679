import { buttonData } from '../../helpers/dialogHarness';
import { startBot, type BotProcess } from '../../helpers/botProcess';
import { registerWebhooks } from '../../../src/channels/webex/webhookRegistration';
import { WebexClient } from '../../../src/webexApi/client';
import type { EmuMessage } from '../../../tools/webex-emulator/messaging';
import type { PersonMessage } from '../../../tools/webex-emulator/personActions';
import type { WebexEmulator } from '../../../tools/webex-emulator/server';
import type { EmuDelivery } from '../../../tools/webex-emulator/webhooks';

export const SECRET = 'webhook-secret-for-tests-0123456789';

/** The built bot on the Webex backend of `emulator`, serving the Webex app channel, with its two webhooks registered. */
export async function startWebexBot(emulator: WebexEmulator, dataDir: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const bot = await startBot({
    DATA_DIR: dataDir,
    DEFAULT_LOCALE: 'en',
    DIRECTORY_BACKEND: 'webex',
    WEBEX_API_URL: emulator.url,
    WEBEX_ACCESS_TOKEN: emulator.token,
    WEBEX_ORG_ID: emulator.orgId,
    WEBEX_BOT_TOKEN: emulator.botToken,
    WEBEX_WEBHOOK_SECRET: SECRET,
    ...env,
  });
  await registerWebhooks(botClient(emulator), bot.url, SECRET);
  return bot;
}

export function botClient(emulator: WebexEmulator): WebexClient {
  return new WebexClient({ baseUrl: emulator.url, token: emulator.botToken, backoffMs: 5, maxBackoffMs: 20 });
}

/** The card message (the last one) holding a Submit button whose title matches. */
function cardWith(messages: EmuMessage[], title: RegExp): EmuMessage {
  for (const message of [...messages].reverse()) {
    try {
      buttonData([message as never], title);
      return message;
    } catch {
      // not on this card
    }
  }
  throw new Error(`No card button matching ${title} in:\n${messages.map((m) => m.text).join('\n')}`);
}

/** Someone in the Webex app: each action waits for the bot's answer and returns the messages it posted. */
export class WebexPerson {
  roomId?: string;

  constructor(
    private readonly emulator: WebexEmulator,
    readonly email: string,
    options: { roomId?: string } = {},
  ) {
    this.roomId = options.roomId;
  }

  say(text: string, extra: Partial<PersonMessage> = {}): Promise<EmuMessage[]> {
    return this.replies(async () => {
      const { message, deliveries } = await this.emulator.personSays({ from: this.email, roomId: this.roomId, text, ...extra });
      this.roomId = message.roomId;
      return deliveries;
    });
  }

  /** Clicks the button of the bot's card, with these input values (Webex merges them with the button's data). */
  click(messages: EmuMessage[], title: RegExp, values: Record<string, unknown> = {}): Promise<EmuMessage[]> {
    const card = cardWith(messages, title);
    const inputs = { ...buttonData([card as never], title), ...values };
    return this.replies(async () => (await this.emulator.personSubmits({ from: this.email, messageId: card.id, inputs })).deliveries);
  }

  /** The bot's messages posted in the room since `act`, once its webhook was answered (or, if late, the first ones). */
  private async replies(act: () => Promise<EmuDelivery[]>): Promise<EmuMessage[]> {
    const before = new Set(this.emulator.messaging.messages.keys());
    const deliveries = await act();
    if (deliveries.length !== 1 || deliveries[0].status !== 200) throw new Error(`webhook delivery: ${JSON.stringify(deliveries)}`);
    const fresh = () =>
      [...this.emulator.messaging.messages.values()].filter((m) => !before.has(m.id) && m.roomId === this.roomId && m.personId === this.emulator.messaging.bot.id);
    for (let waited = 0; !fresh().length && waited < 10_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    return fresh();
  }
}

/** Card and message texts, as a person reads them. */
export const said = (messages: EmuMessage[]) => JSON.stringify(messages.map((m) => [m.markdown ?? m.text, m.attachments?.[0]?.content]));

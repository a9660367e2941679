import { ActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { menuCard } from '../cards/menuCard';
import { languageCommand } from '../dialogs/commands';
import { sendCard } from '../dialogs/base/send';
import { setTurnLocale, t } from '../dialogs/base/turn';
import type { Locale } from './config';
import { localeOf } from './i18n';
import { KeyedQueue } from './state/keyedQueue';

export interface BotOptions {
  conversationState: ConversationState;
  userState: UserState;
  dialog: Dialog;
  defaultLocale: Locale;
}

export class ProvisioBot extends ActivityHandler {
  private readonly dialogState;
  /** A language the person chose by typing it; wins over the client's locale (some clients always say en-US). */
  private readonly chosenLocale;
  private readonly queue = new KeyedQueue();

  constructor(private readonly options: BotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('DialogState');
    this.chosenLocale = options.userState.createProperty<Locale>('chosenLocale');

    this.onMessage(async (context, next) => {
      const language = languageCommand(context.activity.text);
      if (language) {
        await this.chosenLocale.set(context, language);
        setTurnLocale(context, language);
        const m = t(context);
        await sendCard(context, menuCard(m), m.languageSet);
        return next();
      }
      await runDialog(options.dialog, context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((member) => member.id !== botId)) {
        const m = t(context);
        await sendCard(context, menuCard(m, undefined, m.welcome));
      }
      await next();
    });
  }

  /** One turn at a time per conversation: a double click never runs twice in parallel. */
  async run(context: TurnContext): Promise<void> {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id}`;
    await this.queue.run(key, async () => {
      const chosen = context.activity.from?.id ? await this.chosenLocale.get(context) : undefined;
      setTurnLocale(context, chosen ?? localeOf(context.activity.locale, this.options.defaultLocale));
      await super.run(context);
      await this.options.conversationState.saveChanges(context, false);
      await this.options.userState.saveChanges(context, false);
    });
  }

  /** Resolves once every turn under way has finished (graceful shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}

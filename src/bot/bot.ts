import { ActivityHandler, ActivityTypes, TeamsInfo, TurnContext, type ConversationState, type UserState } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../cards/markdown';
import { menuCard } from '../../cards/menuCard';
import { UPLOAD_EVENT } from '../../dialogs/base/incomingFile';
import { languageCommand } from '../../dialogs/base/commands';
import { sendCard } from '../../dialogs/base/send';
import { conversationKeyOf, setTurnAccess, setTurnLocale, t, turnRole } from '../../dialogs/base/turn';
import { allowedActions } from '../../dialogs/mainDialog';
import { verifiedWebexEmail } from '../channels/webex/identity';
import { accessOf, listsNeedEmail, type AccessLists } from '../domain/access';
import type { Logger } from '../logger';
import type { Locale } from '../config';
import { localeOf } from '../i18n';
import { StateConflictError } from '../platform/state/eTagCheckedStorage';
import { KeyedQueue } from '../platform/store/keyedQueue';
import { TurnBusyError, type TurnGate } from '../platform/state/turnGate';

export interface BotOptions {
  conversationState: ConversationState;
  userState: UserState;
  dialog: Dialog;
  defaultLocale: Locale;
  access: AccessLists;
  logger: Logger;
  /** One turn at a time per conversation: in this process (default), or across instances (STATE_STORE=blob). */
  turns?: TurnGate;
}

export class ProvisioBot extends ActivityHandler {
  private readonly dialogState;
  /** A language the person chose by typing it; wins over the client's locale (some clients always say en-US). */
  private readonly chosenLocale;
  private readonly queue: TurnGate;
  private readonly emails = new Map<string, Array<string | undefined>>();

  constructor(private readonly options: BotOptions) {
    super();
    this.queue = options.turns ?? new KeyedQueue();
    this.dialogState = options.conversationState.createProperty<DialogState>('DialogState');
    this.chosenLocale = options.userState.createProperty<Locale>('chosenLocale');

    this.onMessage(async (context, next) => {
      // In a Teams channel the bot hears only "@Provisio add user": the command is what follows the mention.
      if (context.activity.entities?.some((e) => e.type === 'mention')) TurnContext.removeRecipientMention(context.activity);
      if (!turnRole(context)) {
        const { from } = context.activity;
        options.logger.warn({ userId: from?.id, aadObjectId: from?.aadObjectId, channelId: context.activity.channelId }, 'access refused');
        await context.sendActivity(t(context).accessDenied(escapeMarkdown(verifiedWebexEmail(context) ?? from?.aadObjectId ?? from?.id ?? '?')));
        return next();
      }
      const language = languageCommand(context.activity.text);
      if (language) {
        await this.chosenLocale.set(context, language);
        setTurnLocale(context, language);
        const m = t(context);
        await sendCard(context, menuCard(m, allowedActions(context)), m.languageSet);
        return next();
      }
      await runDialog(options.dialog, context, this.dialogState);
      await next();
    });

    // A file sent through an upload link: the import flow goes on with it.
    this.onEvent(async (context, next) => {
      if (context.activity.name === UPLOAD_EVENT) {
        if (turnRole(context)) await runDialog(options.dialog, context, this.dialogState);
        else options.logger.warn({ userId: context.activity.from?.id }, 'upload from a user who may not use the bot ignored');
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((member) => member.id !== botId) && turnRole(context)) {
        const m = t(context);
        await sendCard(context, menuCard(m, allowedActions(context), m.welcome));
      }
      await next();
    });
  }

  /** One turn at a time per conversation: a double click never runs twice in parallel. */
  async run(context: TurnContext): Promise<void> {
    // runDialog sends the whole dialog state as a trace after every turn: only the Emulator shows it; nobody else gets it.
    if (context.activity.channelId !== 'emulator') {
      context.onSendActivities(async (_context, activities, next) => {
        for (let i = activities.length - 1; i >= 0; i--) if (activities[i].type === ActivityTypes.Trace) activities.splice(i, 1);
        // The adapter refuses an empty batch.
        return activities.length ? next() : [];
      });
    }
    try {
      await this.queue.run(conversationKeyOf(context), async () => {
        const chosen = context.activity.from?.id ? await this.chosenLocale.get(context) : undefined;
        setTurnLocale(context, chosen ?? localeOf(context.activity.locale, this.options.defaultLocale));
        setTurnAccess(context, accessOf(await this.identities(context), this.options.access));
        await super.run(context);
        await this.options.conversationState.saveChanges(context, false);
        await this.options.userState.saveChanges(context, false);
      });
    } catch (error) {
      if (error instanceof TurnBusyError) return this.answerBusy(context, error);
      if (error instanceof StateConflictError) return this.answerConflict(context, error);
      throw error;
    }
  }

  /** Another instance kept this conversation too long: the message did not run; the person is told to send it again. */
  private async answerBusy(context: TurnContext, error: TurnBusyError): Promise<void> {
    this.options.logger.warn({ conversation: error.key, waitedMs: error.waitedMs }, 'turn not run: another instance holds the conversation');
    setTurnLocale(context, localeOf(context.activity.locale, this.options.defaultLocale));
    await context.sendActivity(t(context).turnBusy);
  }

  /** The state changed elsewhere during the turn: nothing of it is saved (never a silent overwrite), and the person knows. */
  private async answerConflict(context: TurnContext, error: StateConflictError): Promise<void> {
    this.options.logger.warn({ key: error.key }, 'turn state not saved: changed by another turn meanwhile (eTag conflict)');
    await context.sendActivity(t(context).turnConflict);
  }

  /**
   * Ids the channel gives, plus the e-mail/UPN from Teams when the lists name people by address,
   * plus the Webex person's e-mail (set only by the Webex channel, from a verified webhook).
   */
  private async identities(context: TurnContext): Promise<Array<string | undefined>> {
    const { from, channelId } = context.activity;
    const ids = [from?.id, from?.aadObjectId, verifiedWebexEmail(context)];
    if (from?.id && channelId === 'msteams' && listsNeedEmail(this.options.access)) {
      if (!this.emails.has(from.id)) {
        try {
          const member = await TeamsInfo.getMember(context, from.id);
          this.emails.set(from.id, [member.email, member.userPrincipalName]);
        } catch (error) {
          this.options.logger.warn({ err: error, userId: from.id }, 'could not read the Teams member e-mail');
        }
      }
      ids.push(...(this.emails.get(from.id) ?? []));
    }
    return ids;
  }

  /** Resolves once every turn under way has finished (graceful shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}

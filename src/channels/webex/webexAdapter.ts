import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { turnLocale } from '../../../dialogs/base/turn';
import { webexChannelTexts } from '../../i18n/webexChannel';
import type { WebexClient } from '../../webexApi/client';
import { setVerifiedWebexEmail } from './identity';
import { markdownPieces, webexMessagesOf } from './replyMapping';

/**
 * The Bot Framework adapter of the Webex app: a turn's replies go out
 * through POST /messages with the bot token (the Webex client retries 429
 * after Retry-After, and never repeats a create after a 5xx).
 */
export class WebexAdapter extends BotAdapter {
  constructor(private readonly client: WebexClient) {
    super();
  }

  /** Runs one turn of `activity`; `email` is the author's address as Webex gave it (roles are matched on it). */
  async processActivity(activity: Partial<Activity>, email: string | undefined, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    setVerifiedWebexEmail(context, email);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const fallback = webexChannelTexts(turnLocale(context)).cardFallback;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const roomId = activity.conversation?.id ?? context.activity.conversation.id;
      let id = '';
      for (const message of webexMessagesOf(activity, roomId, fallback)) {
        const { body } = await this.client.request<{ id: string }>('POST', '/messages', { body: message });
        id = body?.id ?? id;
      }
      responses.push({ id });
    }
    return responses;
  }

  /** Webex edits the text of a message only (not its card). */
  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    if (!activity.id) throw new Error('updateActivity needs the id of the Webex message');
    const [markdown] = markdownPieces(activity.text ?? '');
    const roomId = activity.conversation?.id ?? context.activity.conversation.id;
    await this.client.request('PUT', `/messages/${encodeURIComponent(activity.id)}`, { body: { roomId, markdown: markdown ?? '' } });
    return { id: activity.id };
  }

  async deleteActivity(_context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    if (!reference.activityId) throw new Error('deleteActivity needs the id of the Webex message');
    await this.client.request('DELETE', `/messages/${encodeURIComponent(reference.activityId)}`);
  }

  /** A turn nobody's message started (a file received through an upload link): `email` as looked up in Webex. */
  async continueWith(reference: Partial<ConversationReference>, email: string | undefined, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.processActivity(activity, email, logic);
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.continueWith(reference, undefined, logic);
  }
}

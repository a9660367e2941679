import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import type { WebexAttachmentAction, WebexMessage } from './types';

/** The channelId of every Webex turn (conversation keys, state and references carry it). */
export const WEBEX_CHANNEL_ID = 'webex';

export interface BotIdentity {
  id: string;
  email?: string;
  displayName: string;
}

export interface Author {
  id: string;
  name: string;
}

/** Where a turn happens and who speaks: the same for a message and a card submit. */
function envelope(roomId: string, roomType: string | undefined, author: Author, bot: BotIdentity, serviceUrl: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    channelId: WEBEX_CHANNEL_ID,
    serviceUrl,
    conversation: { id: roomId, isGroup: roomType === 'group', name: '', conversationType: roomType ?? '' },
    from: { id: author.id, name: author.name, role: 'user' },
    recipient: { id: bot.id, name: bot.displayName, role: 'bot' },
  };
}

const decodeEntities = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The text without the bot's @mention (in a space the bot only hears
 * "Provisio add user"): the names the HTML marks as mentions of the bot are
 * taken out of the text.
 */
export function withoutBotMention(text: string, html: string | undefined, botId: string): string {
  if (!html) return text.trim();
  let result = text;
  const mention = /<spark-mention\b[^>]*data-object-id="([^"]+)"[^>]*>([\s\S]*?)<\/spark-mention>/g;
  for (const [, id, inner] of html.matchAll(mention)) {
    const name = decodeEntities(inner.replace(/<[^>]*>/g, ''));
    if (id === botId && name) result = result.replace(name, '');
  }
  return result.replace(/\s+/g, ' ').trim();
}

/** A message written in Webex, as the Bot Framework activity the dialogs read (text, files as attachments). */
export function messageActivity(message: WebexMessage, author: Author, bot: BotIdentity, files: Attachment[], serviceUrl: string): Partial<Activity> {
  return {
    ...envelope(message.roomId, message.roomType, author, bot, serviceUrl),
    id: message.id,
    timestamp: message.created ? new Date(message.created) : new Date(),
    text: withoutBotMention(message.text ?? '', message.html, bot.id),
    textFormat: 'plain',
    ...(files.length && { attachments: files }),
    channelData: { webex: { resource: 'messages', id: message.id } },
  };
}

/** A click on an Action.Submit: the inputs (with the button's data merged in by Webex) become `value`, as in Teams. */
export function submitActivity(action: WebexAttachmentAction, roomType: string | undefined, author: Author, bot: BotIdentity, serviceUrl: string): Partial<Activity> {
  return {
    ...envelope(action.roomId, roomType, author, bot, serviceUrl),
    id: action.id,
    timestamp: action.created ? new Date(action.created) : new Date(),
    text: '',
    value: { ...(action.inputs ?? {}) },
    replyToId: action.messageId,
    channelData: { webex: { resource: 'attachmentActions', id: action.id, messageId: action.messageId } },
  };
}

/** A file of a Webex message as an attachment the import flows download (`contentUrl`). */
export function fileAttachment(contentUrl: string, name: string | undefined, contentType: string | undefined): Attachment {
  return { contentType: contentType || 'application/octet-stream', contentUrl, ...(name && { name }) };
}

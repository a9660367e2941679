import { escapeHtml } from '../../src/http/htmlPage';
import { bad, notFound } from './http';
import type { EmuAction, EmuMessage, EmuMessaging } from './messaging';
import { deliverEvent, type EmuDelivery } from './webhooks';

/** What a person does in the Webex app, for tests: write (with a file), in a 1:1 with the bot or in a space. */
export interface PersonMessage {
  /** The author's e-mail: a person of the org, or anyone else (an outsider). */
  from: string;
  /** A space; default: the author's 1:1 space with the bot. */
  roomId?: string;
  text?: string;
  /** In a group space, the bot hears only messages that mention it. */
  mentionBot?: boolean;
  /** A file dropped in the space: stored by the emulator, served at /v1/contents/{id} to the bot token. */
  file?: { name: string; contentType?: string; bytes: Buffer };
  /** File URLs as given (e.g. on another host), for tests of what the bot does with them. */
  fileUrls?: string[];
}

export interface PersonSubmit {
  from: string;
  messageId: string;
  /** The card's input values merged with the Action.Submit's data, as Webex sends them. */
  inputs: Record<string, unknown>;
}

/** The `data` of a messages.created webhook. */
export function messageEventData(m: EmuMessage): Record<string, unknown> {
  return {
    id: m.id,
    roomId: m.roomId,
    roomType: m.roomType,
    personId: m.personId,
    personEmail: m.personEmail,
    ...(m.mentionedPeople?.length && { mentionedPeople: m.mentionedPeople }),
    ...(m.files?.length && { files: m.files }),
    created: m.created,
  };
}

export function actionEventData(a: EmuAction): Record<string, unknown> {
  return { id: a.id, type: a.type, messageId: a.messageId, personId: a.personId, roomId: a.roomId, created: a.created };
}

/** Stores the person's message, then delivers messages.created to the bot's webhooks (when the bot may see it). */
export async function personSays(messaging: EmuMessaging, baseUrl: string, input: PersonMessage): Promise<{ message: EmuMessage; deliveries: EmuDelivery[] }> {
  const person = messaging.personByEmail(input.from);
  const room = input.roomId ? messaging.room(input.roomId) : messaging.directRoom(person.id);
  if (!room.memberIds.has(person.id)) room.memberIds.add(person.id);
  if (!input.text && !input.file && !input.fileUrls?.length) bad('A message needs a text or a file.');
  const mention = room.type === 'group' && input.mentionBot;
  const bot = messaging.bot;
  const body = input.text ?? '';
  const files = [...(input.fileUrls ?? [])];
  if (input.file) {
    const stored = messaging.addFile(room.id, input.file.name, input.file.contentType ?? 'application/octet-stream', input.file.bytes);
    files.push(`${baseUrl}/contents/${stored.id}`);
  }
  const message = messaging.addMessage({
    roomId: room.id,
    roomType: room.type,
    text: mention ? `${bot.displayName} ${body}`.trim() : body,
    ...(mention && {
      html: `<p><spark-mention data-object-type="person" data-object-id="${bot.id}">${escapeHtml(bot.displayName)}</spark-mention> ${escapeHtml(body)}</p>`,
      mentionedPeople: [bot.id],
    }),
    files: files.length ? files : undefined,
    personId: person.id,
    personEmail: person.email,
  });
  const heard = room.type === 'direct' || mention;
  const deliveries = heard ? await deliverEvent(messaging, 'messages', 'created', person.id, messageEventData(message)) : [];
  return { message, deliveries };
}

/** A click on an Action.Submit of one of the bot's cards: stored, then attachmentActions.created is delivered. */
export async function personSubmits(messaging: EmuMessaging, input: PersonSubmit): Promise<{ action: EmuAction; deliveries: EmuDelivery[] }> {
  const person = messaging.personByEmail(input.from);
  const card = messaging.messages.get(input.messageId) ?? notFound('The card message could not be found.');
  if (!card.attachments?.length) bad('That message holds no card.');
  if (!messaging.room(card.roomId).memberIds.has(person.id)) bad('The person is not in the space of that card.');
  const action = messaging.addAction({ messageId: card.id, inputs: input.inputs, personId: person.id, roomId: card.roomId });
  const deliveries = await deliverEvent(messaging, 'attachmentActions', 'created', person.id, actionEventData(action));
  return { action, deliveries };
}

import { EmuHttpError, bad, notFound, objectBody, route, str, type EmuRoute } from './http';
import type { EmuMessage, EmuMessaging, EmuMessenger } from './messaging';

export const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Webex refuses a text or markdown longer than this many bytes. */
export const MAX_MESSAGE_BYTES = 7439;
/** The newest Adaptive Card schema Webex renders. */
const MAX_CARD_VERSION = 1.3;

export function messageView(m: EmuMessage) {
  return {
    id: m.id,
    roomId: m.roomId,
    roomType: m.roomType,
    ...(m.text !== undefined && { text: m.text }),
    ...(m.markdown !== undefined && { markdown: m.markdown }),
    ...(m.html !== undefined && { html: m.html }),
    ...(m.files?.length && { files: m.files }),
    personId: m.personId,
    personEmail: m.personEmail,
    ...(m.mentionedPeople?.length && { mentionedPeople: m.mentionedPeople }),
    ...(m.attachments?.length && { attachments: m.attachments }),
    created: m.created,
  };
}

export function personView(p: EmuMessenger) {
  return { id: p.id, emails: [p.email], displayName: p.displayName, firstName: p.firstName, lastName: p.lastName, orgId: p.orgId, type: p.type, status: 'active' };
}

/** A bot sees a group-space message only when it wrote it or is mentioned in it. */
function visibleToBot(messaging: EmuMessaging, m: EmuMessage): boolean {
  const room = messaging.rooms.get(m.roomId);
  if (!room?.memberIds.has(messaging.bot.id)) return false;
  return room.type === 'direct' || m.personId === messaging.bot.id || (m.mentionedPeople ?? []).includes(messaging.bot.id);
}

function checkCards(attachments: unknown): EmuMessage['attachments'] {
  if (attachments === undefined) return undefined;
  if (!Array.isArray(attachments)) bad('attachments must be an array.');
  if (attachments.length > 1) bad('Only one attachment is allowed per message.');
  return attachments.map((raw) => {
    const a = objectBody(raw);
    if (a.contentType !== CARD_TYPE) bad(`Unsupported attachment contentType ${String(a.contentType)}; only ${CARD_TYPE} is supported.`);
    const content = objectBody(a.content);
    if (content.type !== 'AdaptiveCard') bad('The attachment content must be an AdaptiveCard.');
    const version = Number(content.version);
    if (!Number.isFinite(version) || version > MAX_CARD_VERSION) bad(`Adaptive Card version ${String(content.version)} is not supported (1.3 at most).`);
    return { contentType: CARD_TYPE, content };
  });
}

function checkLength(name: string, value: string | undefined): void {
  if (value !== undefined && Buffer.byteLength(value) > MAX_MESSAGE_BYTES) bad(`${name} is longer than the maximum of ${MAX_MESSAGE_BYTES} bytes.`);
}

/** The endpoints a bot token reaches: messages, card submits, people look-ups, file contents. */
export function messagingRoutes(messaging: () => EmuMessaging, onBotMessage: (m: EmuMessage) => void): EmuRoute[] {
  return [
    route('GET', '/people/me', () => ({ status: 200, body: personView(messaging().bot) })),
    route('GET', '/people/:id', ({ params }) => ({ status: 200, body: personView(messaging().personById(params.id) ?? notFound(`Person ${params.id} not found.`)) })),
    route('POST', '/messages', ({ body: raw }) => {
      const msg = messaging();
      const body = objectBody(raw);
      const toEmail = str(body.toPersonEmail);
      const toId = str(body.toPersonId);
      const roomId = str(body.roomId);
      if (!roomId && !toEmail && !toId) bad('roomId, toPersonId or toPersonEmail is required.');
      const room = roomId
        ? msg.room(roomId)
        : msg.directRoom((toId ? msg.personById(toId) ?? notFound(`Person ${toId} not found.`) : msg.personByEmail(toEmail!)).id);
      if (!room.memberIds.has(msg.bot.id)) throw new EmuHttpError(404, 'Could not find a room with provided ID.');
      const text = str(body.text);
      const markdown = str(body.markdown);
      checkLength('text', text);
      checkLength('markdown', markdown);
      const attachments = checkCards(body.attachments);
      const files = Array.isArray(body.files) ? body.files.map(String) : undefined;
      if (files && files.length > 1) bad('Only one file may be included with the message.');
      if (attachments?.length && !text && !markdown) bad('A message with a card needs a text or markdown fallback.');
      if (!text && !markdown && !files?.length) bad('text, markdown or files is required.');
      const message = msg.addMessage({
        roomId: room.id,
        roomType: room.type,
        text: text ?? markdown,
        markdown,
        files,
        attachments,
        personId: msg.bot.id,
        personEmail: msg.bot.email,
      });
      onBotMessage(message);
      return { status: 200, body: messageView(message) };
    }),
    route('GET', '/messages', ({ query, page }) => {
      const msg = messaging();
      const roomId = query.get('roomId') ?? bad('roomId is required.');
      const room = msg.room(roomId);
      if (!room.memberIds.has(msg.bot.id)) notFound('Could not find a room with provided ID.');
      const mentioned = query.get('mentionedPeople');
      if (room.type === 'group' && mentioned !== 'me' && mentioned !== msg.bot.id) {
        throw new EmuHttpError(403, 'Bots must include mentionedPeople=me to list messages in a group room.');
      }
      const items = msg
        .roomMessages(roomId)
        .filter((m) => visibleToBot(msg, m) && (!mentioned || (m.mentionedPeople ?? []).includes(msg.bot.id)))
        .reverse();
      const { slice, headers } = page(items, 50, 1000);
      return { status: 200, body: { items: slice.map(messageView) }, headers };
    }),
    route('GET', '/messages/:id', ({ params }) => {
      const msg = messaging();
      const message = msg.messages.get(params.id);
      if (!message || !visibleToBot(msg, message)) notFound('The requested message could not be found.');
      return { status: 200, body: messageView(message) };
    }),
    route('PUT', '/messages/:id', ({ params, body: raw }) => {
      const msg = messaging();
      const message = msg.messages.get(params.id);
      if (!message || message.personId !== msg.bot.id) notFound('The requested message could not be found.');
      const body = objectBody(raw);
      if (str(body.roomId) !== message.roomId) bad('roomId must be the room of the message.');
      const text = str(body.text);
      const markdown = str(body.markdown);
      if (!text && !markdown) bad('text or markdown is required.');
      checkLength('text', text);
      checkLength('markdown', markdown);
      Object.assign(message, { text: text ?? markdown, markdown });
      return { status: 200, body: messageView(message) };
    }),
    route('DELETE', '/messages/:id', ({ params }) => {
      const msg = messaging();
      const message = msg.messages.get(params.id);
      if (!message || message.personId !== msg.bot.id) notFound('The requested message could not be found.');
      msg.messages.delete(message.id);
      return { status: 204 };
    }),
    route('GET', '/attachment/actions/:id', ({ params }) => {
      const msg = messaging();
      const action = msg.actions.get(params.id);
      // A bot reads the submits of its own cards only.
      if (!action || msg.messages.get(action.messageId)?.personId !== msg.bot.id) notFound('The requested attachment action could not be found.');
      return { status: 200, body: { ...action } };
    }),
    // HEAD (the file's name, type and size without its bytes) is served by this route too.
    route('GET', '/contents/:id', ({ params, method }) => {
      const msg = messaging();
      const file = msg.files.get(params.id);
      if (!file || !msg.rooms.get(file.roomId)?.memberIds.has(msg.bot.id)) notFound('The requested file could not be found.');
      if (method === 'GET') msg.fileDownloads.push(file.id);
      return {
        status: 200,
        raw: file.bytes,
        headers: {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`,
        },
      };
    }),
  ];
}

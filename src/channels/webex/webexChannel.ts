import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../../logger';
import { KeyedQueue } from '../../platform/store/keyedQueue';
import { WebexClient } from '../../webexApi/client';
import { fileAttachment, messageActivity, submitActivity, type BotIdentity } from './activityMapping';
import { WebexFiles } from './files';
import { WebexPeople } from './people';
import { BodyTooLargeError, readRawBody } from './rawBody';
import { SIGNATURE_HEADER, isValidSignature } from './signature';
import type { WebexAttachmentAction, WebexMessage, WebexWebhookEvent } from './types';
import { WebexAdapter } from './webexAdapter';

export interface WebexChannelOptions {
  botToken: string;
  webhookSecret: string;
  /** WEBEX_API_URL. */
  apiUrl: string;
  timeoutMs: number;
  /** Largest file downloaded from a space (IMPORT_MAX_BYTES). */
  maxFileBytes: number;
  logger: Logger;
  /** The bot's turn (ProvisioBot.run). */
  run: (context: TurnContext) => Promise<void>;
  /** Webhooks are answered once their turn is done, or after this long (the turn goes on). Default 5 s. */
  ackAfterMs?: number;
}

/** A webhook body is a few hundred bytes; anything this big is not Webex. */
const MAX_WEBHOOK_BYTES = 64 * 1024;
const REMEMBERED_EVENTS = 1000;

/**
 * POST /api/webex: Webex webhooks (messages.created, attachmentActions.created)
 * checked against X-Spark-Signature, turned into Bot Framework activities and
 * run through the same bot, one at a time per space, in the order received.
 */
export class WebexChannel {
  readonly adapter: WebexAdapter;
  readonly files: WebexFiles;
  private readonly client: WebexClient;
  private readonly people: WebexPeople;
  private readonly rooms = new KeyedQueue();
  private readonly roomTypes = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: WebexChannelOptions) {
    this.client = new WebexClient({ baseUrl: options.apiUrl, token: options.botToken, timeoutMs: options.timeoutMs });
    this.adapter = new WebexAdapter(this.client);
    this.people = new WebexPeople(this.client);
    this.files = new WebexFiles({
      apiUrl: options.apiUrl,
      botToken: options.botToken,
      webhookSecret: options.webhookSecret,
      maxBytes: options.maxFileBytes,
      timeoutMs: options.timeoutMs,
    });
  }

  /** The route handler: 401 unless the signature matches the raw body; 200 once the turn is done (or the ack deadline passed). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readRawBody(req, MAX_WEBHOOK_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return answer(res, 413, { error: 'body too large' }, true);
      this.options.logger.warn({ err: error }, 'webex webhook body could not be read');
      return answer(res, 400, { error: 'body could not be read' }, true);
    }
    if (!isValidSignature(this.options.webhookSecret, raw, req.headers[SIGNATURE_HEADER])) {
      this.options.logger.warn({ signed: Boolean(req.headers[SIGNATURE_HEADER]), bytes: raw.length }, 'webex webhook refused: bad or missing signature');
      return answer(res, 401, { error: 'invalid signature' });
    }
    let event: WebexWebhookEvent;
    try {
      event = JSON.parse(raw.toString('utf8')) as WebexWebhookEvent;
    } catch {
      return answer(res, 400, { error: 'body is not JSON' });
    }
    const work = this.accept(event);
    this.track(work);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.ackAfterMs ?? 5000)));
    await Promise.race([work, deadline]);
    clearTimeout(timer);
    answer(res, 200, {});
  }

  /** Resolves once every webhook under way has finished its turn (graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Goes on in a Webex space without a new message (a file received through an upload link). */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const personId = reference.user?.id;
    const email = personId ? (await this.people.person(personId)).email : undefined;
    await this.adapter.continueWith(reference, email, logic);
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Never rejects: a failure is logged (the person sees the bot's error message when the turn itself failed). */
  private async accept(event: WebexWebhookEvent): Promise<void> {
    const { resource, event: kind, data } = event;
    const id = data?.id;
    const roomId = data?.roomId;
    if (!id || !roomId || kind !== 'created' || (resource !== 'messages' && resource !== 'attachmentActions')) {
      this.options.logger.debug({ resource, event: kind }, 'webex webhook ignored');
      return;
    }
    if (this.alreadySeen(`${resource}/${id}`)) return;
    try {
      const bot = await this.people.me();
      if (resource === 'messages' && (data.personId === bot.id || (bot.email && data.personEmail?.toLowerCase() === bot.email))) return;
      await this.rooms.run(roomId, () => (resource === 'messages' ? this.onMessage(id, bot) : this.onSubmit(id, bot)));
    } catch (error) {
      this.options.logger.error({ err: error, resource, id }, 'webex webhook could not be handled');
    }
  }

  private async onMessage(messageId: string, bot: BotIdentity): Promise<void> {
    const { body: message } = await this.client.request<WebexMessage>('GET', `/messages/${encodeURIComponent(messageId)}`);
    // The bot's own messages come back as webhooks too.
    if (message.personId === bot.id) return;
    if (message.roomType) this.roomTypes.set(message.roomId, message.roomType);
    const author = await this.author(message.personId, message.personEmail);
    const files = await Promise.all((message.files ?? []).map((url) => this.attachmentOf(url)));
    const activity = messageActivity(message, { id: message.personId, name: author.name }, bot, files, this.options.apiUrl);
    if (!activity.text && !files.length) return;
    await this.adapter.processActivity(activity, message.personEmail?.toLowerCase() ?? author.email, this.options.run);
  }

  private async onSubmit(actionId: string, bot: BotIdentity): Promise<void> {
    const { body: action } = await this.client.request<WebexAttachmentAction>('GET', `/attachment/actions/${encodeURIComponent(actionId)}`);
    if (action.personId === bot.id) return;
    const author = await this.author(action.personId);
    const activity = submitActivity(action, this.roomTypes.get(action.roomId), { id: action.personId, name: author.name }, bot, this.options.apiUrl);
    await this.adapter.processActivity(activity, author.email, this.options.run);
  }

  /** The author's name and e-mail from Webex; a failed look-up leaves the e-mail the message gave. */
  private async author(personId: string, messageEmail?: string): Promise<{ name: string; email?: string }> {
    try {
      const person = await this.people.person(personId);
      return { name: person.name, email: person.email ?? messageEmail?.toLowerCase() };
    } catch (error) {
      this.options.logger.warn({ err: error, personId }, 'could not read the Webex person');
      return { name: messageEmail ?? personId, email: messageEmail?.toLowerCase() };
    }
  }

  /** A Webex file: marked for a download with the bot token, named from its HEAD. Another host: a plain attachment. */
  private async attachmentOf(url: string) {
    if (!this.files.isWebexUrl(url)) return fileAttachment(url, lastSegment(url), undefined);
    let described: { name?: string; contentType?: string } = {};
    try {
      described = await this.files.describe(url);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read the name of a Webex file');
    }
    return fileAttachment(this.files.mark(url), described.name, described.contentType);
  }

  private alreadySeen(key: string): boolean {
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    if (this.seen.size > REMEMBERED_EVENTS) this.seen.delete(this.seen.values().next().value!);
    return false;
  }
}

function lastSegment(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...(close && { connection: 'close' }) });
  res.end(text);
}

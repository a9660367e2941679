import { randomBytes, randomUUID } from 'node:crypto';
import { webexId } from '../../src/webexApi/ids';
import { notFound } from './http';
import type { EmuOrg } from './state';

/** Someone who writes in the Webex app: a person of the org, someone from outside it, or the bot. */
export interface EmuMessenger {
  id: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  orgId: string;
  type: 'person' | 'bot';
}

export interface EmuRoom {
  id: string;
  type: 'direct' | 'group';
  title: string;
  memberIds: Set<string>;
  created: string;
}

export interface EmuCardAttachment {
  contentType: string;
  content: Record<string, unknown>;
}

export interface EmuMessage {
  id: string;
  roomId: string;
  roomType: 'direct' | 'group';
  text?: string;
  markdown?: string;
  html?: string;
  files?: string[];
  attachments?: EmuCardAttachment[];
  personId: string;
  personEmail: string;
  mentionedPeople?: string[];
  created: string;
}

export interface EmuAction {
  id: string;
  type: 'submit';
  messageId: string;
  inputs: Record<string, unknown>;
  personId: string;
  roomId: string;
  created: string;
}

export interface EmuWebhook {
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  secret?: string;
  status: 'active' | 'inactive';
  created: string;
  ownerId: string;
}

export interface EmuFile {
  id: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  roomId: string;
}

/** The messaging side of the emulator: the bot, rooms, messages, card submits, files and webhooks. */
export class EmuMessaging {
  readonly bot: EmuMessenger;
  readonly botToken: string;
  readonly rooms = new Map<string, EmuRoom>();
  readonly messages = new Map<string, EmuMessage>();
  readonly actions = new Map<string, EmuAction>();
  readonly webhooks = new Map<string, EmuWebhook>();
  readonly files = new Map<string, EmuFile>();
  /** People who are not in the org (another company's users). */
  readonly outsiders = new Map<string, EmuMessenger>();
  /** Every GET of a file's contents, for tests. */
  readonly fileDownloads: string[] = [];

  constructor(
    private readonly org: EmuOrg,
    private readonly now: () => Date,
    options: { botToken?: string; botEmail?: string; botName?: string } = {},
  ) {
    this.botToken = options.botToken ?? randomBytes(24).toString('base64url');
    const name = options.botName ?? 'Provisio';
    this.bot = {
      id: webexId('PEOPLE', randomUUID()),
      email: options.botEmail ?? 'provisio@webex.bot',
      displayName: name,
      firstName: name,
      lastName: '',
      orgId: webexId('ORGANIZATION', org.uuid),
      type: 'bot',
    };
  }

  at(): string {
    return this.now().toISOString();
  }

  /** A person by id: the bot, a person of the org, or an outsider. */
  personById(id: string): EmuMessenger | undefined {
    if (id === this.bot.id) return this.bot;
    const p = this.org.people.get(id);
    if (p) return { id: p.id, email: p.email, displayName: p.displayName, firstName: p.firstName, lastName: p.lastName, orgId: this.bot.orgId, type: 'person' };
    return this.outsiders.get(id);
  }

  /** A person by e-mail; an address the org does not know becomes an outsider (another org's user). */
  personByEmail(email: string): EmuMessenger {
    const lower = email.trim().toLowerCase();
    if (lower === this.bot.email) return this.bot;
    const member = [...this.org.people.values()].find((p) => p.email.toLowerCase() === lower);
    if (member) return this.personById(member.id)!;
    const known = [...this.outsiders.values()].find((p) => p.email === lower);
    if (known) return known;
    const [local] = lower.split('@');
    const outsider: EmuMessenger = {
      id: webexId('PEOPLE', randomUUID()),
      email: lower,
      displayName: local,
      firstName: local,
      lastName: '',
      orgId: webexId('ORGANIZATION', randomUUID()),
      type: 'person',
    };
    this.outsiders.set(outsider.id, outsider);
    return outsider;
  }

  /** The 1:1 space of a person and the bot (created on first use). */
  directRoom(personId: string): EmuRoom {
    const existing = [...this.rooms.values()].find((r) => r.type === 'direct' && r.memberIds.has(personId) && r.memberIds.has(this.bot.id));
    return existing ?? this.addRoom('direct', '', [personId, this.bot.id]);
  }

  /** A group space with the bot and these people. */
  groupRoom(title: string, personIds: string[]): EmuRoom {
    return this.addRoom('group', title, [...personIds, this.bot.id]);
  }

  room(id: string): EmuRoom {
    return this.rooms.get(id) ?? notFound('Could not find a room with provided ID.');
  }

  addMessage(message: Omit<EmuMessage, 'id' | 'created'>): EmuMessage {
    const stored: EmuMessage = { ...message, id: webexId('MESSAGE', randomUUID()), created: this.at() };
    this.messages.set(stored.id, stored);
    return stored;
  }

  addFile(roomId: string, name: string, contentType: string, bytes: Buffer): EmuFile {
    const file: EmuFile = { id: webexId('CONTENT', randomUUID()), name, contentType, bytes, roomId };
    this.files.set(file.id, file);
    return file;
  }

  addAction(action: Omit<EmuAction, 'id' | 'created' | 'type'>): EmuAction {
    const stored: EmuAction = { ...action, type: 'submit', id: webexId('ATTACHMENT_ACTION', randomUUID()), created: this.at() };
    this.actions.set(stored.id, stored);
    return stored;
  }

  /** Messages of a room, oldest first. */
  roomMessages(roomId: string): EmuMessage[] {
    return [...this.messages.values()].filter((m) => m.roomId === roomId);
  }

  private addRoom(type: EmuRoom['type'], title: string, memberIds: string[]): EmuRoom {
    const room: EmuRoom = { id: webexId('ROOM', randomUUID()), type, title, memberIds: new Set(memberIds), created: this.at() };
    this.rooms.set(room.id, room);
    return room;
  }
}

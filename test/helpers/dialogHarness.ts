import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity, Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { createDialogs } from '../../src/app';
import type { Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import type { OrgData } from '../../src/directory/lowdb/schema';
import { localeOf } from '../../src/i18n';
import { createServices, type Services } from '../../src/services';
import { setTurnLocale } from '../../dialogs/base/turn';

/** Where the harness's links point (no server listens in dialog tests). */
export const HARNESS_BASE_URL = 'http://127.0.0.1:9';

export function tempDir(prefix = 'provisio-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const localeMiddleware: Middleware = {
  onTurn: async (context, next) => {
    setTurnLocale(context, localeOf(context.activity.locale, 'fr'));
    await next();
  },
};

export interface Harness {
  client: DialogTestClient;
  directory: Directory;
  services: Services;
  dataDir: string;
  /** Sends a typed message (or a card click when given an object) and returns every reply. */
  say(input: string | Record<string, unknown>): Promise<Partial<Activity>[]>;
  /** Sends any activity (an attachment, an event) from the same person and returns every reply. */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
}

/** The real main dialog over a real lowdb directory in a fresh temp folder. */
export async function openHarness(
  locale = 'fr-FR',
  options: {
    dataDir?: string;
    seed?: (now: Date) => OrgData;
    from?: { id: string; name: string };
    /** Another conversation on the same bot: share its services and directory. */
    sharing?: Harness;
  } = {},
): Promise<Harness> {
  const dataDir = options.sharing?.dataDir ?? options.dataDir ?? tempDir();
  const directory = options.sharing?.directory ?? (await openLowdbDirectory(dataDir, options.seed ? { seed: options.seed } : undefined));
  const services =
    options.sharing?.services ??
    createServices(directory, { defaultRegion: 'FR', dataDir, baseUrl: () => HARNESS_BASE_URL, attachments: { allowedHosts: [], timeoutMs: 5000 } });
  const client = new DialogTestClient('msteams', createDialogs(services), undefined, [localeMiddleware]);
  const from = options.from ?? { id: 'admin-1', name: 'Julien Rouchon' };
  const send = async (activity: Partial<Activity>) => {
    const replies: Partial<Activity>[] = [];
    let reply = await client.sendActivity({ type: 'message', locale, from, ...activity });
    while (reply) {
      replies.push(reply);
      reply = client.getNextReply();
    }
    return replies;
  };
  const say = (input: string | Record<string, unknown>) => send(typeof input === 'string' ? { text: input } : { value: input });
  return { client, directory, services, dataDir, say, send };
}

/** The Adaptive Card content of a reply, if it carries one. */
export function cardOf(activity: Partial<Activity> | undefined): any {
  return activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every text a person would read in the replies: message texts and card texts and button titles. */
export function visibleText(replies: Partial<Activity>[]): string {
  const parts: string[] = [];
  const walk = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node.text === 'string') parts.push(node.text);
    if (typeof node.title === 'string') parts.push(node.title);
    if (typeof node.value === 'string' && node.type === undefined) parts.push(node.value);
    Object.values(node).forEach(walk);
  };
  for (const reply of replies) {
    if (reply.text) parts.push(reply.text);
    walk(cardOf(reply));
  }
  return parts.join('\n');
}

/** Every action of a type (Action.Submit, Action.OpenUrl) on the replies' cards, in card order. */
function cardActions(replies: Partial<Activity>[], type: string): any[] {
  const found: any[] = [];
  const walk = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === type) found.push(node);
    Object.values(node).forEach(walk);
  };
  replies.forEach((r) => walk(cardOf(r)));
  return found;
}

function firstAction(replies: Partial<Activity>[], type: string, title: RegExp): any {
  const actions = cardActions(replies, type);
  const action = actions.find((a) => title.test(a.title));
  if (!action) throw new Error(`No ${type} matching ${title}; there are: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/** The url of the first card link (Action.OpenUrl) whose title matches. */
export function linkUrl(replies: Partial<Activity>[], title: RegExp): string {
  return firstAction(replies, 'Action.OpenUrl', title).url;
}

/** The data of the first card button whose title matches. */
export function buttonData(replies: Partial<Activity>[], title: RegExp): Record<string, unknown> {
  return firstAction(replies, 'Action.Submit', title).data;
}

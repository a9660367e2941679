import type { Activity, Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { setTurnAccess, setTurnLocale } from '../../../dialogs/base/turn';
import { createDialogs } from '../../../src/app';
import type { ContactInput } from '../../../src/domain/contactInput';
import type { Contact } from '../../../src/domain/types';
import { cardOf, type Harness } from '../../helpers/dialogHarness';

export type Replies = Partial<Activity>[];

const byTest = { actor: { id: 'test', name: 'Test', role: 'admin' }, flow: 'test' };

/** A contact written straight through the service, as another admin or an import would. */
export async function seedContact(h: Harness, input: ContactInput): Promise<Contact> {
  const saved = await h.services.contactEditing.add(input, byTest);
  if (!saved.ok) throw new Error(`seed refused: ${JSON.stringify(saved.issues)}`);
  return saved.contact;
}

/** What a flow may have written: every contact and every audit entry. */
export async function snapshot(h: Harness) {
  return { contacts: await h.directory.listContacts(), audit: await h.directory.listAudit() };
}

/** The same bot and directory, spoken to by a help-desk member. */
export function helpDesk(h: Harness, locale: 'fr' | 'en' = 'en') {
  const middleware: Middleware = {
    onTurn: async (context, next) => {
      setTurnLocale(context, locale);
      setTurnAccess(context, { role: 'helpdesk', id: context.activity.from.id });
      await next();
    },
  };
  const client = new DialogTestClient('msteams', createDialogs(h.services), undefined, [middleware]);
  return async (input: string | Record<string, unknown>): Promise<Replies> => {
    const activity = typeof input === 'string' ? { text: input } : { value: input };
    const replies: Replies = [await client.sendActivity({ type: 'message', from: { id: 'hd-1', name: 'Help Desk' }, ...activity })];
    for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
    return replies;
  };
}

export function cardsOf(replies: Replies): any[] {
  return replies.map(cardOf).filter(Boolean);
}

/** Every input of the replies' cards, by id. */
export function inputsOf(replies: Replies): Record<string, any> {
  const found: Record<string, any> = {};
  const walk = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found[node.id] = node;
    Object.values(node).forEach(walk);
  };
  cardsOf(replies).forEach(walk);
  return found;
}

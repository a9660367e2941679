import type { TurnContext } from 'botbuilder';
import type { Locale } from '../../src/config';
import type { Access, Role } from '../../src/domain/access';
import type { Actor } from '../../src/domain/types';
import { messages, type Messages } from '../../src/i18n';

const LOCALE_KEY = Symbol('provisio.locale');
const ROLE_KEY = Symbol('provisio.role');

/** Set once per turn by the bot, read by every dialog and card of that turn. */
export function setTurnLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(LOCALE_KEY, locale);
}

export function turnLocale(context: TurnContext): Locale {
  return context.turnState.get(LOCALE_KEY) ?? 'en';
}

/** Set once per turn by the bot from ADMINS / HELPDESK: the role of the person who sent this activity. */
export function setTurnAccess(context: TurnContext, access: Access | undefined): void {
  context.turnState.set(ROLE_KEY, access);
}

/** Without the bot in front (dialog tests), the turn is an admin's. */
export function turnRole(context: TurnContext): Role | undefined {
  return context.turnState.has(ROLE_KEY) ? (context.turnState.get(ROLE_KEY) as Access | undefined)?.role : 'admin';
}

export function t(context: TurnContext): Messages {
  return messages(turnLocale(context));
}

/** Who writes in this turn: the identity the role was granted on, with that role (undefined role: refused at the write). */
export function actorOf(context: TurnContext): Actor {
  const from = context.activity.from ?? { id: 'unknown', name: '' };
  const access = context.turnState.get(ROLE_KEY) as Access | undefined;
  return { id: access?.id ?? from.aadObjectId ?? from.id, name: from.name || from.id, role: turnRole(context) };
}

/** The person a flow belongs to: who started it, compared on every later answer. */
export function personOf(context: TurnContext): string {
  return actorOf(context).id;
}

/** One conversation of one channel: what turns queue on, and what links and kept files are bound to. */
export function conversationKeyOf(context: TurnContext): string {
  return `${context.activity.channelId}/${context.activity.conversation?.id}`;
}

/** A card click arrives as `activity.value` with empty text. */
export function submittedValue(context: TurnContext): Record<string, unknown> | undefined {
  const value = context.activity.value;
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

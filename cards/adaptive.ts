/** Minimal Adaptive Card 1.3 builders: plain JSON, no SDK, so cards stay pure data. */
import type { Messages } from '../src/i18n';
import { escapeMarkdown } from './markdown';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.3';
  body: CardElement[];
  actions?: CardElement[];
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body,
  };
  if (actions.length) card.actions = actions;
  return card;
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

export function text(value: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/**
 * Labelled values. A fact's value is shown as markdown, yet is always a plain value
 * (a name, an e-mail, a count, a catalogue word): it is escaped here, once, so pass it raw.
 */
export function facts(items: Array<[string, string]>): CardElement {
  return { type: 'FactSet', facts: items.map(([title, value]) => ({ title, value: escapeMarkdown(value) })) };
}

/** A button whose click reaches the bot as `activity.value` = data. */
export function submit(title: string, data: Record<string, unknown>, style?: 'positive' | 'destructive'): CardElement {
  const action: CardElement = { type: 'Action.Submit', title, data };
  if (style) action.style = style;
  return action;
}

/** Cancel, at every step of every flow (the dialogs' base dialog handles `action: 'cancel'`). */
export function cancelButton(m: Messages): CardElement {
  return submit(m.common.cancel, { action: 'cancel' });
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

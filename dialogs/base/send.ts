import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptive';

/** A message carrying one Adaptive Card (and an optional text beside it). */
export function cardActivity(card: AdaptiveCard, text?: string) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card), text);
}

export async function sendCard(context: TurnContext, card: AdaptiveCard, text?: string): Promise<void> {
  await context.sendActivity(cardActivity(card, text));
}

import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptive';

export async function sendCard(context: TurnContext, card: AdaptiveCard, fallbackText?: string): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), fallbackText));
}

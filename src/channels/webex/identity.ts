import type { TurnContext } from 'botbuilder';

/**
 * The e-mail Webex gave for the author of this turn. Only the Webex channel
 * sets it, after checking the webhook signature and reading the person from
 * the Webex API with the bot token: nothing in an activity can forge it.
 */
const VERIFIED_EMAIL = Symbol('provisio.webex.verifiedEmail');

export function setVerifiedWebexEmail(context: TurnContext, email: string | undefined): void {
  if (email) context.turnState.set(VERIFIED_EMAIL, email);
}

export function verifiedWebexEmail(context: TurnContext): string | undefined {
  return context.turnState.get(VERIFIED_EMAIL);
}

import type { Locale } from '../config';
import { trackingText } from './webex';

/** Texts of the Webex app channel and its CLI command, French and English. */
export interface WebexChannelTexts {
  /** What a Webex client that cannot show a card displays instead. */
  cardFallback: string;
  webhookLine: (action: 'created' | 'updated' | 'unchanged', name: string, targetUrl: string) => string;
  needsChannelConfig: string;
  needsUrl: string;
  badUrl: (url: string) => string;
  botTokenRefused: (status: number, trackingId?: string) => string;
}

const fr: WebexChannelTexts = {
  cardFallback: "Carte Provisio : ouvrez ce message dans l'app Webex pour la voir.",
  webhookLine: (action, name, targetUrl) => `${{ created: 'créé', updated: 'mis à jour', unchanged: 'inchangé' }[action]} : ${name} → ${targetUrl}`,
  needsChannelConfig: 'WEBEX_BOT_TOKEN et WEBEX_WEBHOOK_SECRET doivent être définis pour enregistrer les webhooks du bot.',
  needsUrl: "--url est requis (l'adresse publique du bot, par exemple https://provisio.example.com), ou définissez PUBLIC_URL.",
  badUrl: (url) => `--url ${url} n'est pas une adresse http(s) valide.`,
  botTokenRefused: (status, trackingId) =>
    `Webex refuse WEBEX_BOT_TOKEN (${status}) : il manque, a expiré ou n'est pas le jeton d'un bot (developer.webex.com → My Webex Apps → le bot → Regenerate Access Token)${trackingText('fr', trackingId)}.`,
};

const en: WebexChannelTexts = {
  cardFallback: 'Provisio card: open this message in the Webex app to see it.',
  webhookLine: (action, name, targetUrl) => `${action}: ${name} → ${targetUrl}`,
  needsChannelConfig: "WEBEX_BOT_TOKEN and WEBEX_WEBHOOK_SECRET must be set to register the bot's webhooks.",
  needsUrl: "--url is required (the bot's public address, e.g. https://provisio.example.com), or set PUBLIC_URL.",
  badUrl: (url) => `--url ${url} is not a valid http(s) address.`,
  botTokenRefused: (status, trackingId) =>
    `Webex refused WEBEX_BOT_TOKEN (${status}): it is missing, expired or not a bot's token (developer.webex.com → My Webex Apps → the bot → Regenerate Access Token)${trackingText('en', trackingId)}.`,
};

export function webexChannelTexts(locale: Locale): WebexChannelTexts {
  return locale === 'fr' ? fr : en;
}

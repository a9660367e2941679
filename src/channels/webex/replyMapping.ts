import type { Activity, Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../cards/adaptive';
import type { WebexOutgoingMessage } from './types';

/** Webex refuses a markdown longer than 7439 bytes; the rest goes in the next message. */
export const MAX_MARKDOWN_BYTES = 7000;

/** The first lines of a card's text blocks: what a Webex client without cards shows (Webex requires a fallback). */
export function cardFallback(card: unknown, otherwise: string): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (texts.length >= 2 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string' && element.text.trim()) texts.push(element.text.trim());
    for (const key of ['body', 'items', 'columns']) if (key in element) walk(element[key]);
  };
  walk(card);
  return truncate(texts.join('\n\n') || otherwise, MAX_MARKDOWN_BYTES);
}

function truncate(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let cut = text;
  while (Buffer.byteLength(cut) > maxBytes - 3) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return `${cut}…`;
}

/** Splits a long markdown at line ends (or anywhere, for one huge line) into pieces Webex accepts. */
export function markdownPieces(text: string, maxBytes = MAX_MARKDOWN_BYTES): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (Buffer.byteLength(candidate) <= maxBytes) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    let rest = line;
    while (Buffer.byteLength(rest) > maxBytes) {
      let size = Math.min(rest.length, maxBytes);
      while (Buffer.byteLength(rest.slice(0, size)) > maxBytes) size--;
      pieces.push(rest.slice(0, size));
      rest = rest.slice(size);
    }
    current = rest;
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}

/** A file the bot sends (not a card) becomes a link in the text: Webex would have to fetch it from a public URL. */
function fileLink(attachment: Attachment): string | undefined {
  if (!attachment.contentUrl) return undefined;
  return `[${attachment.name ?? attachment.contentUrl}](${attachment.contentUrl})`;
}

/**
 * One Bot Framework activity as the Webex messages that show it: the text as
 * markdown, and one message per Adaptive Card (Webex takes one card per
 * message), the first card together with the text, each card with a
 * markdown fallback. Typing indicators and other activity types send nothing.
 */
export function webexMessagesOf(activity: Partial<Activity>, roomId: string, genericFallback: string): WebexOutgoingMessage[] {
  if (activity.type !== 'message') return [];
  const attachments = activity.attachments ?? [];
  const cards = attachments.filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE && a.content);
  const links = attachments.filter((a) => a.contentType !== ADAPTIVE_CARD_CONTENT_TYPE).map(fileLink).filter((l): l is string => Boolean(l));
  const text = [activity.text?.trim(), ...links].filter(Boolean).join('\n\n');
  const pieces = markdownPieces(text);
  const messages: WebexOutgoingMessage[] = [];
  const lastText = cards.length ? pieces.pop() : undefined;
  for (const markdown of pieces) messages.push({ roomId, markdown });
  cards.forEach((card, i) => {
    const markdown = i === 0 && lastText ? lastText : cardFallback(card.content, genericFallback);
    messages.push({ roomId, markdown, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card.content }] });
  });
  return messages;
}

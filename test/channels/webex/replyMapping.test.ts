import { ActivityTypes } from 'botbuilder';
import { cardActivity } from '../../../dialogs/base/send';
import { ADAPTIVE_CARD_CONTENT_TYPE as ADAPTIVE_CARD } from '../../../cards/adaptive';
import { cardFallback, markdownPieces, webexMessagesOf } from '../../../src/channels/webex/replyMapping';

const card = (title: string) => ({
  type: 'AdaptiveCard' as const,
  version: '1.3' as const,
  body: [{ type: 'Container', items: [{ type: 'TextBlock', text: title }] }, { type: 'TextBlock', text: 'second line' }, { type: 'TextBlock', text: 'third' }],
  actions: [{ type: 'Action.Submit', title: 'OK', data: { action: 'ok' } }],
});

describe('Bot Framework replies → Webex messages', () => {
  test('a text: one markdown message in the space', () => {
    expect(webexMessagesOf({ type: 'message', text: 'Hello **admin**' }, 'R1', 'fallback')).toEqual([{ roomId: 'R1', markdown: 'Hello **admin**' }]);
  });

  test('a text with a card: one message, the text as its markdown', () => {
    const [message, ...rest] = webexMessagesOf(cardActivity(card('Summary') as never, 'Please check'), 'R1', 'fallback');
    expect(rest).toEqual([]);
    expect(message).toEqual({ roomId: 'R1', markdown: 'Please check', attachments: [{ contentType: ADAPTIVE_CARD, content: card('Summary') }] });
  });

  test('a card alone gets its first texts as fallback; a card with none gets the generic one', () => {
    expect(webexMessagesOf(cardActivity(card('Summary') as never), 'R1', 'fallback')[0].markdown).toBe('Summary\n\nsecond line');
    expect(webexMessagesOf(cardActivity({ type: 'AdaptiveCard', version: '1.3', body: [] } as never), 'R1', 'Open it in Webex')[0].markdown).toBe('Open it in Webex');
  });

  test('two cards in one activity: two messages, one card each (Webex takes one per message)', () => {
    const messages = webexMessagesOf(
      { type: 'message', text: 'Two', attachments: [{ contentType: ADAPTIVE_CARD, content: card('A') }, { contentType: ADAPTIVE_CARD, content: card('B') }] },
      'R1',
      'fallback',
    );
    expect(messages.map((m) => [m.markdown, (m.attachments?.[0].content as any).body[0].items[0].text])).toEqual([
      ['Two', 'A'],
      ['B\n\nsecond line', 'B'],
    ]);
  });

  test('typing indicators and other activity types send nothing', () => {
    expect(webexMessagesOf({ type: ActivityTypes.Typing }, 'R1', 'f')).toEqual([]);
    expect(webexMessagesOf({ type: ActivityTypes.Trace, text: 'x' }, 'R1', 'f')).toEqual([]);
    expect(webexMessagesOf({ type: 'message' }, 'R1', 'f')).toEqual([]);
  });

  test('a file attachment (not a card) becomes a link in the text', () => {
    const [message] = webexMessagesOf({ type: 'message', text: 'Here', attachments: [{ contentType: 'text/csv', name: 'errors.csv', contentUrl: 'https://bot/files/t' }] }, 'R1', 'f');
    expect(message).toEqual({ roomId: 'R1', markdown: 'Here\n\n[errors.csv](https://bot/files/t)' });
  });

  test('a text over the Webex limit is cut at line ends into several messages, the card going with the last piece', () => {
    const line = 'é'.repeat(1000); // 2,000 bytes
    const text = Array.from({ length: 8 }, () => line).join('\n');
    const messages = webexMessagesOf({ ...cardActivity(card('C') as never, text) }, 'R1', 'f');
    expect(messages.length).toBe(3);
    for (const m of messages) expect(Buffer.byteLength(m.markdown)).toBeLessThanOrEqual(7000);
    expect(messages.map((m) => m.markdown).join('\n')).toBe(text);
    expect(messages.map((m) => Boolean(m.attachments))).toEqual([false, false, true]);
    // One line longer than the limit is cut anywhere, never between the bytes of a character.
    const pieces = markdownPieces('é'.repeat(5000), 7000);
    expect(pieces.map((p) => Buffer.byteLength(p))).toEqual([7000, 3000]);
    expect(cardFallback({ body: [{ type: 'TextBlock', text: 'x'.repeat(9000) }] }, 'f').length).toBeLessThanOrEqual(7000);
  });
});

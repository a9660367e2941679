import { fileAttachment, messageActivity, submitActivity, withoutBotMention, WEBEX_CHANNEL_ID } from '../../../src/channels/webex/activityMapping';

const bot = { id: 'BOT', email: 'provisio@webex.bot', displayName: 'Provisio' };
const author = { id: 'P1', name: 'Jean-Marc Chamblay' };
const api = 'https://webexapis.com/v1';

describe('Webex → Bot Framework activities', () => {
  test('a 1:1 message: its text, the space as the conversation, the author and the bot', () => {
    const activity = messageActivity(
      { id: 'M1', roomId: 'R1', roomType: 'direct', text: ' add user ', personId: 'P1', personEmail: 'jm@x.fr', created: '2026-01-02T03:04:05.000Z' },
      author,
      bot,
      [],
      api,
    );
    expect(activity).toMatchObject({
      type: 'message',
      id: 'M1',
      channelId: WEBEX_CHANNEL_ID,
      serviceUrl: api,
      conversation: { id: 'R1', isGroup: false, conversationType: 'direct' },
      from: { id: 'P1', name: 'Jean-Marc Chamblay', role: 'user' },
      recipient: { id: 'BOT', name: 'Provisio', role: 'bot' },
      text: 'add user',
    });
    expect(activity.timestamp).toEqual(new Date('2026-01-02T03:04:05.000Z'));
    expect(activity.attachments).toBeUndefined();
    // Nothing in the activity says who the person is by e-mail: the channel keeps that in the turn state.
    expect(JSON.stringify(activity)).not.toContain('jm@x.fr');
  });

  test('in a space, the mention of the bot is taken out; other mentions stay', () => {
    const html =
      '<p><spark-mention data-object-type="person" data-object-id="BOT">Provisio</spark-mention> add user for <spark-mention data-object-type="person" data-object-id="P9">Ada</spark-mention></p>';
    expect(withoutBotMention('Provisio add user for Ada', html, 'BOT')).toBe('add user for Ada');
    // Without mention markup (a 1:1 space), the text stays as written.
    expect(withoutBotMention(' Provisio help ', undefined, 'BOT')).toBe('Provisio help');
    const activity = messageActivity({ id: 'M2', roomId: 'R2', roomType: 'group', text: 'Provisio help', html, personId: 'P1' }, author, bot, [], api);
    expect(activity.text).toBe('help');
    expect(activity.conversation).toMatchObject({ id: 'R2', isGroup: true });
  });

  test('files become attachments with a contentUrl, as the import flows read them', () => {
    const files = [fileAttachment('https://webexapis.com/v1/contents/C1#webex-file=ab', 'contacts.csv', 'text/csv'), fileAttachment('https://x.example/a', undefined, undefined)];
    const activity = messageActivity({ id: 'M3', roomId: 'R1', text: '', personId: 'P1' }, author, bot, files, api);
    expect(activity.text).toBe('');
    expect(activity.attachments).toEqual([
      { contentType: 'text/csv', contentUrl: 'https://webexapis.com/v1/contents/C1#webex-file=ab', name: 'contacts.csv' },
      { contentType: 'application/octet-stream', contentUrl: 'https://x.example/a' },
    ]);
  });

  test('a card submit: the inputs (button data merged in by Webex) are the value, with no text, as in Teams', () => {
    const activity = submitActivity(
      { id: 'A1', type: 'submit', messageId: 'M9', inputs: { action: 'importConfirm', importId: 'abc', note: 'x' }, personId: 'P1', roomId: 'R1' },
      'direct',
      author,
      bot,
      api,
    );
    expect(activity).toMatchObject({ type: 'message', id: 'A1', text: '', replyToId: 'M9', conversation: { id: 'R1' }, from: { id: 'P1' } });
    expect(activity.value).toEqual({ action: 'importConfirm', importId: 'abc', note: 'x' });
  });
});

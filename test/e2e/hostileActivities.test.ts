import { escapeMarkdown } from '../../cards/markdown';
import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { tempDir, visibleText } from '../helpers/dialogHarness';

/** What a client may post: checked at the edge (400 without internals), and looked up only among the bot's own keys. */
describe('hostile activities, over the real server', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBot({ DATA_DIR: tempDir(), ADMINS: 'admin-1' });
  });
  afterAll(async () => {
    await bot.stop();
  });
  const admin = { from: { id: 'admin-1', name: 'Alice' }, locale: 'en-US' };

  test.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'a card task named %s is answered with the lists, not a failed turn',
    async (task) => {
      const answer = visibleText((await send(bot.url, { ...admin, value: { action: 'distributionLists', do: task } }, `c-${task}`)).activities);
      expect(answer).toContain('There is no distribution list yet.');
      const contacts = visibleText((await send(bot.url, { ...admin, value: { action: 'contacts', do: task } }, `c-${task}`)).activities);
      expect(contacts).not.toMatch(/went wrong|wasn't found/);
    },
  );

  test.each(['__proto__', 'constructor', 'toString'])('typing %s is not understood, and nothing fails', async (word) => {
    const answer = visibleText((await send(bot.url, { ...admin, text: word }, `t-${word}`)).activities);
    expect(answer).toContain(`I did not understand "${escapeMarkdown(word)}"`);
    expect(visibleText((await send(bot.url, { ...admin, text: 'help' }, `t-${word}`)).activities)).toContain('What would you like to do?');
  });

  const post = (body: unknown) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const activity = (extra: Record<string, unknown>) => ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    deliveryMode: 'expectReplies',
    conversation: { id: 'c-bad' },
    from: { id: 'admin-1' },
    recipient: { id: 'bot' },
    text: 'help',
    ...extra,
  });
  const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

  test.each([
    ['a locale that is an object', activity({ locale: { tag: 'fr' } }), /locale/],
    ['a text that is a number', activity({ text: 42 }), /text/],
    ['a text that is an array', activity({ text: ['help'] }), /text/],
    ['a from.id that is an array', activity({ from: { id: ['admin-1'] } }), /from\.id/],
    ['no conversation', activity({ conversation: undefined }), /conversation/],
    ['a text over the largest import (5 MB)', activity({ text: 'x'.repeat(5 * 1024 * 1024 + 1) }), /text/],
  ])('%s is refused 400, saying what is wrong, with no internals', async (_what, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.error).toBe('invalid activity');
    expect(answer.issues.join(' ')).toMatch(field);
    expect(JSON.stringify(answer)).not.toMatch(/\bat \w|node_modules|\.js:\d/);
  });

  test('a value nested 50,000 deep is refused 400 before it is parsed, and the bot answers the next message', async () => {
    const body = JSON.stringify(activity({})).replace(/}$/, `,"value":${deep(50_000)}}`);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual(['nested deeper than 32 levels']);
    expect(visibleText((await send(bot.url, { ...admin, text: 'help' }, 'c-after')).activities)).toContain('What would you like to do?');
  });

  test('what is not JSON is refused 400', async () => {
    const response = await post('{"type":');
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual(['not JSON']);
  });
});

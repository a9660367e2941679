/**
 * Issue #27, point 3, over the real server: a user added with a name typed as
 * markdown shows that name as typed (escaped in the card's markdown), never as
 * a link or bold, in the user list; a typed search quoted back in a message is
 * escaped too.
 */
import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { tempDir } from '../helpers/dialogHarness';
import { renderCard } from '../helpers/renderCard';

const FIRST = '**Bold**';
const LAST = '[link](http://127.0.0.1:9)';
const NAME = `${FIRST} ${LAST}`;
const ESCAPED = '\\*\\*Bold\\*\\* \\[link\\](http:\\//127.0.0.1:9)';

describe('a name typed as markdown, over the real server', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBot({ DATA_DIR: tempDir(), ADMINS: 'admin-1' });
  });
  afterAll(async () => {
    await bot.stop();
  });
  const say = async (text: string, conversation = 'c-md') =>
    (await send(bot.url, { text, locale: 'en-US', from: { id: 'admin-1', name: 'Admin' } }, conversation)).activities;
  const cardsOf = (activities: any[]) => activities.flatMap((a) => (a.attachments ?? []).map((attachment: any) => attachment.content));

  test('is added, then listed as literal text: escaped in the card, no link and no bold made of it once rendered', async () => {
    await say('add user');
    await say(`${NAME} bold.link@md.example`);
    await say('Webex Meetings');
    const created = cardsOf(await say('yes'));
    expect(JSON.stringify(created)).toContain(JSON.stringify(`User ${ESCAPED} created`).slice(1, -1));

    const [list] = cardsOf(await say('users', 'c-md-list'));
    const line = (list.body as any[]).find((e) => e.type === 'TextBlock' && String(e.text).includes('bold.link@md.example'));
    expect(line.text).toContain(`**${ESCAPED}** — bold.link@md.example`);

    const rendered = renderCard(list);
    expect(rendered.text).toContain(`${NAME} — bold.link@md.example`);
    const links = [...rendered.element.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links.filter((href) => !href?.startsWith('mailto:'))).toEqual([]);
    // The list's own bold is around the whole name, as typed.
    expect([...rendered.element.querySelectorAll('strong')].map((e) => e.textContent)).toContain(NAME);
  });

  test('a typed search that matches no one is quoted back escaped', async () => {
    await say('delete user', 'c-md-find');
    const [reply] = await say('[nobody](http://127.0.0.1:9)', 'c-md-find');
    expect(reply.text).toContain('"\\[nobody\\](http:\\//127.0.0.1:9)"');
  });
});

import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { tempDir, visibleText } from '../helpers/dialogHarness';
import { startEmulator, stopAll, type Started } from '../helpers/webexEmulator';

/** A failed turn is logged by its message, code and dialog ids: never the dialog state or the activity's values. */
describe('the error log of a failed turn, over the real server', () => {
  let webex: Started;
  let bot: BotProcess;
  beforeAll(async () => {
    webex = await startEmulator();
    bot = await startBot({
      DATA_DIR: tempDir(),
      DIRECTORY_BACKEND: 'webex',
      WEBEX_API_URL: webex.url,
      WEBEX_ACCESS_TOKEN: webex.emulator.token,
      WEBEX_ORG_ID: webex.emulator.orgId,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await stopAll();
  });

  test('holds no pasted CSV, e-mail or pending-import token, but says which dialogs failed', async () => {
    const who = { from: { id: 'admin-1', name: 'Alice' }, locale: 'en-US' };
    await send(bot.url, { ...who, text: 'import contacts' }, 'c-log');
    webex.emulator.faults.rules = [{ match: 'GET /contacts', status: 401, times: 5 }];
    const csv = 'Display Name,Contact Email\nSecret Person,secret.person@private.example\n';
    const answer = visibleText((await send(bot.url, { ...who, text: csv }, 'c-log')).activities);
    webex.emulator.faults.rules = [];
    expect(answer).toMatch(/reference [0-9a-f]{8}|trackingId/);
    const failed = bot.logs.filter((line) => line.includes('"turn failed"'));
    expect(failed).toHaveLength(1);
    const entry = JSON.parse(failed[0]);
    expect(entry.err.dialogs).toEqual(expect.arrayContaining(['importContacts.flow']));
    expect(typeof entry.err.message).toBe('string');
    const everything = bot.logs.join('\n');
    expect(everything).not.toContain('secret.person@private.example');
    expect(everything).not.toContain('Secret Person');
    expect(everything).not.toMatch(/"state"|"values"|"token"/);
  });
});

import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { tempDir, visibleText } from '../helpers/dialogHarness';

describe('the real server over HTTP', () => {
  let bot: BotProcess | undefined;
  afterEach(async () => {
    if (bot && bot.child.exitCode === null) await bot.stop();
    bot = undefined;
  });

  test('GET /healthz answers ok with the backend', async () => {
    bot = await startBot({ DATA_DIR: tempDir() });
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', backend: 'lowdb' });
  });

  test('"aide" in French returns the French menu card in the HTTP response', async () => {
    bot = await startBot({ DATA_DIR: tempDir() });
    const { status, activities } = await send(bot.url, { text: 'aide' });
    expect(status).toBe(200);
    expect(activities[0].attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleText(activities)).toContain('Que voulez-vous faire ?');
  });

  test('replies never carry the dialog state (the trace only the Emulator shows)', async () => {
    bot = await startBot({ DATA_DIR: tempDir() });
    await send(bot.url, { text: 'ajouter un utilisateur' }, 'no-trace');
    const { activities } = await send(bot.url, { text: 'Ada Lovelace ada@example.com' }, 'no-trace');
    expect(activities.map((a) => a.type)).toEqual(['message']);
    expect(JSON.stringify(activities)).not.toContain('dialogStack');
  });

  test('"help" with locale en-US returns the English menu', async () => {
    bot = await startBot({ DATA_DIR: tempDir() });
    const { activities } = await send(bot.url, { text: 'help', locale: 'en-US' });
    expect(visibleText(activities)).toContain('What would you like to do?');
  });

  test('in a Teams channel, "@Provisio help" is read as "help": the mention of the bot is taken out', async () => {
    bot = await startBot({ DATA_DIR: tempDir() });
    const mention = { type: 'mention', text: '<at>Provisio</at>', mentioned: { id: 'bot', name: 'Provisio' } };
    const { activities } = await send(bot.url, { text: '<at>Provisio</at> help', locale: 'en-US', entities: [mention] });
    expect(visibleText(activities)).toContain('What would you like to do?');
    expect(visibleText(activities)).not.toMatch(/did not understand|pas compris/i);
  });

  test('no locale falls back to DEFAULT_LOCALE', async () => {
    bot = await startBot({ DATA_DIR: tempDir(), DEFAULT_LOCALE: 'en' });
    const { activities } = await send(bot.url, { text: 'menu', locale: undefined });
    expect(visibleText(activities)).toContain('What would you like to do?');
  });

  test('typing "français" switches to French for that person even when the client always says en-US', async () => {
    const dataDir = tempDir();
    bot = await startBot({ DATA_DIR: dataDir });
    expect(visibleText((await send(bot.url, { text: 'help', locale: 'en-US' })).activities)).toContain('What would you like to do?');
    expect(visibleText((await send(bot.url, { text: 'français', locale: 'en-US' })).activities)).toContain('Je vous réponds désormais en français.');
    await bot.stop();
    bot = await startBot({ DATA_DIR: dataDir });
    expect(visibleText((await send(bot.url, { text: 'help', locale: 'en-US' })).activities)).toContain('Que voulez-vous faire ?');
    expect(visibleText((await send(bot.url, { text: 'english', locale: 'en-US' })).activities)).toContain('I will answer in English');
    expect(visibleText((await send(bot.url, { text: 'aide', locale: 'fr-FR' })).activities)).toContain('What would you like to do?');
  });

  test('a user joining the conversation gets the welcome card', async () => {
    bot = await startBot({ DATA_DIR: tempDir() });
    const { activities } = await send(bot.url, {
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1', name: 'Julien Rouchon' }],
    });
    expect(visibleText(activities)).toContain('Bienvenue dans Provisio');
  });

  test('a dialog started before a restart resumes after it (state on disk)', async () => {
    const dataDir = tempDir();
    bot = await startBot({ DATA_DIR: dataDir });
    expect(visibleText((await send(bot.url, { text: 'ajouter un utilisateur' })).activities)).toContain('Prénom, nom');
    expect(await bot.stop()).toBe(0);
    bot = await startBot({ DATA_DIR: dataDir });
    const { activities } = await send(bot.url, { text: 'Robert Redford rredford@exemple.fr' });
    expect(visibleText(activities)).toContain('Quelle(s) licence(s) ?');
  });

  test('the whole add-user flow over HTTP creates the user, who is listed after a restart', async () => {
    const dataDir = tempDir();
    bot = await startBot({ DATA_DIR: dataDir });
    const conversation = 'add-user-e2e';
    const answers: Array<[Record<string, unknown>, string]> = [
      [{ value: { action: 'addUser' }, text: undefined }, 'Prénom, nom'],
      [{ text: 'Robert Redford rredford@exemple.fr' }, 'Quelle(s) licence(s) ?'],
      [{ text: 'Webex Calling — Professional' }, 'Emplacement ?'],
      [{ text: 'IT division' }, "Numéro de l'emplacement IT division"],
      [{ value: { number: '+33634333212' }, text: undefined }, 'Je propose 3212'],
      [{ value: { extension: '3212' }, text: undefined }, 'Récapitulatif'],
      [{ value: { action: 'confirm' }, text: undefined }, 'Utilisateur Robert Redford créé'],
    ];
    for (const [activity, expected] of answers) {
      expect(visibleText((await send(bot.url, activity, conversation)).activities)).toContain(expected);
    }
    await bot.stop();
    bot = await startBot({ DATA_DIR: dataDir });
    const list = visibleText((await send(bot.url, { text: 'utilisateurs en attente' }, 'other')).activities);
    expect(list).toContain('Robert Redford');
    expect(list).toContain('+33 6 34 33 32 12');
  });

  test('SIGTERM lets the turn under way finish before the process exits', async () => {
    const logged = (msg: string) => bot.logs.findIndex((line) => line.includes(`"msg":"${msg}"`));
    // The signal must land while the turn runs: once the server has taken it (one not taken yet is refused with a 503,
    // as it should be), and again if the turn was over before the signal came.
    for (let attempt = 1; ; attempt++) {
      bot = await startBot({ DATA_DIR: tempDir(), LOG_LEVEL: 'debug' });
      const reply = send(bot.url, { text: 'aide' });
      while (logged('turn under way') < 0) await new Promise((resolve) => setTimeout(resolve, 1));
      const code = bot.stop();
      expect((await reply).status).toBe(200);
      expect(await code).toBe(0);
      const overlapped = logged('stopping: finishing the turns under way') < logged('turn done');
      if (overlapped || attempt === 5) {
        expect(overlapped).toBe(true);
        break;
      }
    }
  });
});

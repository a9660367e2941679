import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { tempDir, visibleText } from '../helpers/dialogHarness';

describe('who may do what, over the real server', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBot({ DATA_DIR: tempDir(), ADMINS: 'admin-1', HELPDESK: 'HD-1' });
  });
  afterAll(async () => {
    await bot.stop();
  });
  const as = (id: string) => ({ from: { id, name: id } });

  test('someone on no list gets a polite refusal in their language, and the attempt is logged', async () => {
    const fr = visibleText((await send(bot.url, { text: 'aide', ...as('stranger') }, 'c-stranger')).activities);
    expect(fr).toContain("Désolé, vous n'êtes pas autorisé à utiliser Provisio");
    expect(fr).toContain('stranger');
    const en = visibleText((await send(bot.url, { text: 'add user', locale: 'en-US', ...as('stranger') }, 'c-stranger')).activities);
    expect(en).toContain('Sorry, you are not allowed to use Provisio');
    expect(bot.logs.some((line) => line.includes('access refused') && line.includes('stranger'))).toBe(true);
  });

  test('the help-desk menu shows only what help-desk may do', async () => {
    const menu = visibleText((await send(bot.url, { text: 'help', locale: 'en-US', ...as('hd-1') }, 'c-hd')).activities);
    expect(menu).toContain('Add a user');
    expect(menu).toContain('Send invitations');
    expect(menu).not.toContain('Delete a user');
    expect(menu).not.toContain('Import contacts');
    expect(menu).not.toContain('Distribution lists');
  });

  test('help-desk typing a forbidden command is refused and logged; nothing starts', async () => {
    const replies = visibleText((await send(bot.url, { text: 'supprimer un utilisateur', ...as('hd-1') }, 'c-hd2')).activities);
    expect(replies).toContain('« Supprimer un utilisateur » est réservé aux administrateurs');
    expect(replies).not.toContain('Quel utilisateur ?');
    expect(bot.logs.some((line) => line.includes('action refused') && line.includes('deleteUser'))).toBe(true);
  });

  test('help-desk may add a user', async () => {
    expect(visibleText((await send(bot.url, { value: { action: 'addUser' }, ...as('hd-1') }, 'c-hd3')).activities)).toContain('Prénom, nom');
  });

  test('help-desk may not import (even by sending a file), export contacts or read the audit log', async () => {
    const file = { attachments: [{ contentType: 'text/csv', name: 'a.csv', contentUrl: 'http://127.0.0.1:1/a.csv' }] };
    expect(visibleText((await send(bot.url, { ...file, ...as('hd-1') }, 'c-hd4')).activities)).toContain('« Importer des contacts » est réservé aux administrateurs');
    const exported = visibleText((await send(bot.url, { value: { action: 'contacts', do: 'export' }, ...as('hd-1') }, 'c-hd4')).activities);
    expect(exported).toContain('« Exporter tous les contacts » est réservé aux administrateurs');
    expect(visibleText((await send(bot.url, { text: 'audit', ...as('hd-1') }, 'c-hd4')).activities)).toContain("« Journal d'audit » est réservé aux administrateurs");
  });

  test('an admin reads the audit log in the chat: who did what, newest first, with what changed', async () => {
    await send(bot.url, { value: { action: 'addUser' }, ...as('hd-1') }, 'c-audit');
    await send(bot.url, { text: 'Ada Lovelace ada@audit.example', ...as('hd-1') }, 'c-audit');
    await send(bot.url, { text: 'Webex Meetings', ...as('hd-1') }, 'c-audit');
    await send(bot.url, { text: 'oui', ...as('hd-1') }, 'c-audit');
    const log = visibleText((await send(bot.url, { text: 'audit', locale: 'en-US', ...as('admin-1') }, 'c-admin2')).activities);
    // The creation, then the invitation sent right after it.
    expect(log).toMatch(/Audit log: 2 changes\n/);
    expect(log).toMatch(/ — hd-1: created the user ada@audit\.example/);
    expect(log).toMatch(/ — hd-1: sent the invitation to ada@audit\.example/);
    expect(log).toContain('licenseIds: — → Webex Meetings');
  });

  test('an admin sees every action', async () => {
    const menu = visibleText((await send(bot.url, { text: 'help', locale: 'en-US', ...as('admin-1') }, 'c-admin')).activities);
    for (const action of ['Delete a user', 'Import contacts', 'Distribution lists', 'Import users', 'Audit log']) expect(menu).toContain(action);
  });
});

describe('Bot Framework authentication', () => {
  test('with MicrosoftAppId set, a request without a valid token gets 401', async () => {
    const bot = await startBot({ DATA_DIR: tempDir(), MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', ADMINS: 'a', PUBLIC_URL: 'https://bot.example.com' });
    try {
      expect((await send(bot.url, { text: 'help' })).status).toBe(401);
      expect((await send(bot.url, { text: 'help' }, 'c', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    } finally {
      await bot.stop();
    }
  });

  test('with MicrosoftAppId set and no ADMINS the bot refuses to start, saying why', async () => {
    await expect(startBot({ DATA_DIR: tempDir(), MicrosoftAppId: 'id', MicrosoftAppPassword: 'x', PUBLIC_URL: 'https://bot.example.com' })).rejects.toThrow(/ADMINS: required/);
  });
});

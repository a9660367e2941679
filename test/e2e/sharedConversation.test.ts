import fs from 'node:fs';
import path from 'node:path';
import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { runCli } from '../helpers/cli';
import { buttonData, tempDir, visibleText } from '../helpers/dialogHarness';

/**
 * A Teams group chat or channel is one conversation for all its members: a
 * flow belongs to who started it, and every write checks the role of who
 * sends the confirming activity, at the moment of the write.
 */
describe('a shared conversation, over the real server', () => {
  let bot: BotProcess;
  let dataDir: string;
  let contactId: string;
  let listId: string;
  beforeAll(async () => {
    dataDir = tempDir();
    const contact = runCli(dataDir, ['--json', 'contacts', 'add', '--name', 'fournisseur 1', '--email', 'f1@acme.example']);
    expect(contact.code).toBe(0);
    contactId = contact.json.id;
    const list = runCli(dataDir, ['--json', 'lists', 'create', 'Fournisseurs']);
    expect(list.code).toBe(0);
    listId = list.json.id;
    bot = await startBot({ DATA_DIR: dataDir, ADMINS: 'admin-1', HELPDESK: 'helpdesk-1' });
  });
  afterAll(async () => {
    await bot.stop();
  });
  const admin = { from: { id: 'admin-1', name: 'Alice Admin' }, locale: 'en-US' };
  const helpdesk = { from: { id: 'helpdesk-1', name: 'Henri Helpdesk' }, locale: 'en-US' };
  const say = async (conversation: string, who: Record<string, unknown>, activity: Record<string, unknown>) =>
    (await send(bot.url, { ...who, ...activity }, conversation)).activities;
  const org = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'org.json'), 'utf8'));
  const contacts = () => runCli(dataDir, ['--json', 'contacts', 'search', 'fournisseur']).json;

  test("another person's confirm of a contact deletion is told whose question it is, and deletes nothing", async () => {
    const asked = visibleText(await say('g-contacts', admin, { value: { action: 'contacts', do: 'delete', ids: contactId } }));
    expect(asked).toContain('fournisseur 1');
    const answer = visibleText(await say('g-contacts', helpdesk, { value: { action: 'confirm' } }));
    expect(answer).toContain('This question belongs to Alice Admin, who started "Contacts"');
    expect(answer).not.toContain('Deleted');
    expect(contacts().total).toBe(1);
    // The owner's own confirmation still works.
    expect(visibleText(await say('g-contacts', admin, { value: { action: 'confirm' } }))).toContain('Deleted');
    runCli(dataDir, ['--json', 'contacts', 'add', '--name', 'fournisseur 1', '--email', 'f1@acme.example']);
  });

  test("another person's yes to a user deletion deletes nobody", async () => {
    await say('g-user', admin, { text: 'delete user toto.titi@sandbox.example' });
    const answer = visibleText(await say('g-user', helpdesk, { value: { action: 'confirm' } }));
    expect(answer).toContain('This question belongs to Alice Admin');
    expect(org().users.some((u: { email: string }) => u.email === 'toto.titi@sandbox.example')).toBe(true);
  });

  test("another person's click on the preview's Import runs no import", async () => {
    await say('g-import', admin, { text: 'import contacts' });
    const preview = await say('g-import', admin, { text: 'Display Name,Contact Email\nDupont Jean,jean.dupont@acme.example\n' });
    const importButton = buttonData(preview, /^Import/);
    const answer = visibleText(await say('g-import', helpdesk, { value: importButton }));
    expect(answer).toContain('This question belongs to Alice Admin');
    expect(org().importJobs ?? []).toHaveLength(0);
    const done = visibleText(await say('g-import', admin, { value: importButton }));
    expect(done).toMatch(/Alice Admin/);
    expect(org().importJobs).toEqual([expect.objectContaining({ by: "Alice Admin", status: "done" })]);
  });

  test("another person's yes to a list deletion keeps the list", async () => {
    await say('g-list', admin, { value: { action: 'distributionLists', do: 'delete', listId } });
    const answer = visibleText(await say('g-list', helpdesk, { text: 'yes' }));
    expect(answer).toContain('This question belongs to Alice Admin');
    expect(org().distributionLists.map((l: { id: string }) => l.id)).toContain(listId);
  });

  test('the owner may cancel their flow, and then anyone may start another', async () => {
    // A flow left 15 minutes without an answer gives way too: test/dialogs/mainDialog.test.ts, with a clock.
    await say('g-cancel', admin, { text: 'delete user toto.titi@sandbox.example' });
    expect(visibleText(await say('g-cancel', admin, { text: 'cancel' }))).toContain('Cancelled');
    expect(visibleText(await say('g-cancel', helpdesk, { text: 'help' }))).toContain('Add a user');
  });

  test('the audit records the identity the role was granted on, not another id of the same activity', async () => {
    const spoof = { from: { id: 'admin-1', name: 'Alice Admin', aadObjectId: 'victim-user' }, locale: 'en-US' };
    await say('g-audit', spoof, { text: 'create list Audit list' });
    await say('g-audit', spoof, { text: 'skip' });
    const entries = org().audit.filter((e: { action: string }) => e.action.includes('list'));
    const created = entries[entries.length - 1];
    expect(created.actor.id).toBe('admin-1');
    expect(created.actor.role).toBe('admin');
    expect(JSON.stringify(org().audit)).not.toContain('victim-user');
  });
});

describe('the role is checked when the write happens, not when the flow started', () => {
  test('an admin demoted to help-desk while a deletion waits for its confirmation deletes nothing, and is told why', async () => {
    const dataDir = tempDir();
    const who = { from: { id: 'admin-1', name: 'Alice Admin' }, locale: 'en-US' };
    let bot = await startBot({ DATA_DIR: dataDir, ADMINS: 'admin-1' });
    await send(bot.url, { ...who, text: 'delete user toto.titi@sandbox.example' }, 'c-demoted');
    await bot.stop();
    bot = await startBot({ DATA_DIR: dataDir, ADMINS: 'someone-else', HELPDESK: 'admin-1' });
    try {
      const answer = visibleText((await send(bot.url, { ...who, value: { action: 'confirm' } }, 'c-demoted')).activities);
      expect(answer).toBe('Sorry, your role does not allow this change, so nothing was written. Ask an administrator if it needs doing.');
      const org = JSON.parse(fs.readFileSync(path.join(dataDir, 'org.json'), 'utf8'));
      expect(org.users.some((u: { email: string }) => u.email === 'toto.titi@sandbox.example')).toBe(true);
      expect(bot.logs.some((line) => line.includes('write refused by a rule') && line.includes('not_allowed'))).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});

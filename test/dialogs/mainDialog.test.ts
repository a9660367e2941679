import { buttonData, cardOf, openHarness, visibleText } from '../helpers/dialogHarness';
import { ABANDONED_FLOW_MS } from '../../dialogs/mainDialog';

describe('main menu routing', () => {
  test.each([
    ['fr-FR', 'aide', 'Que voulez-vous faire ?', 'Ajouter un utilisateur'],
    ['fr-FR', 'menu', 'Que voulez-vous faire ?', 'Importer des contacts'],
    ['en-US', 'help', 'What would you like to do?', 'Add a user'],
    ['en-GB', 'menu', 'What would you like to do?', 'Distribution lists'],
  ])('%s "%s" shows the menu card in that language', async (locale, text, title, button) => {
    const { say } = await openHarness(locale);
    const replies = await say(text);
    expect(cardOf(replies[0]).version).toBe('1.3');
    expect(visibleText(replies)).toContain(title);
    expect(visibleText(replies)).toContain(button);
  });

  test('the menu lists every flow of the mission', async () => {
    const { say } = await openHarness('en-US');
    const replies = await say('help');
    for (const title of [/Add a user/, /Assign a number/, /Delete a user/, /^Users$/, /Import contacts/, /Import users/, /Send invitations/, /^Contacts$/, /Distribution lists/, /^Help$/]) {
      expect(() => buttonData(replies, title)).not.toThrow();
    }
  });

  test.each([
    ['fr-FR', 'ajouter un utilisateur', 'Prénom, nom et adresse e-mail'],
    ['fr-FR', 'Ajouter un utilisateur !', 'Prénom, nom et adresse e-mail'],
    ['en-US', 'add user', 'First name, last name and e-mail'],
    ['fr-FR', 'attribuer un numéro', "Quel utilisateur ?"],
    ['en-US', 'delete user', 'Which user?'],
    ['fr-FR', 'utilisateurs', 'utilisateur(s)'],
  ])('%s typed "%s" starts its flow', async (locale, text, expected) => {
    const { say } = await openHarness(locale);
    expect(visibleText(await say(text))).toContain(expected);
  });

  test.each([
    ['fr-FR', 'aide', /^Ajouter un utilisateur$/, 'Prénom, nom et adresse e-mail'],
    ['en-US', 'help', /^Assign a number$/, 'Which user?'],
    ['en-US', 'help', /^Users$/, 'user(s)'],
  ])('%s a click on a menu button (shown after "%s") starts its flow: %p', async (locale, help, button, expected) => {
    const { say } = await openHarness(locale);
    const click = buttonData(await say(help), button);
    expect(visibleText(await say(click))).toContain(expected);
  });

  test.each([
    ['fr-FR', 'Listes de diffusion', "Il n'y a encore aucune liste de diffusion."],
    ['en-US', 'Distribution lists', 'There is no distribution list yet.'],
  ])('%s the "%s" menu button opens the lists', async (locale, _button, expected) => {
    const { say } = await openHarness(locale);
    expect(visibleText(await say({ action: 'distributionLists' }))).toContain(expected);
  });

  test('an unknown sentence is answered with the menu and what was not understood', async () => {
    const { say } = await openHarness('fr-FR');
    const replies = await say('fais-moi un café');
    expect(replies[0].text).toContain('Je n\'ai pas compris « fais-moi un café »');
    expect(cardOf(replies[0])).toBeDefined();
  });

  test('cancel with nothing under way says there is nothing to cancel', async () => {
    const { say } = await openHarness('en-US');
    expect(visibleText(await say('cancel'))).toContain('There is nothing to cancel');
  });

  test('a menu click in the middle of a flow starts the clicked flow', async () => {
    const { say } = await openHarness('en-US');
    await say('add user');
    expect(visibleText(await say({ action: 'deleteUser' }))).toContain('Which user?');
  });
});

describe('a flow in a shared conversation', () => {
  afterEach(() => jest.restoreAllMocks());

  test("belongs to who started it: another person's answer is refused and changes nothing", async () => {
    const h = await openHarness('en-US');
    await h.say('delete user toto.titi@sandbox.example');
    const other = await h.send({ from: { id: 'admin-2', name: 'Bob Other' }, value: { action: 'confirm' } });
    expect(visibleText(other)).toContain('This question belongs to Julien Rouchon, who started "Delete a user"');
    expect(await h.directory.findUserByEmail('toto.titi@sandbox.example')).toBeDefined();
    expect(visibleText(await h.say({ action: 'confirm' }))).toContain('deleted');
  });

  test(`left ${ABANDONED_FLOW_MS / 60_000} minutes without an answer, it gives way to whoever writes next`, async () => {
    const h = await openHarness('en-US');
    const start = Date.now();
    await h.say('delete user toto.titi@sandbox.example');
    jest.spyOn(Date, 'now').mockReturnValue(start + ABANDONED_FLOW_MS - 1000);
    expect(visibleText(await h.send({ from: { id: 'admin-2', name: 'Bob' }, text: 'help' }))).toContain('This question belongs to');
    jest.spyOn(Date, 'now').mockReturnValue(start + ABANDONED_FLOW_MS + 1000);
    const taken = visibleText(await h.send({ from: { id: 'admin-2', name: 'Bob' }, text: 'help' }));
    expect(taken).toContain('What would you like to do?');
    // The old confirmation no longer deletes anything.
    await h.say({ action: 'confirm' });
    expect(await h.directory.findUserByEmail('toto.titi@sandbox.example')).toBeDefined();
  });
});

import { buttonData, openHarness, visibleText } from '../../helpers/dialogHarness';

describe('assign a number to an existing user', () => {
  test('typed: the old number goes back to its pool and the card shows before and after', async () => {
    const h = await openHarness('fr-FR');
    expect(visibleText(await h.say('attribuer un numéro'))).toContain('Quel utilisateur ?');
    const current = visibleText(await h.say('rouchon'));
    expect(current).toContain('Attribution actuelle');
    expect(current).toContain('+33 6 34 33 32 11');
    await h.say('IT division');
    await h.say('+33 6 34 33 32 15');
    await h.say('3215');
    const done = visibleText(await h.say('oui'));
    expect(done).toContain('Numéro attribué à Julien Rouchon');
    expect(done).toMatch(/Avant[\s\S]*\+33 6 34 33 32 11[\s\S]*Après[\s\S]*\+33 6 34 33 32 15/);
    const user = await h.directory.findUserByEmail('j.rouchon@sandbox.example');
    expect([user?.phoneNumber, user?.extension]).toEqual(['+33634333215', '3215']);
    const free = await h.directory.listFreeNumbers(user!.locationId!);
    expect(free).toContain('+33634333211');
    expect(free).not.toContain('+33634333215');
    expect((await h.directory.listAudit()).map((a) => a.action)).toEqual(['user.assignCalling']);
  });

  test('several users match: a choice card, then the click picks one', async () => {
    const h = await openHarness('en-US');
    await h.say('assign a number');
    const choice = await h.say('sandbox.example');
    expect(visibleText(choice)).toMatch(/\d users match/);
    const next = visibleText(await h.say(buttonData(choice, /^Toto Titi/)));
    expect(next).toContain('Current assignment');
    expect(next).toContain('Toto Titi');
  });

  test('the user keeps their own extension without it counting as taken', async () => {
    const h = await openHarness('en-US');
    await h.say('assign a number');
    await h.say('j.rouchon@sandbox.example');
    await h.say('IT division');
    await h.say('none');
    const summary = visibleText(await h.say('3211'));
    expect(summary).toContain('Summary — number assignment');
  });

  test('an unknown user is said so and asked again', async () => {
    const h = await openHarness('en-US');
    await h.say('assign a number');
    expect(visibleText(await h.say('nobody-here'))).toContain('No user matches "nobody-here"');
  });

  test('cancel before confirming changes nothing', async () => {
    const h = await openHarness('en-US');
    await h.say('assign a number');
    await h.say('rouchon');
    await h.say('IT division');
    await h.say('+33634333215');
    await h.say('3215');
    await h.say('cancel');
    const user = await h.directory.findUserByEmail('j.rouchon@sandbox.example');
    expect(user?.phoneNumber).toBe('+33634333211');
    expect(await h.directory.listAudit()).toHaveLength(0);
  });
});

describe('delete a user', () => {
  test('the confirmation names what is removed; confirming deletes and frees number and extension', async () => {
    const h = await openHarness('fr-FR');
    await h.say('supprimer un utilisateur');
    const confirm = visibleText(await h.say('Julien Rouchon'));
    expect(confirm).toContain('Supprimer Julien Rouchon ?');
    expect(confirm).toContain('irréversible');
    expect(confirm).toContain('le numéro +33 6 34 33 32 11 retourne dans les numéros libres');
    expect(confirm).toContain('le numéro interne 3211 est libéré');
    expect(visibleText(await h.say({ action: 'confirm' }))).toContain('Utilisateur Julien Rouchon supprimé');
    expect(await h.directory.findUserByEmail('j.rouchon@sandbox.example')).toBeUndefined();
    const it = (await h.directory.listLocations()).find((l) => l.name === 'IT division')!;
    expect(await h.directory.listFreeNumbers(it.id)).toContain('+33634333211');
    expect((await h.directory.listAudit()).map((a) => a.action)).toEqual(['user.delete']);
  });

  test('Cancel on the confirmation keeps the user', async () => {
    const h = await openHarness('en-US');
    await h.say('delete user');
    await h.say('rouchon');
    expect(visibleText(await h.say({ action: 'cancel' }))).toContain('Cancelled');
    expect(await h.directory.findUserByEmail('j.rouchon@sandbox.example')).toBeDefined();
  });

  test('an answer that is neither confirm nor cancel is asked again', async () => {
    const h = await openHarness('en-US');
    await h.say('delete user');
    await h.say('rouchon');
    const replies = visibleText(await h.say('maybe'));
    expect(replies).toContain('Nothing is written before you confirm');
    expect(replies).toContain('Delete Julien Rouchon?');
    expect(await h.directory.findUserByEmail('j.rouchon@sandbox.example')).toBeDefined();
  });
});

describe('list users', () => {
  test.each([
    ['fr-FR', 'utilisateurs', 5, ['Julien Rouchon', 'Toto Titi']],
    ['fr-FR', 'utilisateurs actifs', 3, ['Julien Rouchon']],
    ['en-US', 'users pending', 2, ['Toto Titi']],
    ['en-US', 'users IT division', 1, ['Julien Rouchon']],
  ])('%s "%s" lists %i user(s)', async (locale, text, count, names) => {
    const h = await openHarness(locale);
    const replies = visibleText(await h.say(text));
    expect(replies).toMatch(new RegExp(`^${count} (utilisateur|user)\\(s\\)`, 'm'));
    for (const name of names) expect(replies).toContain(name);
  });

  test('more than ten users are paged with a Next button', async () => {
    const h = await openHarness('en-US');
    const meetings = (await h.directory.listLicenses()).find((l) => l.name === 'Webex Meetings')!;
    for (let i = 0; i < 8; i++) {
      await h.services.users.createUser(
        { firstName: 'Test', lastName: `Zulu${i}`, email: `zulu${i}@example.com`, licenseIds: [meetings.id] },
        { actor: { id: 't', name: 'test', role: 'admin' }, flow: 'test' },
      );
    }
    const first = await h.say('users');
    expect(visibleText(first)).toContain('Page 1 of 2');
    const second = visibleText(await h.say(buttonData(first, /^Next page$/)));
    expect(second).toContain('Page 2 of 2');
    expect(second).toContain('Zulu7');
  });
});

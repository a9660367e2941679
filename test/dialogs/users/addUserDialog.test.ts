import { sandboxSeed } from '../../../src/directory/lowdb/seed';
import { buttonData, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';

const CALLING = 'Webex Calling — Professional';

async function userCount(h: Harness) {
  return (await h.directory.listUsers()).length;
}

async function locationId(h: Harness, name: string) {
  return (await h.directory.listLocations()).find((l) => l.name === name)!.id;
}

describe('add a user', () => {
  test('typed answers, French: a calling user gets the chosen number and the suggested extension, pending', async () => {
    const h = await openHarness('fr-FR');
    expect(visibleText(await h.say('ajouter un utilisateur'))).toContain('Prénom, nom et adresse e-mail');
    expect(visibleText(await h.say('Robert Redford rredford@exemple.fr'))).toContain('Webex Calling — Professional — 4 restantes');
    expect(visibleText(await h.say('webex calling'))).toContain('Emplacement ?');
    expect(visibleText(await h.say('IT division'))).toContain("Numéro de l'emplacement IT division (7 libres)");
    expect(visibleText(await h.say('06 34 33 32 12'))).toContain('Je propose 3212');
    const summary = visibleText(await h.say('3212'));
    expect(summary).toContain('Récapitulatif');
    expect(summary).toContain('+33 6 34 33 32 12');
    const created = await h.say('oui');
    expect(visibleText(created)).toContain('Utilisateur Robert Redford créé');
    // The invitation is sent right away (to DATA_DIR/outbox here): the status says when.
    expect(visibleText(created)).toMatch(/Vérifié \(invitation envoyée le \d+ \S+ \d{4} à \d\d:\d\d UTC, compte pas encore activé\)/);
    expect(visibleText(created)).toContain('Invitation envoyée à rredford@exemple.fr.');
    expect(buttonData(created, /^Renvoyer l'invitation$/)).toEqual({ action: 'sendInvitations', userId: expect.any(String) });

    const user = await h.directory.findUserByEmail('RREDFORD@exemple.fr');
    expect(user).toMatchObject({ firstName: 'Robert', lastName: 'Redford', status: 'pending', phoneNumber: '+33634333212', extension: '3212' });
    expect(await h.directory.listFreeNumbers(user!.locationId!)).not.toContain('+33634333212');
    const audit = await h.directory.listAudit();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'user.create', flow: 'addUser', actor: expect.objectContaining({ name: 'Julien Rouchon' }) }),
      expect.objectContaining({ action: 'user.invite', flow: 'addUser', target: 'rredford@exemple.fr' }),
    ]);
    expect(user!.invitedAt).toEqual(expect.any(String));
  });

  test('card clicks, English: licence, location, number and suggested extension buttons', async () => {
    const h = await openHarness('en-US');
    await h.say({ action: 'addUser' });
    const licenses = await h.say('Ada Lovelace ada@example.com');
    const locations = await h.say(buttonData(licenses, /^Webex Suite/));
    const numbers = await h.say(buttonData(locations, /^Siège — Paris$/));
    expect(visibleText(numbers)).toContain('More');
    const extension = await h.say(buttonData(numbers, /^\+33 1 42 68 01 01$/));
    const summary = await h.say(buttonData(extension, /^0101$/));
    const created = await h.say(buttonData(summary, /^Confirm$/));
    expect(visibleText(created)).toContain('User Ada Lovelace created');
    expect(await h.directory.findUserByEmail('ada@example.com')).toMatchObject({ phoneNumber: '+33142680101', extension: '0101' });
  });

  test('the number choice is paged: More shows the next free numbers', async () => {
    const h = await openHarness('en-US');
    await h.say('add user');
    await h.say('Ada Lovelace ada@example.com');
    await h.say('Webex Suite');
    const first = visibleText(await h.say('Siège — Paris'));
    const second = visibleText(await h.say('more'));
    expect(first).toContain('+33 1 42 68 01 01');
    expect(second).not.toContain('+33 1 42 68 01 01');
    expect(second).toContain('+33 1 42 68 01 09');
  });

  test('a licence without calling needs no location and no number', async () => {
    const h = await openHarness('en-US');
    await h.say('add user');
    await h.say('Grace Hopper grace@example.com');
    const summary = visibleText(await h.say('Webex Meetings'));
    expect(summary).toContain('Summary');
    expect(summary).not.toContain('Location');
    await h.say('yes');
    const user = await h.directory.findUserByEmail('grace@example.com');
    expect(user?.status).toBe('pending');
    expect([user?.locationId, user?.phoneNumber, user?.extension]).toEqual([undefined, undefined, undefined]);
  });

  test('several licences typed at once are all given', async () => {
    const h = await openHarness('en-US');
    await h.say('add user');
    await h.say('Grace Hopper grace@example.com');
    await h.say('Webex Meetings, Webex Suite');
    await h.say('IT division');
    await h.say('none');
    await h.say('4000');
    await h.say('confirm');
    const user = await h.directory.findUserByEmail('grace@example.com');
    const names = (await h.directory.listLicenses()).filter((l) => user!.licenseIds.includes(l.id)).map((l) => l.name);
    expect(names.sort()).toEqual(['Webex Meetings', 'Webex Suite']);
    expect([user?.extension, user?.phoneNumber]).toEqual(['4000', undefined]);
  });

  const noCallingUnits = (now: Date) => {
    const data = sandboxSeed(now);
    data.licenses.find((l) => l.name === CALLING)!.totalUnits = 1;
    return data;
  };

  test.each<[string, string[], string, string]>([
    ['a malformed e-mail', [], 'Robert Redford rredford-at-exemple.fr', 'prénom, un nom et une adresse e-mail'],
    ['an e-mail with no domain', [], 'Robert Redford rredford@', "n'est pas une adresse e-mail valide"],
    ['a name missing', [], 'rredford@exemple.fr', 'Il me faut un prénom, un nom'],
    ['an e-mail already used (any case)', [], 'Jules Rouchon J.ROUCHON@sandbox.example', 'déjà utilisée par Julien Rouchon'],
    ['a licence with no unit left', ['Robert Redford rr@exemple.fr'], CALLING, "n'a plus d'unité disponible"],
    ['an unknown licence', ['Robert Redford rr@exemple.fr'], 'Webex Platinum', "Il n'y a pas de licence « Webex Platinum »"],
    ['an unknown location', ['Robert Redford rr@exemple.fr', 'Webex Suite'], 'Marseille', "Il n'y a pas d'emplacement « Marseille »"],
    ['a number that is not free', ['Robert Redford rr@exemple.fr', 'Webex Suite', 'IT division'], '+33634333211', "n'est pas un numéro libre"],
    ['a number that cannot be read', ['Robert Redford rr@exemple.fr', 'Webex Suite', 'IT division'], '12ab', 'Je ne sais pas lire « 12ab »'],
    ['a non-numeric extension', ['Robert Redford rr@exemple.fr', 'Webex Suite', 'IT division', '+33634333212'], '32a1', 'ne contient que des chiffres (2 à 10)'],
    ['a one-digit extension', ['Robert Redford rr@exemple.fr', 'Webex Suite', 'IT division', '+33634333212'], '7', 'ne contient que des chiffres (2 à 10)'],
    ['an extension taken in the location', ['Robert Redford rr@exemple.fr', 'Webex Suite', 'IT division', '+33634333212'], '3211', 'déjà utilisé par Julien Rouchon'],
    ['no extension and no number', ['Robert Redford rr@exemple.fr', 'Webex Suite', 'IT division', 'aucun'], 'aucun', 'doit avoir un numéro ou un numéro interne'],
  ])('%s is refused in place and asked again; nothing is written', async (_name, before, answer, message) => {
    const h = await openHarness('fr-FR', { seed: noCallingUnits });
    const users = await userCount(h);
    await h.say('ajouter un utilisateur');
    for (const line of before) await h.say(line);
    const replies = await h.say(answer);
    expect(visibleText(replies)).toContain(message);
    expect(await userCount(h)).toBe(users);
    expect(await h.directory.listAudit()).toHaveLength(0);
  });

  test('a location with no free number says so plainly ("Aucun") and asks for an extension', async () => {
    const h = await openHarness('fr-FR');
    await h.say('ajouter un utilisateur');
    await h.say('Robert Redford rr@exemple.fr');
    await h.say('Webex Suite');
    const replies = visibleText(await h.say('Lyon — Entrepôt'));
    expect(replies).toContain('Tous les numéros de Lyon — Entrepôt sont attribués');
    expect(replies).toContain('obligatoire sans numéro');
    await h.say('5120');
    await h.say('oui');
    const user = await h.directory.findUserByEmail('rr@exemple.fr');
    expect([user?.extension, user?.phoneNumber]).toEqual(['5120', undefined]);
  });

  const steps = ['Robert Redford rr@exemple.fr', 'Webex Suite', 'IT division', '+33634333212', '3212'];
  test.each(steps.map((_, i) => [i]))('cancel after %i answer(s) leaves nothing behind', async (answered) => {
    const h = await openHarness('en-US');
    const users = await userCount(h);
    await h.say('add user');
    for (const line of steps.slice(0, answered)) await h.say(line);
    expect(visibleText(await h.say('cancel'))).toContain('Cancelled. Nothing was changed.');
    expect(await userCount(h)).toBe(users);
    expect(await h.directory.listAudit()).toHaveLength(0);
    expect(visibleText(await h.say('help'))).toContain('What would you like to do?');
  });

  test('the Cancel button of the summary leaves nothing behind', async () => {
    const h = await openHarness('en-US');
    await h.say('add user');
    for (const line of steps) await h.say(line);
    expect(visibleText(await h.say({ action: 'cancel' }))).toContain('Cancelled');
    expect(await h.directory.findUserByEmail('rr@exemple.fr')).toBeUndefined();
  });

  test('help in the middle of the flow explains and keeps the flow', async () => {
    const h = await openHarness('en-US');
    await h.say('add user');
    await h.say('Robert Redford rr@example.com');
    const replies = visibleText(await h.say('help'));
    expect(replies).toContain('type "cancel" to stop');
    expect(replies).toContain('Which licence(s)?');
  });

  test('Change at the summary asks only the chosen part again', async () => {
    const h = await openHarness('en-US');
    await h.say('add user');
    for (const line of steps) await h.say(line);
    expect(visibleText(await h.say({ action: 'change' }))).toContain('What do you want to change?');
    expect(visibleText(await h.say({ redo: 'extension' }))).toContain('I suggest 3212');
    const summary = visibleText(await h.say('4242'));
    expect(summary).toContain('4242');
    expect(summary).toContain('Robert Redford');
    await h.say('yes');
    expect(await h.directory.findUserByEmail('rr@exemple.fr')).toMatchObject({ extension: '4242', phoneNumber: '+33634333212' });
  });

  test('two admins choosing the same free number: the second is told and chooses again; no number is given twice', async () => {
    const first = await openHarness('fr-FR', { from: { id: 'a', name: 'Admin A' } });
    await first.say('ajouter un utilisateur');
    for (const line of ['Alice Martin alice@exemple.fr', 'Webex Suite', 'IT division', '+33634333212', '3212']) await first.say(line);
    const race = await openHarness('fr-FR', { sharing: first, from: { id: 'b', name: 'Admin B' } });
    await race.say('ajouter un utilisateur');
    await race.say('Bob Martin bob@exemple.fr');
    await race.say('Webex Suite');
    await race.say('IT division');
    await race.say('+33634333212');
    await race.say('4212');
    expect(visibleText(await first.say('oui'))).toContain('Alice Martin créé');
    const told = visibleText(await race.say('oui'));
    expect(told).toContain("+33634333212 vient d'être attribué à quelqu'un d'autre");
    expect(told).toContain("Numéro de l'emplacement IT division");
    expect(told).not.toContain('+33 6 34 33 32 12');
    await race.say('+33634333213');
    await race.say('3213');
    expect(visibleText(await race.say('oui'))).toContain('Bob Martin créé');
    const owners = (await first.directory.listUsers()).map((u) => u.phoneNumber).filter(Boolean);
    expect(new Set(owners).size).toBe(owners.length);
  });

  test('"Add another user" restarts the flow keeping the location', async () => {
    const h = await openHarness('en-US');
    await h.say('add user');
    for (const line of steps) await h.say(line);
    const created = await h.say('yes');
    await h.say(buttonData(created, /^Add another user$/));
    await h.say('Bob Martin bob@example.com');
    const numbers = visibleText(await h.say('Webex Suite'));
    expect(numbers).toContain('Number for IT division');
    expect(visibleText(await h.say('none'))).toContain('required without a number');
    await h.say('4100');
    await h.say('yes');
    const bob = await h.directory.findUserByEmail('bob@example.com');
    expect(bob?.locationId).toBe(await locationId(h, 'IT division'));
  });
});


import { validateCard } from '../../helpers/cardSchema';
import { buttonData, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';
import { cardsOf, inputsOf, seedContact, snapshot } from './contactKit';

async function startTyped(h: Harness, name = 'Jean Dupont') {
  await h.say('add contact');
  return h.say(name);
}

describe('add a contact, typed (seed 000 "Ajouter un contact")', () => {
  test('fr: name, then one detail per message, a summary, then the contact is created with every field', async () => {
    const h = await openHarness('fr-FR');
    expect(visibleText(await h.say('ajouter un contact'))).toContain("Nom d'affichage du nouveau contact ?");
    expect(visibleText(await h.say('Jean Dupont'))).toContain('Maintenant les coordonnées de Jean Dupont');
    expect(visibleText(await h.say('+33 6 12 34 56 78 mobile'))).toContain('✓ Téléphone 1 : +33 6 12 34 56 78 (Mobile)');
    expect(visibleText(await h.say('01 42 68 01 00 travail'))).toContain('✓ Téléphone 2 : 01 42 68 01 00 (Travail)');
    expect(visibleText(await h.say('jean.dupont@acme.fr'))).toContain('✓ E-mail : jean.dupont@acme.fr');
    expect(visibleText(await h.say('sip:jean@acme.fr'))).toContain('✓ URI SIP : sip:jean@acme.fr');
    await h.say('fonction : Acheteur');
    await h.say('société : ACME');
    await h.say('prénom : Jean');
    await h.say('nom : Dupont');
    await h.say('ville : Lyon');
    await h.say('code postal : 69001');
    const summary = await h.say('fin');
    expect(visibleText(summary)).toContain('Récapitulatif — nouveau contact');
    expect(visibleText(summary)).toContain('+33 1 42 68 01 00 (Travail)');
    expect(await h.directory.listContacts()).toEqual([]);
    const done = await h.say('oui');
    expect(visibleText(done)).toContain('✅ Contact Jean Dupont créé');
    for (const card of cardsOf([...summary, ...done])) expect(validateCard(card)).toEqual([]);
    const [contact] = await h.directory.listContacts();
    expect(contact).toMatchObject({
      displayName: 'Jean Dupont',
      firstName: 'Jean',
      lastName: 'Dupont',
      phoneNumbers: [
        { value: '+33612345678', type: 'mobile' },
        { value: '+33142680100', type: 'work' },
      ],
      email: 'jean.dupont@acme.fr',
      sipUri: 'sip:jean@acme.fr',
      title: 'Acheteur',
      companyName: 'ACME',
      address: { city: 'Lyon', zip: '69001' },
    });
    expect((await h.directory.listAudit()).map((a) => a.action)).toEqual(['contact.create']);
  });

  test('"add contact <name>" takes the name at once and asks for the details', async () => {
    const h = await openHarness('en-US');
    const replies = visibleText(await h.say('add contact Supplier 9'));
    expect(replies).toContain('Now the details of Supplier 9');
    expect(replies).not.toContain('Display name of the new contact?');
  });

  test.each([
    ['a number without its type', '+33 6 12 34 56 78', '"Phone type 1" is empty, but the number +33 6 12 34 56 78 needs a type'],
    ['a type that is not one', '+33 6 12 34 56 78 mobil', '"mobil" in "Phone type 1" is not a phone type: write one of work, work_extension, mobile, home, other'],
    ['a number that is not one', '+33 12 mobile', '"+33 12" in "Phone 1" is not a phone number'],
    ['a bad extension', 'extension: 4', '"4" in "Phone 1" is not an extension'],
    ['a number in scientific notation', 'phone: 3.36123E+10 mobile', 'a spreadsheet turned into scientific notation'],
    ['a bad e-mail', 'jean@@acme.fr', '"jean@@acme.fr" in "E-mail" is not a valid e-mail address'],
    ['a bad SIP URI', 'sip: not a uri', '"not a uri" in "SIP URI" is not a SIP URI'],
    ['a value too long', `title: ${'x'.repeat(300)}`, '"Title" holds 300 characters; at most 255 are accepted'],
    ['words that are no detail', 'hello there', 'I did not understand. Give a number with its type'],
    ['"done" with no way to reach the contact', 'done', 'The contact has no phone number, e-mail or SIP URI: fill in at least one of them.'],
  ])('%s gets the import message and the prompt waits; nothing is written', async (_name, bad, message) => {
    const h = await openHarness('en-US');
    await startTyped(h);
    expect(visibleText(await h.say(bad))).toContain(message);
    expect(await snapshot(h)).toEqual({ contacts: [], audit: [] });
    expect(visibleText(await h.say('jean@acme.fr'))).toContain('✓ E-mail: jean@acme.fr');
  });

  test('"help" at a detail explains, then asks the same question again, keeping what was given', async () => {
    const h = await openHarness('en-US');
    await startTyped(h);
    await h.say('jean@acme.fr');
    const help = visibleText(await h.say('help'));
    expect(help).toContain('Answer the question above, or type "cancel" to stop.');
    expect(help).toContain('✓ E-mail: jean@acme.fr');
    expect(visibleText(await h.say('done'))).toContain('jean@acme.fr');
  });

  test('an empty display name gets the import message and is asked again', async () => {
    const h = await openHarness('en-US');
    await h.say('add contact');
    expect(visibleText(await h.say('   '))).toContain('"Display name" is empty: every contact needs a display name.');
    expect(visibleText(await h.say('Jean Dupont'))).toContain('Now the details of Jean Dupont');
  });

  test('a number not in use is kept with the import warning, shown again on the summary', async () => {
    const h = await openHarness('en-US');
    await startTyped(h);
    expect(visibleText(await h.say('0015551234567 work'))).toContain('is not a number in use in its country: imported as it is, check it');
    const summary = visibleText(await h.say('done'));
    expect(summary).toContain('To check:');
    expect(summary).toContain('is not a number in use in its country');
  });

  test('a sixth number is refused: five at most', async () => {
    const h = await openHarness('en-US');
    await startTyped(h);
    for (let i = 1; i <= 5; i++) await h.say(`+33 6 12 34 56 7${i} mobile`);
    expect(visibleText(await h.say('+33 6 12 34 56 79 mobile'))).toContain('The contact already has 5 numbers');
    expect(visibleText(await h.say('phone 5: -'))).toContain('✓ Phone 5 cleared');
  });

  test('an e-mail already used by a contact is refused with the import message', async () => {
    const h = await openHarness('en-US');
    await seedContact(h, { displayName: 'Jean D.', email: 'jean@acme.fr' });
    await startTyped(h);
    expect(visibleText(await h.say('jean@acme.fr'))).toContain('The contact "Jean D." already exists (same e-mail, or same name and first number)');
  });

  test('the same name and first number as an existing contact is refused at "done"', async () => {
    const h = await openHarness('en-US');
    await seedContact(h, { displayName: 'Jean Dupont', phone1: '+33612345678', phoneType1: 'mobile' });
    await startTyped(h);
    await h.say('06 12 34 56 78 mobile');
    expect(visibleText(await h.say('done'))).toContain('The contact "Jean Dupont" already exists');
    expect(await h.directory.listContacts()).toHaveLength(1);
  });

  test('Change on the summary lets a detail be given again, then the new summary shows it', async () => {
    const h = await openHarness('en-US');
    await startTyped(h);
    await h.say('jean@acme.fr');
    await h.say('title: Buyer');
    await h.say('done');
    expect(visibleText(await h.say('change'))).toContain('Give the new value with its label');
    await h.say('title: Head buyer');
    const summary = visibleText(await h.say('done'));
    expect(summary).toContain('Head buyer');
    await h.say({ action: 'confirm' });
    expect((await h.directory.listContacts())[0].title).toBe('Head buyer');
  });

  test('a contact created by someone else between the summary and Confirm is refused, nothing is written twice', async () => {
    const h = await openHarness('en-US');
    await startTyped(h);
    await h.say('jean@acme.fr');
    await h.say('done');
    await seedContact(h, { displayName: 'Other', email: 'jean@acme.fr' });
    const replies = visibleText(await h.say('yes'));
    expect(replies).toContain('already exists');
    expect(replies).toContain('Give the new value with its label');
    expect(await h.directory.listContacts()).toHaveLength(1);
  });

  test.each([
    ['the display name', ['add contact']],
    ['a detail', ['add contact', 'Jean Dupont', 'jean@acme.fr']],
    ['the summary', ['add contact', 'Jean Dupont', 'jean@acme.fr', 'done']],
  ])('"cancel" at %s leaves nothing written', async (_name, steps) => {
    const h = await openHarness('en-US');
    for (const step of steps) await h.say(step);
    expect(visibleText(await h.say('cancel'))).toContain('Cancelled. Nothing was changed.');
    expect(await snapshot(h)).toEqual({ contacts: [], audit: [] });
    expect(visibleText(await h.say('yes'))).not.toContain('created');
  });
});

describe('add a contact, by card', () => {
  const form = (values: Record<string, string>) => ({ action: 'contacts', do: 'add', form: true, ...values });

  test('the contacts card\'s Add button opens the form; sent with errors, it comes back with the values and every message', async () => {
    const h = await openHarness('en-US');
    const opened = await h.say(buttonData(await h.say('contacts'), /^Add a contact$/));
    expect(visibleText(opened)).toContain('New contact');
    expect(Object.keys(inputsOf(opened))).toEqual(expect.arrayContaining(['displayName', 'phone1', 'phoneType1', 'phone5', 'phoneType5', 'email', 'sipUri', 'zip']));
    const sent = form({ displayName: 'Jean Dupont', phone1: '+33 6 12 34 56 78', phoneType1: '', phone2: '12ab', phoneType2: 'work', email: 'jean@', title: 'Buyer' });
    const again = await h.say({ ...buttonData(opened, /^Continue$/), ...sent });
    const text = visibleText(again);
    expect(text).toContain('To correct:');
    expect(text).toContain('"Phone type 1" is empty, but the number +33 6 12 34 56 78 needs a type');
    expect(text).toContain('"12ab" in "Phone 2" is not a phone number');
    expect(text).toContain('"jean@" in "E-mail" is not a valid e-mail address');
    const inputs = inputsOf(again);
    expect([inputs.displayName.value, inputs.phone1.value, inputs.phoneType2.value, inputs.email.value, inputs.title.value]).toEqual([
      'Jean Dupont',
      '+33 6 12 34 56 78',
      'work',
      'jean@',
      'Buyer',
    ]);
    for (const card of cardsOf([...opened, ...again])) expect(validateCard(card)).toEqual([]);
    expect(await snapshot(h)).toEqual({ contacts: [], audit: [] });

    const summary = await h.say(form({ displayName: 'Jean Dupont', phone1: '+33 6 12 34 56 78', phoneType1: 'mobile', email: 'jean@acme.fr', title: 'Buyer' }));
    expect(visibleText(summary)).toContain('Summary — new contact');
    const done = visibleText(await h.say(buttonData(summary, /^Confirm$/)));
    expect(done).toContain('✅ Contact Jean Dupont created');
    expect(await h.directory.listContacts()).toMatchObject([{ displayName: 'Jean Dupont', email: 'jean@acme.fr', phoneNumbers: [{ value: '+33612345678', type: 'mobile' }] }]);
  });

  test('an empty form says what a contact needs', async () => {
    const h = await openHarness('fr-FR');
    const text = visibleText(await h.say(form({ displayName: '', phone1: '', phoneType1: 'work' })));
    expect(text).toContain("« Nom d'affichage » est vide");
    expect(text).toContain("Le contact n'a ni numéro de téléphone, ni e-mail, ni URI SIP");
  });

  test('a contact that already exists is refused on the form', async () => {
    const h = await openHarness('en-US');
    await seedContact(h, { displayName: 'ACME desk', email: 'desk@acme.fr' });
    expect(visibleText(await h.say(form({ displayName: 'Desk', email: 'desk@acme.fr' })))).toContain('The contact "ACME desk" already exists');
    expect(await h.directory.listContacts()).toHaveLength(1);
  });

  test('Change on the summary brings the form back with the values', async () => {
    const h = await openHarness('en-US');
    await h.say(form({ displayName: 'Jean Dupont', email: 'jean@acme.fr', city: 'Lyon' }));
    const back = await h.say({ action: 'change' });
    expect(visibleText(back)).toContain('New contact');
    expect([inputsOf(back).city.value, inputsOf(back).email.value]).toEqual(['Lyon', 'jean@acme.fr']);
  });

  test('typing at the form says to fill it in; Cancel leaves nothing', async () => {
    const h = await openHarness('en-US');
    await h.say(buttonData(await h.say('contacts'), /^Add a contact$/));
    expect(visibleText(await h.say('Jean'))).toContain('Fill in the form above and press Continue');
    expect(visibleText(await h.say({ action: 'cancel' }))).toContain('Cancelled');
    await h.say(form({ displayName: 'Jean Dupont', email: 'jean@acme.fr' }));
    expect(visibleText(await h.say({ action: 'cancel' }))).toContain('Cancelled');
    expect(await snapshot(h)).toEqual({ contacts: [], audit: [] });
  });
});

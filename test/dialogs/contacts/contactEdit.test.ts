import { validateCard } from '../../helpers/cardSchema';
import { buttonData, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';
import { cardsOf, helpDesk, inputsOf, seedContact, snapshot } from './contactKit';

async function withJean(locale = 'en-US') {
  const h = await openHarness(locale);
  const jean = await seedContact(h, {
    displayName: 'Jean Dupont',
    phone1: '+33612345678',
    phoneType1: 'mobile',
    email: 'jean.dupont@acme.fr',
    title: 'Buyer',
  });
  return { h, jean };
}

const edit = (id: string, field?: string) => ({ action: 'contacts', do: 'edit', id, ...(field ? { field } : {}) });

async function contactOf(h: Harness, id: string) {
  return h.services.contactEditing.get(id);
}

describe('edit a contact (seed 000 "Modifier les coordonnées")', () => {
  test('by card: Edit, pick the field, give the value, confirm before → after, saved', async () => {
    const { h, jean } = await withJean('fr-FR');
    const opened = await h.say({ action: 'contacts', do: 'open', id: jean.id });
    const choose = await h.say(buttonData(opened, /^Modifier$/));
    expect(visibleText(choose)).toContain('Que voulez-vous modifier pour Jean Dupont ?');
    const fields = inputsOf(choose).field;
    expect(fields.choices).toContainEqual({ title: 'Fonction — Buyer', value: 'title' });
    expect(fields.choices).toContainEqual({ title: 'Téléphone 2 — —', value: 'phone2' });
    expect(fields.choices.map((c: { value: string }) => c.value)).not.toContain('phone3');
    const ask = await h.say({ ...buttonData(choose, /^Continuer$/), field: 'title' });
    expect(visibleText(ask)).toContain('Nouvelle valeur pour « Fonction » ? (actuellement : Buyer)');
    const confirm = await h.say('Acheteuse principale');
    expect(visibleText(confirm)).toContain('Modifier Jean Dupont ?');
    expect(visibleText(confirm)).toContain('Buyer → Acheteuse principale');
    expect((await contactOf(h, jean.id))?.title).toBe('Buyer');
    const done = await h.say(buttonData(confirm, /^Confirmer$/));
    expect(visibleText(done)).toContain('✅ Contact Jean Dupont modifié');
    for (const card of cardsOf([...choose, ...confirm, ...done])) expect(validateCard(card)).toEqual([]);
    expect((await contactOf(h, jean.id))?.title).toBe('Acheteuse principale');
    expect((await h.directory.listAudit()).filter((a) => a.flow === 'editContact').map((a) => a.action)).toEqual(['contact.update']);
  });

  test.each([
    ['en-US', 'e-mail', 'New value for "E-mail"?', 'jean@globex.fr', 'jean.dupont@acme.fr → jean@globex.fr'],
    ['en-US', 'company', 'New value for "Company"?', 'Globex', '— → Globex'],
    ['fr-FR', 'téléphone 2', 'Nouveau numéro pour « Téléphone 2 »', '01 42 68 01 00 travail', '— → +33 1 42 68 01 00 (Travail)'],
    ['fr-FR', 'code postal', 'Nouvelle valeur pour « Code postal »', '69001', '— → 69001'],
  ])('%s: the field typed as "%s"', async (locale, label, question, value, change) => {
    const { h, jean } = await withJean(locale);
    await h.say(edit(jean.id));
    expect(visibleText(await h.say(label))).toContain(question);
    expect(visibleText(await h.say(value))).toContain(change);
    await h.say(locale === 'fr-FR' ? 'oui' : 'yes');
    expect(await h.directory.listAudit()).toHaveLength(2);
  });

  test('a number keeps its type when only the number is given; a type is changed with its buttons', async () => {
    const { h, jean } = await withJean();
    await h.say(edit(jean.id, 'phone1'));
    await h.say('+33 6 99 88 77 66');
    await h.say('yes');
    expect((await contactOf(h, jean.id))?.phoneNumbers).toEqual([{ value: '+33699887766', type: 'mobile' }]);
    const ask = await h.say(edit(jean.id, 'phoneType1'));
    expect(visibleText(ask)).toContain('New type for "Phone type 1" (now: Mobile)?');
    expect(visibleText(await h.say(buttonData(ask, /^Home$/)))).toContain('Mobile → Home');
    await h.say('yes');
    expect((await contactOf(h, jean.id))?.phoneNumbers).toEqual([{ value: '+33699887766', type: 'home' }]);
  });

  test('"-" clears a field', async () => {
    const { h, jean } = await withJean();
    await h.say(edit(jean.id, 'title'));
    expect(visibleText(await h.say('-'))).toContain('Buyer → —');
    await h.say('yes');
    expect((await contactOf(h, jean.id))?.title).toBeUndefined();
  });

  test.each([
    ['email', 'jean@@acme', '"jean@@acme" in "E-mail" is not a valid e-mail address'],
    ['phone1', '+33 12', '"+33 12" in "Phone 1" is not a phone number'],
    ['phone2', '+33 1 42 68 01 00', '"Phone type 2" is empty, but the number +33 1 42 68 01 00 needs a type'],
    ['phoneType1', 'mobil', '"mobil" in "Phone type 1" is not a phone type'],
    ['sipUri', 'nope', '"nope" in "SIP URI" is not a SIP URI'],
    ['displayName', '-', '"Display name" is empty: every contact needs a display name.'],
    ['title', 'x'.repeat(256), '"Title" holds 256 characters; at most 255 are accepted'],
    ['title', 'Buyer', 'That is already the value of "Title".'],
    ['title', '   ', 'New value for "Title"?'],
  ])('%s = %j is refused with its message; the prompt waits and nothing is written', async (field, bad, message) => {
    const { h, jean } = await withJean();
    await h.say(edit(jean.id, field));
    const before = await snapshot(h);
    expect(visibleText(await h.say(bad))).toContain(message);
    expect(await snapshot(h)).toEqual(before);
    expect(visibleText(await h.say(field === 'phoneType1' ? 'work' : field.startsWith('phone') ? '+33 6 11 22 33 44 mobile' : field === 'email' ? 'j@acme.fr' : field === 'sipUri' ? 'j@acme.fr' : 'Chief'))).toContain('Change Jean Dupont?');
  });

  test('clearing the only way to reach the contact is refused', async () => {
    const h = await openHarness('en-US');
    const solo = await seedContact(h, { displayName: 'Solo', email: 'solo@acme.fr' });
    await h.say(edit(solo.id, 'email'));
    expect(visibleText(await h.say('-'))).toContain('The contact has no phone number, e-mail or SIP URI');
  });

  test('an e-mail that is another contact\'s is refused', async () => {
    const { h, jean } = await withJean();
    await seedContact(h, { displayName: 'Marie Durand', email: 'marie@globex.fr' });
    await h.say(edit(jean.id, 'email'));
    expect(visibleText(await h.say('marie@globex.fr'))).toContain('marie@globex.fr is already the e-mail of the contact "Marie Durand"');
  });

  test('an unknown label is asked again', async () => {
    const { h, jean } = await withJean();
    await h.say(edit(jean.id));
    expect(visibleText(await h.say('favourite colour'))).toContain('Choose a field on the card, or type its name');
    expect(visibleText(await h.say('title'))).toContain('New value for "Title"?');
  });

  test('Change on the confirmation goes back to the choice of field', async () => {
    const { h, jean } = await withJean();
    await h.say(edit(jean.id, 'title'));
    await h.say('Chief');
    expect(visibleText(await h.say({ action: 'change' }))).toContain('What do you want to change for Jean Dupont?');
    expect(await h.directory.listAudit()).toHaveLength(1);
  });

  test.each([
    ['the field', [] as string[]],
    ['the value', ['title']],
    ['the confirmation', ['title', 'Chief']],
  ])('"cancel" at %s changes nothing', async (_name, steps) => {
    const { h, jean } = await withJean();
    const before = await snapshot(h);
    await h.say(edit(jean.id));
    for (const step of steps) await h.say(step);
    expect(visibleText(await h.say('cancel'))).toContain('Cancelled');
    expect(await snapshot(h)).toEqual(before);
  });

  test('a contact deleted meanwhile: says so and stops', async () => {
    const { h, jean } = await withJean();
    await h.say(edit(jean.id, 'title'));
    await h.say('Chief');
    await h.services.contactEditing.delete([jean.id], { actor: { id: 'o', name: 'Other', role: 'admin' }, flow: 'test' });
    expect(visibleText(await h.say('yes'))).toContain('This contact no longer exists');
    expect(visibleText(await h.say(edit(jean.id)))).toContain('This contact no longer exists');
  });

  test('help-desk edits a contact', async () => {
    const { h, jean } = await withJean();
    const say = helpDesk(h);
    await say(edit(jean.id, 'title'));
    await say('Chief');
    expect(visibleText(await say('yes'))).toContain('✅ Contact Jean Dupont updated');
    expect((await contactOf(h, jean.id))?.title).toBe('Chief');
  });
});

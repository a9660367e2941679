import { validateCard } from '../../helpers/cardSchema';
import { buttonData, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';
import { cardsOf, helpDesk, inputsOf, seedContact, snapshot, type Replies } from './contactKit';

/** Dupont Jean, Durand Marie, and twelve suppliers. */
async function seedDirectory(h: Harness) {
  const jean = await seedContact(h, {
    displayName: 'Jean Dupont',
    firstName: 'Jean',
    lastName: 'Dupont',
    phone1: '+33612345678',
    phoneType1: 'mobile',
    phone2: '4021',
    phoneType2: 'work_extension',
    email: 'jean.dupont@acme.fr',
    sipUri: 'sip:jean@acme.fr',
    title: 'Acheteur',
    companyName: 'ACME',
    street: '1 rue de la Paix',
    city: 'Paris',
    state: 'IDF',
    country: 'France',
    zip: '75002',
  });
  const marie = await seedContact(h, { displayName: 'Marie Durand', email: 'marie.durand@globex.fr' });
  for (let i = 1; i <= 12; i++) await seedContact(h, { displayName: `Fournisseur ${i}`, phone1: `01234567${String(i).padStart(2, '0')}`, phoneType1: 'work' });
  return { jean, marie };
}

const ticked = (replies: Replies) => (inputsOf(replies).ids?.choices ?? []).map((c: { title: string }) => c.title);

describe('the contacts card', () => {
  test('"contacts" alone shows the card with a search box, Search and Add a contact', async () => {
    const h = await openHarness('fr-FR');
    const card = await h.say('contacts');
    const text = visibleText(card);
    for (const part of ["0 contacts dans l'annuaire.", 'Rechercher', 'Ajouter un contact', 'Télécharger le modèle']) expect(text).toContain(part);
    expect(inputsOf(card).query).toMatchObject({ type: 'Input.Text', placeholder: 'Nom, e-mail ou numéro' });
    expect(buttonData(card, /^Rechercher$/)).toEqual({ action: 'contacts', do: 'search' });
  });

  test.each(['constructor', 'toString', 'nonsense'])('a card click with an unknown task (%s) shows the contacts card', async (task) => {
    const h = await openHarness('en-US');
    expect(visibleText(await h.say({ action: 'contacts', do: task }))).toContain('0 contacts in the directory.');
  });

  test('the search box: the typed words arrive with the Search click and show the matches', async () => {
    const h = await openHarness('en-US');
    await seedDirectory(h);
    const card = await h.say('contacts');
    const results = await h.say({ ...buttonData(card, /^Search$/), query: 'globex' });
    expect(visibleText(results)).toContain('One contact matches "globex"');
    expect(visibleText(results)).toContain('Marie Durand');
  });
});

describe('search contacts', () => {
  test.each([
    ['en-US', 'search dupont', 'One contact matches "dupont"'],
    ['en-US', 'search +33 6 12 34', 'One contact matches "+33 6 12 34"'],
    ['en-US', 'search JEAN.DUPONT@acme.fr', 'One contact matches "JEAN.DUPONT@acme.fr"'],
    ['fr-FR', 'contacts dupont', 'Un contact correspond à « dupont »'],
    ['fr-FR', 'rechercher un contact Durand', 'Un contact correspond à « Durand »'],
  ])('%s "%s" searches at once', async (locale, typed, title) => {
    const h = await openHarness(locale);
    await seedDirectory(h);
    const replies = await h.say(typed);
    expect(visibleText(replies)).toContain(title);
    for (const card of cardsOf(replies)) expect(validateCard(card)).toEqual([]);
  });

  test('each result has Open; an admin can tick them and "Delete selected"', async () => {
    const h = await openHarness('en-US');
    const { jean } = await seedDirectory(h);
    const replies = await h.say('search acme');
    expect(buttonData(replies, /^Open$/)).toEqual({ action: 'contacts', do: 'open', id: jean.id });
    expect(visibleText(replies)).toContain('**Jean Dupont** — ACME — jean.dupont@acme.fr — +33 6 12 34 56 78 (Mobile)');
    expect(inputsOf(replies).ids).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, choices: [{ title: 'Jean Dupont', value: jean.id }] });
    expect(buttonData(replies, /^Delete selected$/)).toEqual({ action: 'contacts', do: 'delete' });
  });

  test('ten results per page, Next and Previous carry the query and the page', async () => {
    const h = await openHarness('en-US');
    await seedDirectory(h);
    const first = await h.say('search fournisseur');
    expect(visibleText(first)).toContain('12 contacts match "fournisseur"');
    expect(visibleText(first)).toContain('Page 1 of 2');
    expect(ticked(first)).toHaveLength(10);
    expect(() => buttonData(first, /^Previous page$/)).toThrow();
    const second = await h.say(buttonData(first, /^Next page$/));
    expect(visibleText(second)).toContain('Page 2 of 2');
    expect(ticked(second)).toEqual(['Fournisseur 11', 'Fournisseur 12']);
    const back = await h.say(buttonData(second, /^Previous page$/));
    expect(ticked(back)).toEqual(ticked(first));
  });

  test('no match: says so, offers Add a contact and a new search, and waits for another query', async () => {
    const h = await openHarness('en-US');
    await seedDirectory(h);
    const none = await h.say('search zorglub');
    expect(visibleText(none)).toContain('No contact matches "zorglub".');
    expect(buttonData(none, /^Add a contact$/)).toEqual({ action: 'contacts', do: 'add' });
    expect(inputsOf(none).query).toBeDefined();
    const retry = visibleText(await h.say('zorg'));
    expect(retry).toContain('No contact matches "zorg".');
    expect(visibleText(await h.say('durand'))).toContain('One contact matches "durand"');
  });

  test('"search" alone asks which contact', async () => {
    const h = await openHarness('fr-FR');
    await seedDirectory(h);
    expect(visibleText(await h.say('rechercher'))).toContain('Quel contact ? Tapez un nom, un e-mail ou un numéro.');
    expect(visibleText(await h.say('4021'))).toContain('Un contact correspond à « 4021 »');
  });
});

describe('open a contact', () => {
  test('the card shows every field, with Edit and (for an admin) Delete', async () => {
    const h = await openHarness('fr-FR');
    const { jean } = await seedDirectory(h);
    const card = await h.say(buttonData(await h.say('rechercher dupont'), /^Ouvrir$/));
    const text = visibleText(card);
    for (const part of ['Contact Jean Dupont', '+33 6 12 34 56 78 (Mobile)', '4021 (Poste interne)', 'jean.dupont@acme.fr', 'sip:jean@acme.fr', 'Acheteur', 'ACME', '1 rue de la Paix', 'Paris', 'IDF', 'France', '75002']) {
      expect(text).toContain(part);
    }
    expect(buttonData(card, /^Modifier$/)).toEqual({ action: 'contacts', do: 'edit', id: jean.id });
    expect(buttonData(card, /^Supprimer$/)).toEqual({ action: 'contacts', do: 'delete', ids: jean.id });
    for (const c of cardsOf(card)) expect(validateCard(c)).toEqual([]);
  });

  test('a contact deleted meanwhile: says so', async () => {
    const h = await openHarness('en-US');
    expect(visibleText(await h.say({ action: 'contacts', do: 'open', id: 'gone' }))).toContain('This contact no longer exists');
  });
});

describe('delete contacts (seed 001: tick, then Delete)', () => {
  test('one contact from its card: the confirmation names it, Delete removes it and says who', async () => {
    const h = await openHarness('fr-FR');
    const { jean } = await seedDirectory(h);
    const card = await h.say({ action: 'contacts', do: 'open', id: jean.id });
    const confirm = await h.say(buttonData(card, /^Supprimer$/));
    expect(visibleText(confirm)).toContain('Supprimer ce contact ?');
    expect(visibleText(confirm)).toContain('- Jean Dupont');
    expect(visibleText(confirm)).toContain('Cette action est irréversible.');
    expect(visibleText(await h.say(buttonData(confirm, /^Supprimer$/)))).toContain('🗑️ Supprimé(s) : Jean Dupont');
    expect(await h.services.contactEditing.get(jean.id)).toBeUndefined();
    expect((await h.directory.listAudit()).filter((a) => a.flow === 'deleteContacts').map((a) => a.action)).toEqual(['contact.delete']);
  });

  test('several ticked on the results: all named, "yes" deletes them all', async () => {
    const h = await openHarness('en-US');
    const { jean, marie } = await seedDirectory(h);
    const results = await h.say('search acme');
    const confirm = await h.say({ ...buttonData(results, /^Delete selected$/), ids: `${jean.id},${marie.id}` });
    expect(visibleText(confirm)).toContain('Delete these 2 contacts?');
    expect(visibleText(confirm)).toMatch(/- Jean Dupont[\s\S]*- Marie Durand/);
    expect(visibleText(await h.say('yes'))).toContain('🗑️ Deleted: Jean Dupont, Marie Durand');
    expect(await h.directory.listContacts()).toHaveLength(12);
  });

  test('more than ten: the first ten are named, then "and N more"', async () => {
    const h = await openHarness('en-US');
    await seedDirectory(h);
    const ids = (await h.directory.listContacts()).map((c) => c.id);
    const text = visibleText(await h.say({ action: 'contacts', do: 'delete', ids: ids.join(',') }));
    expect(text).toContain('Delete these 14 contacts?');
    expect(text).toContain('… and 4 more');
    expect(text.match(/^- /gm)).toHaveLength(10);
    expect(visibleText(await h.say({ action: 'confirm' }))).toContain('… and 4 more');
    expect(await h.directory.listContacts()).toEqual([]);
  });

  test('a contact deleted by someone else meanwhile is reported as already gone', async () => {
    const h = await openHarness('en-US');
    const { jean, marie } = await seedDirectory(h);
    await h.say({ action: 'contacts', do: 'delete', ids: [jean.id, marie.id].join(',') });
    await h.services.contactEditing.delete([marie.id], { actor: { id: 'other', name: 'Other', role: 'admin' }, flow: 'test' });
    const done = visibleText(await h.say({ action: 'confirm' }));
    expect(done).toContain('🗑️ Deleted: Jean Dupont');
    expect(done).toContain('One contact was already deleted (by someone else).');
  });

  test('"Delete selected" with nothing ticked asks to tick one; nothing is deleted', async () => {
    const h = await openHarness('en-US');
    await seedDirectory(h);
    const before = await snapshot(h);
    expect(visibleText(await h.say({ action: 'contacts', do: 'delete', ids: '' }))).toContain('No contact ticked');
    expect(await snapshot(h)).toEqual(before);
  });

  test('Cancel, "cancel" or another answer on the confirmation: nothing is deleted', async () => {
    const h = await openHarness('en-US');
    const { jean } = await seedDirectory(h);
    const before = await snapshot(h);
    await h.say({ action: 'contacts', do: 'delete', ids: jean.id });
    expect(visibleText(await h.say('maybe'))).toContain('Click Delete to confirm, or Cancel.');
    expect(visibleText(await h.say({ action: 'cancel' }))).toContain('Cancelled');
    await h.say({ action: 'contacts', do: 'delete', ids: jean.id });
    expect(visibleText(await h.say('annuler'))).toContain('Cancelled');
    expect(await snapshot(h)).toEqual(before);
  });

  test('"delete contacts X" typed lists the matches to tick; alone, it asks which', async () => {
    const h = await openHarness('fr-FR');
    await seedDirectory(h);
    const listed = await h.say('supprimer des contacts fournisseur');
    expect(visibleText(listed)).toContain('Cochez les contacts à supprimer :');
    expect(ticked(listed)).toHaveLength(10);
    expect(visibleText(await h.say('supprimer des contacts'))).toContain('Quels contacts voulez-vous supprimer ?');
    expect(ticked(await h.say('Durand'))).toEqual(['Marie Durand']);
  });
});

describe('help-desk may search, open, add and edit, not delete', () => {
  test('no ticking nor Delete on their cards, and a delete click is refused', async () => {
    const h = await openHarness('en-US');
    const { jean } = await seedDirectory(h);
    const say = helpDesk(h);
    const results = await say('search dupont');
    expect(visibleText(results)).toContain('Jean Dupont');
    expect(inputsOf(results).ids).toBeUndefined();
    const card = await say(buttonData(results, /^Open$/));
    expect(() => buttonData(card, /^Delete$/)).toThrow();
    expect(buttonData(card, /^Edit$/)).toEqual({ action: 'contacts', do: 'edit', id: jean.id });
    const before = await snapshot(h);
    expect(visibleText(await say({ action: 'contacts', do: 'delete', ids: jean.id }))).toContain('"Delete selected" is reserved for administrators');
    expect(visibleText(await say('delete contacts dupont'))).toContain('reserved for administrators');
    expect(await snapshot(h)).toEqual(before);
  });

  test('help-desk adds a contact', async () => {
    const h = await openHarness('en-US');
    const say = helpDesk(h);
    await say('add contact Help Desk Line');
    await say('+33 1 42 68 01 00 work');
    await say('done');
    expect(visibleText(await say('yes'))).toContain('✅ Contact Help Desk Line created');
  });
});

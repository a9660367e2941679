import type { Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { setTurnAccess, setTurnLocale } from '../../../dialogs/base/turn';
import { createDialogs } from '../../../src/app';
import { DirectoryError, type Directory } from '../../../src/directory/directory';
import { ListService } from '../../../src/services/listService';
import { validateCard } from '../../helpers/cardSchema';
import { buttonData, cardOf, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';
import { ctx, seedContacts, type Replies } from './listKit';

async function seedList(h: Harness, name: string, members: string[] = [], description?: string) {
  const list = await h.services.lists.create(name, description, ctx);
  if (members.length) await h.services.lists.addMembers(list.id, await seedContacts(h, members), ctx);
  return list;
}

/** What the directory holds of lists: names, descriptions, members, and how many audited writes. */
async function snapshot(h: Harness) {
  const lists = await h.services.lists.all();
  const details = await Promise.all(lists.map((l) => h.services.lists.show(l.id)));
  return { lists: details.map((d) => ({ ...d.list, members: d.members.map((c) => c.displayName) })), audit: (await h.directory.listAudit()).length };
}

const cards = (replies: Replies) => replies.map(cardOf).filter(Boolean);
const expectValidCards = (replies: Replies) => {
  for (const card of cards(replies)) expect(validateCard(card)).toEqual([]);
};
const input = (replies: Replies, id: string) =>
  cards(replies)
    .flatMap((c: any) => c.body)
    .find((e: any) => e.id === id);

describe('the lists card', () => {
  test('with no list yet, it says how to create one and offers "Create a list" (fr)', async () => {
    const h = await openHarness('fr-FR');
    const replies = await h.say('listes de diffusion');
    expectValidCards(replies);
    expect(visibleText(replies)).toContain("Il n'y a encore aucune liste de diffusion. Cliquez sur « Créer une liste », ou tapez « créer une liste » suivi de son nom");
    expect(buttonData(replies, /^Créer une liste$/)).toEqual({ action: 'distributionLists', do: 'create' });
  });

  test('every list with its member count, by name, each with an Open button (en, from the menu button)', async () => {
    const h = await openHarness('en-US');
    const suppliers = await seedList(h, 'Suppliers', ['Ann Archer', 'Bob Baker']);
    await seedList(h, 'Board', [], 'The executive board');
    const replies = await h.say({ action: 'distributionLists' });
    expectValidCards(replies);
    const text = visibleText(replies);
    expect(text.indexOf('**Board** — no member')).toBeGreaterThan(-1);
    expect(text.indexOf('**Suppliers** — 2 members')).toBeGreaterThan(text.indexOf('**Board**'));
    expect(text).toContain('The executive board');
    const opens = cardOf(replies[0]).body.filter((e: any) => e.type === 'ActionSet').map((s: any) => s.actions[0]);
    expect(opens.map((a: any) => [a.title, a.data.listId])).toEqual([
      ['Open', expect.any(String)],
      ['Open', suppliers.id],
    ]);
  });

  test('help-desk is refused the lists, typed or clicked, and nothing is shown or changed', async () => {
    const h = await openHarness('en-US');
    const list = await seedList(h, 'Suppliers');
    const asHelpDesk: Middleware = {
      onTurn: async (context, next) => {
        setTurnLocale(context, 'en');
        setTurnAccess(context, { role: 'helpdesk', id: context.activity.from.id });
        await next();
      },
    };
    const client = new DialogTestClient('msteams', createDialogs(h.services), undefined, [asHelpDesk]);
    const before = await snapshot(h);
    for (const activity of [{ text: 'lists' }, { text: 'show list Suppliers' }, { value: { action: 'distributionLists', do: 'delete', listId: list.id } }]) {
      const replies = [await client.sendActivity({ type: 'message', from: { id: 'hd-1', name: 'Help Desk' }, ...activity })];
      for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
      const text = visibleText(replies);
      expect(text).toContain('"Distribution lists" is reserved for administrators');
      expect(text).not.toContain('Suppliers');
    }
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('show a list', () => {
  test('typed "liste X" in any case shows its description and members (name and e-mail), with its buttons (fr)', async () => {
    const h = await openHarness('fr-FR');
    const list = await seedList(h, 'Fournisseurs EMEA', ['Zoé Zimmer', 'Alain Martin'], 'Achats Europe');
    const replies = await h.say('afficher la liste « fournisseurs emea »');
    expectValidCards(replies);
    const text = visibleText(replies);
    expect(text).toContain('Fournisseurs EMEA');
    expect(text).toContain('Achats Europe');
    expect(text).toContain('Membres (2)');
    expect(text).toContain('- Alain Martin — alain.martin@example.com\n- Zoé Zimmer — zo.zimmer@example.com');
    const ref = { action: 'distributionLists', listId: list.id };
    expect(buttonData(replies, /^Ajouter des contacts$/)).toEqual({ ...ref, do: 'add' });
    expect(buttonData(replies, /^Retirer des contacts$/)).toEqual({ ...ref, do: 'remove' });
    expect(buttonData(replies, /^Renommer$/)).toEqual({ ...ref, do: 'rename' });
    expect(buttonData(replies, /^Supprimer$/)).toEqual({ ...ref, do: 'delete' });
  });

  test('a member without e-mail shows their first number; with 23 members, the first 20 and "and 3 more" (en, Open button)', async () => {
    const h = await openHarness('en-US');
    const list = await seedList(h, 'Everyone', Array.from({ length: 22 }, (_, i) => `Member ${String(i + 1).padStart(2, '0')}`));
    const [phoneOnly] = (
      await h.directory.applyContactChanges({ create: [{ displayName: 'Aaron Phone', phoneNumbers: [{ value: '+33612345678', type: 'mobile' }], groupIds: [] }], update: [], delete: [] }, ctx)
    ).created;
    await h.services.lists.addMembers(list.id, [phoneOnly.id], ctx);
    const opened = await h.say(buttonData(await h.say('lists'), /^Open$/));
    const text = visibleText(opened);
    expect(text).toContain('Members (23)');
    expect(text).toContain('- Aaron Phone — +33 6 12 34 56 78\n- Member 01 — member.01@example.com');
    expect(text).toContain('- Member 19 — member.19@example.com\n… and 3 more');
    expect(text).not.toContain('Member 20');
  });

  test('"show list" with no name, or "list", shows every list', async () => {
    const h = await openHarness('en-US');
    await seedList(h, 'Suppliers');
    for (const said of ['show list', 'list']) expect(visibleText(await h.say(said))).toContain('**Suppliers** — no member');
  });

  test('a list with no member says how to add some, and offers no "Remove contacts"', async () => {
    const h = await openHarness('en-US');
    await seedList(h, 'Empty');
    const replies = await h.say('show list Empty');
    expect(visibleText(replies)).toContain('No contact in this list yet: click "Add contacts".');
    expect(() => buttonData(replies, /Remove contacts/)).toThrow();
  });

  test('an unknown list is named in the answer, with the lists card to pick from', async () => {
    const h = await openHarness('en-US');
    await seedList(h, 'Suppliers');
    const replies = await h.say('show list Suplliers');
    expectValidCards(replies);
    expect(visibleText(replies)).toContain('There is no distribution list "Suplliers"');
    expect(visibleText(replies)).toContain('**Suppliers** — no member');
  });

  test('a list deleted before its card is clicked: each button says so and shows the lists there are; nothing is written', async () => {
    const h = await openHarness('en-US');
    const list = await seedList(h, 'Gone', ['Ann Archer']);
    const card = await h.say('show list Gone');
    await h.services.lists.delete(list.id, ctx);
    const before = await snapshot(h);
    for (const button of [/^Add contacts$/, /^Remove contacts$/, /^Rename$/, /^Delete$/]) {
      const replies = await h.say(buttonData(card, button));
      expect(visibleText(replies)).toContain(`There is no distribution list "${list.id}"`);
      expect(visibleText(replies)).toContain('There is no distribution list yet.');
    }
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('create a list', () => {
  test('typed (fr): "créer une liste « X »", a description, then the new list card; one audited write', async () => {
    const h = await openHarness('fr-FR');
    const asked = await h.say('créer une liste « Fournisseurs EMEA »');
    expectValidCards(asked);
    expect(visibleText(asked)).toContain('Description de « Fournisseurs EMEA » ? Tapez-la, ou « passer » pour la laisser vide.');
    const created = await h.say('Fournisseurs de la zone Europe');
    expectValidCards(created);
    expect(visibleText(created)).toContain('✅ Liste de diffusion « Fournisseurs EMEA » créée');
    expect(visibleText(created)).toContain('Fournisseurs de la zone Europe');
    expect(buttonData(created, /^Ajouter des contacts$/)).toMatchObject({ do: 'add' });
    const { lists, audit } = await snapshot(h);
    expect(lists).toEqual([expect.objectContaining({ name: 'Fournisseurs EMEA', description: 'Fournisseurs de la zone Europe', members: [] })]);
    expect(audit).toBe(1);
    expect((await h.directory.listAudit())[0]).toMatchObject({ action: 'list.create', flow: 'distributionLists', actor: { name: 'Julien Rouchon' } });
  });

  test.each([
    ['fr-FR', 'passer'],
    ['en-US', 'skip'],
    ['en-US', { action: 'skip' }],
  ])('%s the description is optional: %p leaves it empty', async (locale, skip) => {
    const h = await openHarness(locale);
    await h.say(locale === 'fr-FR' ? 'nouvelle liste Board' : 'create list Board');
    await h.say(skip);
    const [list] = (await snapshot(h)).lists;
    expect(list).toMatchObject({ name: 'Board' });
    expect(list.description).toBeUndefined();
  });

  test('by card (en): the form asks name and description; one click creates the list', async () => {
    const h = await openHarness('en-US');
    const form = await h.say(buttonData(await h.say('lists'), /^Create a list$/));
    expectValidCards(form);
    expect(visibleText(form)).toContain('Name of the new distribution list?');
    expect(input(form, 'name')).toMatchObject({ type: 'Input.Text', label: 'Name' });
    expect(input(form, 'description')).toMatchObject({ type: 'Input.Text', label: 'Description (optional)' });
    const created = await h.say({ ...buttonData(form, /^Create the list$/), name: '  Key   accounts ', description: 'Top 20 customers' });
    expect(visibleText(created)).toContain('✅ Distribution list "Key accounts" created');
    expect((await snapshot(h)).lists).toEqual([expect.objectContaining({ name: 'Key accounts', description: 'Top 20 customers' })]);
  });

  test('by card with an empty description: created at once, no description question', async () => {
    const h = await openHarness('en-US');
    const form = await h.say('create list');
    const created = await h.say({ ...buttonData(form, /^Create the list$/), name: 'Board' });
    expect(visibleText(created)).toContain('✅ Distribution list "Board" created');
    expect(visibleText(created)).not.toContain('Description of');
  });

  test('typed "create list" alone shows the form; typing the name there asks the description', async () => {
    const h = await openHarness('en-US');
    expect(input(await h.say('create list'), 'name')).toBeDefined();
    expect(visibleText(await h.say('Partners'))).toContain('Description of "Partners"?');
    await h.say('skip');
    expect((await snapshot(h)).lists.map((l) => l.name)).toEqual(['Partners']);
  });

  test('every refusal of the name re-prompts with its message until a good name; nothing is written meanwhile', async () => {
    const h = await openHarness('en-US');
    await seedList(h, 'Suppliers');
    const before = await snapshot(h);
    const taken = await h.say('create list SUPPLIERS');
    expectValidCards(taken);
    expect(visibleText(taken)).toContain('A distribution list named "Suppliers" already exists: give another name, or open that list.');
    expect(input(taken, 'name')).toMatchObject({ value: 'SUPPLIERS' });
    const tooLong = await h.say('x'.repeat(81));
    expect(visibleText(tooLong)).toContain('The name holds 81 characters; at most 80 are accepted. Give a shorter name.');
    expect(visibleText(await h.say('«  »'))).toContain('A distribution list needs a name');
    expect(visibleText(await h.say('suppliers'))).toContain('A distribution list named "Suppliers" already exists');
    expect(await snapshot(h)).toEqual(before);
    expect(visibleText(await h.say('"Suppliers 2"'))).toContain('Description of "Suppliers 2"?');
    await h.say('skip');
    expect((await snapshot(h)).lists.map((l) => l.name)).toEqual(['Suppliers', 'Suppliers 2']);
  });

  test('by card, a refused name brings the form back filled in with the message; the description is kept (fr)', async () => {
    const h = await openHarness('fr-FR');
    await seedList(h, 'Fournisseurs');
    const form = await h.say('nouvelle liste');
    const refused = await h.say({ ...buttonData(form, /^Créer la liste$/), name: 'fournisseurs', description: 'Achats' });
    expect(visibleText(refused)).toContain('Une liste de diffusion nommée « Fournisseurs » existe déjà');
    expect(input(refused, 'description')).toMatchObject({ value: 'Achats' });
    const empty = await h.say({ ...buttonData(refused, /^Créer la liste$/), description: 'Achats' });
    expect(visibleText(empty)).toContain("Une liste de diffusion a besoin d'un nom");
    const tooLong = await h.say({ ...buttonData(empty, /^Créer la liste$/), name: 'y'.repeat(90), description: 'Achats' });
    expect(visibleText(tooLong)).toContain('Le nom contient 90 caractères ; 80 au plus sont acceptés.');
    expect(visibleText(await h.say('Fournisseurs Asie'))).toContain('✅ Liste de diffusion « Fournisseurs Asie » créée');
    expect((await snapshot(h)).lists.find((l) => l.name === 'Fournisseurs Asie')).toMatchObject({ description: 'Achats' });
  });

  test('a name taken by another admin while the description was asked: the message and the form again, description kept', async () => {
    const h = await openHarness('en-US');
    await h.say('create list Board');
    await h.services.lists.create('BOARD', undefined, ctx);
    const refused = await h.say('Executive board');
    expect(visibleText(refused)).toContain('A distribution list named "BOARD" already exists');
    expect(input(refused, 'description')).toMatchObject({ value: 'Executive board' });
    expect(visibleText(await h.say('Board 2'))).toContain('✅ Distribution list "Board 2" created');
    expect((await snapshot(h)).lists.map((l) => [l.name, l.description])).toEqual([
      ['BOARD', undefined],
      ['Board 2', 'Executive board'],
    ]);
  });

  test.each([
    ['the name question, typed cancel', ['create list'], 'cancel'],
    ['the name question, Cancel button', ['create list'], { action: 'cancel' }],
    ['the name re-prompt', ['create list Suppliers', 'x'.repeat(81)], 'cancel'],
    ['the description question', ['create list Board'], 'cancel'],
    ['the description question, Cancel button (fr)', ['nouvelle liste Board'], { action: 'cancel' }],
  ])('cancel at %s leaves nothing behind', async (_name, steps, cancel) => {
    const fr = _name.includes('(fr)');
    const h = await openHarness(fr ? 'fr-FR' : 'en-US');
    await seedList(h, 'Suppliers');
    const before = await snapshot(h);
    for (const said of steps) await h.say(said);
    expect(visibleText(await h.say(cancel))).toContain(fr ? "Annulé. Rien n'a été modifié." : 'Cancelled. Nothing was changed.');
    // The answer after a cancel is not taken as a name or a description.
    await h.say('Late answer');
    expect(await snapshot(h)).toEqual(before);
  });

  test('"help" at the description question explains, then asks again', async () => {
    const h = await openHarness('en-US');
    await h.say('create list Board');
    const help = visibleText(await h.say('help'));
    expect(help).toContain('Answer the question above, or type "cancel" to stop.');
    expect(help).toContain('Description of "Board"?');
  });

  test('a button of an older card is not taken as the description', async () => {
    const h = await openHarness('en-US');
    await h.say('create list Board');
    expect(visibleText(await h.say({ action: 'confirm', do: 'delete', listId: 'x' }))).toContain('That button belongs to an older card.');
    expect((await snapshot(h)).lists).toEqual([]);
  });
});

describe('rename a list', () => {
  test('by card (en): the field holds the current name; the new name is saved and shown', async () => {
    const h = await openHarness('en-US');
    const list = await seedList(h, 'Suppliers', ['Ann Archer']);
    const asked = await h.say(buttonData(await h.say('show list Suppliers'), /^Rename$/));
    expectValidCards(asked);
    expect(visibleText(asked)).toContain('New name for "Suppliers"? (at most 80 characters)');
    expect(input(asked, 'name')).toMatchObject({ value: 'Suppliers' });
    const renamed = await h.say({ ...buttonData(asked, /^Rename$/), name: 'Suppliers EMEA' });
    expectValidCards(renamed);
    expect(visibleText(renamed)).toContain('✅ List "Suppliers" renamed "Suppliers EMEA"');
    expect(visibleText(renamed)).toContain('- Ann Archer — ann.archer@example.com');
    expect((await snapshot(h)).lists).toEqual([expect.objectContaining({ id: list.id, name: 'Suppliers EMEA', members: ['Ann Archer'] })]);
    expect((await h.directory.listAudit()).at(-1)).toMatchObject({ action: 'list.update', flow: 'distributionLists' });
  });

  test('typed (fr): each refusal re-prompts with its message; a change of case of its own name is accepted', async () => {
    const h = await openHarness('fr-FR');
    await seedList(h, 'Partenaires');
    const list = await seedList(h, 'fournisseurs');
    await h.say({ action: 'distributionLists', do: 'rename', listId: list.id });
    const before = await snapshot(h);
    expect(visibleText(await h.say('PARTENAIRES'))).toContain('Une liste de diffusion nommée « Partenaires » existe déjà');
    expect(visibleText(await h.say('z'.repeat(81)))).toContain('Le nom contient 81 caractères ; 80 au plus sont acceptés.');
    expect(visibleText(await h.say('« »'))).toContain("Une liste de diffusion a besoin d'un nom");
    expect(await snapshot(h)).toEqual(before);
    expect(visibleText(await h.say('Fournisseurs'))).toContain('✅ Liste « fournisseurs » renommée « Fournisseurs »');
    expect((await snapshot(h)).lists.map((l) => l.name)).toEqual(['Fournisseurs', 'Partenaires']);
  });

  test('by card with a taken name: the message, and the rename card again', async () => {
    const h = await openHarness('en-US');
    await seedList(h, 'Board');
    const list = await seedList(h, 'Suppliers');
    const refused = await h.say({ action: 'distributionLists', do: 'rename', listId: list.id, name: 'board' });
    expect(visibleText(refused)).toContain('A distribution list named "Board" already exists');
    expect(input(refused, 'name')).toMatchObject({ value: 'Suppliers' });
    expect((await snapshot(h)).lists.map((l) => l.name)).toEqual(['Board', 'Suppliers']);
  });

  test.each([['cancel'], [{ action: 'cancel' }]])('cancel (%p) at the new name, even after a refusal, leaves the name as it was', async (cancel) => {
    const h = await openHarness('en-US');
    await seedList(h, 'Board');
    const list = await seedList(h, 'Suppliers');
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'rename', listId: list.id });
    expect(visibleText(await h.say('board'))).toContain('already exists');
    expect(visibleText(await h.say(cancel))).toContain('Cancelled. Nothing was changed.');
    await h.say('Late name');
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('delete a list', () => {
  test('by card (en): the confirmation names the list and says its members stay contacts; Delete removes the list only', async () => {
    const h = await openHarness('en-US');
    await seedList(h, 'Board');
    await seedList(h, 'Suppliers', ['Ann Archer', 'Bob Baker']);
    const asked = await h.say(buttonData(await h.say('show list suppliers'), /^Delete$/));
    expectValidCards(asked);
    expect(visibleText(asked)).toContain('Delete the distribution list "Suppliers"?');
    expect(visibleText(asked)).toContain('Its 2 members stay in the company address book: only the list goes. This cannot be undone.');
    const done = await h.say(buttonData(asked, /^Delete the list$/));
    expectValidCards(done);
    expect(visibleText(done)).toContain('🗑️ Distribution list "Suppliers" deleted. Its 2 members are still in the company address book.');
    expect(visibleText(done)).toContain('**Board** — no member');
    expect((await snapshot(h)).lists.map((l) => l.name)).toEqual(['Board']);
    expect((await h.directory.listContacts()).map((c) => c.displayName).sort()).toEqual(['Ann Archer', 'Bob Baker']);
    expect((await h.directory.listContacts()).every((c) => c.groupIds.length === 0)).toBe(true);
  });

  test('typed (fr): « oui » deletes; an empty list says it has no member', async () => {
    const h = await openHarness('fr-FR');
    const list = await seedList(h, 'Vide');
    const asked = visibleText(await h.say({ action: 'distributionLists', do: 'delete', listId: list.id }));
    expect(asked).toContain('Supprimer la liste de diffusion « Vide » ?');
    expect(asked).toContain("Elle n'a aucun membre.");
    expect(visibleText(await h.say('oui'))).toContain('🗑️ Liste de diffusion « Vide » supprimée.');
    expect((await snapshot(h)).lists).toEqual([]);
  });

  test('an unclear answer re-asks; a button of an older card does not delete', async () => {
    const h = await openHarness('en-US');
    const list = await seedList(h, 'Suppliers', ['Ann Archer']);
    const other = await seedList(h, 'Board');
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'delete', listId: list.id });
    const unclear = visibleText(await h.say('maybe'));
    expect(unclear).toContain('Answer the question above, or type "cancel" to stop.');
    expect(unclear).toContain('Delete the distribution list "Suppliers"?');
    expect(visibleText(await h.say({ action: 'confirm', do: 'delete', listId: other.id }))).toContain('That button belongs to an older card.');
    expect(await snapshot(h)).toEqual(before);
  });

  test.each([['annuler'], [{ action: 'cancel' }]])('cancel (%p) at the confirmation keeps the list and its members', async (cancel) => {
    const h = await openHarness('fr-FR');
    const list = await seedList(h, 'Fournisseurs', ['Ann Archer']);
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'delete', listId: list.id });
    expect(visibleText(await h.say(cancel))).toContain("Annulé. Rien n'a été modifié.");
    await h.say('oui');
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('a backend without distribution lists', () => {
  /** The harness's directory, but refusing every list operation as the Webex backend does. */
  function withoutLists(h: Harness) {
    const refuse = async () => {
      throw new DirectoryError('not_supported', 'Distribution lists are not supported by this backend.');
    };
    const directory: Directory = Object.create(h.directory, {
      listDistributionLists: { value: refuse },
      createDistributionList: { value: refuse },
      updateDistributionList: { value: refuse },
      changeListMembers: { value: refuse },
      deleteDistributionList: { value: refuse },
    });
    h.services.lists = new ListService(directory);
  }

  test.each([
    ['en-US', 'lists', 'Distribution lists are kept by the embedded directory only'],
    ['en-US', 'show list Suppliers', 'Distribution lists are kept by the embedded directory only'],
    ['fr-FR', 'créer une liste Fournisseurs', "Les listes de diffusion ne sont gérées que par l'annuaire intégré"],
    ['fr-FR', 'listes de diffusion', "Les listes de diffusion ne sont gérées que par l'annuaire intégré"],
  ])('%s "%s" says so plainly, and the next message is a fresh start', async (locale, said, expected) => {
    const h = await openHarness(locale);
    withoutLists(h);
    const replies = await h.say(said);
    expect(visibleText(replies)).toContain(expected);
    expect(cards(replies)).toEqual([]);
    expect(visibleText(await h.say(locale === 'fr-FR' ? 'aide' : 'help'))).toMatch(/Que voulez-vous faire|What would you like to do/);
  });

  test('a create form submitted to such a backend says so, and writes nothing', async () => {
    const h = await openHarness('en-US');
    withoutLists(h);
    const replies = await h.say({ action: 'distributionLists', do: 'create', form: true, name: 'Board' });
    expect(visibleText(replies)).toContain('this backend cannot manage them');
    expect(await h.directory.listAudit()).toEqual([]);
  });
});

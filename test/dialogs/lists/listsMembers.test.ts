import { validateCard } from '../../helpers/cardSchema';
import { buttonData, cardOf, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';
import { ctx, seedContacts, type Replies } from './listKit';

async function idOf(h: Harness, name: string): Promise<string> {
  const contact = (await h.directory.listContacts()).find((c) => c.displayName === name);
  if (!contact) throw new Error(`no contact ${name}`);
  return contact.id;
}

/** Every list's members by name, and how many audited writes: what "nothing written" compares. */
async function snapshot(h: Harness) {
  const lists = await h.services.lists.all();
  const details = await Promise.all(lists.map((l) => h.services.lists.show(l.id)));
  return { lists: details.map((d) => [d.list.name, d.members.map((c) => c.displayName)]), audit: (await h.directory.listAudit()).length };
}

const members = async (h: Harness, listId: string) => (await h.services.lists.show(listId)).members.map((c) => c.displayName);
const cards = (replies: Replies) => replies.map(cardOf).filter(Boolean);
const expectValidCards = (replies: Replies) => {
  for (const card of cards(replies)) expect(validateCard(card)).toEqual([]);
};
/** The choices of the card's multi-select: [title, value]. */
const choices = (replies: Replies): Array<[string, string]> =>
  cards(replies)
    .flatMap((c: any) => c.body)
    .filter((e: any) => e.type === 'Input.ChoiceSet')
    .flatMap((e: any) => e.choices.map((c: any) => [c.title, c.value]));

/** A list "Suppliers" with Ann as member, and five other contacts, three of them suppliers. */
async function suppliers(locale: string) {
  const h = await openHarness(locale);
  await seedContacts(h, ['Ann Archer', 'Supplier Alpha', 'Supplier Beta', 'Supplier Gamma', 'Zed Outsider']);
  const list = await h.services.lists.create('Suppliers', undefined, ctx);
  await h.services.lists.addMembers(list.id, [await idOf(h, 'Ann Archer')], ctx);
  return { h, list };
}

describe('add contacts to a list', () => {
  test('by card (en): search, tick two, confirm naming them, added; the card says who was added', async () => {
    const { h, list } = await suppliers('en-US');
    const search = await h.say(buttonData(await h.say('show list Suppliers'), /^Add contacts$/));
    expectValidCards(search);
    expect(visibleText(search)).toContain('Which contacts do you want to add to "Suppliers"? Type part of a name, a company, an e-mail address or a number.');
    const found = await h.say({ ...buttonData(search, /^Search$/), query: 'supplier' });
    expectValidCards(found);
    expect(visibleText(found)).toContain('3 contacts match "supplier"');
    expect(choices(found)).toEqual([
      ['1. Supplier Alpha — supplier.alpha@example.com', await idOf(h, 'Supplier Alpha')],
      ['2. Supplier Beta — supplier.beta@example.com', await idOf(h, 'Supplier Beta')],
      ['3. Supplier Gamma — supplier.gamma@example.com', await idOf(h, 'Supplier Gamma')],
    ]);
    const ticked = [choices(found)[0][1], choices(found)[2][1]].join(',');
    const confirm = await h.say({ ...buttonData(found, /^Add selected$/), contactIds: ticked });
    expectValidCards(confirm);
    expect(visibleText(confirm)).toContain('Add 2 contacts to "Suppliers"?');
    expect(visibleText(confirm)).toContain('- Supplier Alpha — supplier.alpha@example.com\n- Supplier Gamma — supplier.gamma@example.com');
    expect(await members(h, list.id)).toEqual(['Ann Archer']);
    const done = await h.say(buttonData(confirm, /^Add$/));
    expectValidCards(done);
    expect(visibleText(done)).toContain('✅ 2 contacts added to "Suppliers"');
    expect(visibleText(done)).toContain('Added: Supplier Alpha, Supplier Gamma');
    expect(visibleText(done)).toContain('Members (3)');
    expect(await members(h, list.id)).toEqual(['Ann Archer', 'Supplier Alpha', 'Supplier Gamma']);
    expect((await h.directory.listAudit()).at(-1)).toMatchObject({ action: 'list.members', flow: 'distributionLists', actor: { name: 'Julien Rouchon' } });
  });

  test('typed (fr): a search, the numbers "1 et 3", « oui »', async () => {
    const { h, list } = await suppliers('fr-FR');
    await h.say({ action: 'distributionLists', do: 'add', listId: list.id });
    const found = visibleText(await h.say('fournisseur'));
    expect(found).toContain('Aucun contact ne correspond à « fournisseur ». Essayez une autre recherche.');
    const page = visibleText(await h.say('SUPPLIER'));
    expect(page).toContain('3 contacts correspondent à « SUPPLIER »');
    expect(page).toContain('Cochez les contacts à ajouter');
    const confirm = visibleText(await h.say('1 et 3'));
    expect(confirm).toContain('Ajouter 2 contacts à « Suppliers » ?');
    expect(confirm).toContain('Supplier Alpha');
    expect(confirm).toContain('Supplier Gamma');
    expect(visibleText(await h.say('oui'))).toContain('✅ 2 contacts ajoutés à « Suppliers »');
    expect(await members(h, list.id)).toEqual(['Ann Archer', 'Supplier Alpha', 'Supplier Gamma']);
  });

  test('a member among the matches is marked; picked with others, the confirmation and the result say they already were', async () => {
    const { h, list } = await suppliers('en-US');
    await h.services.lists.addMembers(list.id, [await idOf(h, 'Supplier Beta')], ctx);
    const found = await h.say({ action: 'distributionLists', do: 'add', listId: list.id, query: 'supplier' });
    expect(choices(found)[1][0]).toBe('2. Supplier Beta — supplier.beta@example.com (already in the list)');
    const confirm = visibleText(await h.say('all'));
    expect(confirm).toContain('Add 2 contacts to "Suppliers"?');
    expect(confirm).toContain('Already members, left as they are: Supplier Beta');
    const done = visibleText(await h.say('yes'));
    expect(done).toContain('Added: Supplier Alpha, Supplier Gamma');
    expect(done).toContain('Already members, left as they are: Supplier Beta');
    expect(await members(h, list.id)).toEqual(['Ann Archer', 'Supplier Alpha', 'Supplier Beta', 'Supplier Gamma']);
  });

  test('picking only members says so and writes nothing', async () => {
    const { h, list } = await suppliers('en-US');
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'add', listId: list.id, query: 'ann' });
    const replies = await h.say('1');
    expect(visibleText(replies)).toContain('Every contact you selected is already a member of "Suppliers". Nothing was changed.');
    expect(await snapshot(h)).toEqual(before);
  });

  test('"Add selected" with nothing ticked points it out and shows the same matches again', async () => {
    const { h, list } = await suppliers('en-US');
    const found = await h.say({ action: 'distributionLists', do: 'add', listId: list.id, query: 'supplier' });
    const again = await h.say(buttonData(found, /^Add selected$/));
    expect(visibleText(again)).toContain('Tick at least one contact (or type their numbers, e.g. "1, 3").');
    expect(choices(again)).toEqual(choices(found));
    expect(visibleText(await h.say('2'))).toContain('Add 1 contact to "Suppliers"?');
  });

  test('other text at the matches is a new search; "change" at the confirmation goes back to the matches', async () => {
    const { h, list } = await suppliers('en-US');
    await h.say({ action: 'distributionLists', do: 'add', listId: list.id, query: 'supplier' });
    const zed = await h.say('zed');
    expect(visibleText(zed)).toContain('1 contact matches "zed"');
    expect(visibleText(await h.say('1'))).toContain('Add 1 contact to "Suppliers"?');
    expect(choices(await h.say('change')).map(([title]) => title)).toEqual(['1. Zed Outsider — zed.outsider@example.com']);
    await h.say('1');
    await h.say('yes');
    expect(await members(h, list.id)).toEqual(['Ann Archer', 'Zed Outsider']);
  });

  test('25 matches: 20 on the first page with "refine or next page"; the next page numbers on from 21', async () => {
    const h = await openHarness('en-US');
    await seedContacts(h, Array.from({ length: 25 }, (_, i) => `Partner ${String(i + 1).padStart(2, '0')}`));
    const list = await h.services.lists.create('Partners', undefined, ctx);
    const first = await h.say({ action: 'distributionLists', do: 'add', listId: list.id, query: 'partner' });
    expectValidCards(first);
    expect(visibleText(first)).toContain('25 contacts match "partner"');
    expect(visibleText(first)).toContain('Contacts 1 to 20 of 25: refine your search, or see the next page.');
    expect(choices(first)).toHaveLength(20);
    const second = await h.say(buttonData(first, /^Next page$/));
    expectValidCards(second);
    expect(choices(second).map(([title]) => title)).toEqual(
      [21, 22, 23, 24, 25].map((n) => `${n}. Partner ${n} — partner.${n}@example.com`),
    );
    expect(() => buttonData(second, /^Next page$/)).toThrow();
    expect(visibleText(await h.say('21-22'))).toContain('Add 2 contacts to "Partners"?');
    await h.say('yes');
    expect(await members(h, list.id)).toEqual(['Partner 21', 'Partner 22']);
  });

  test('a contact already in 5 lists: the refusal names them and nothing is added', async () => {
    const { h, list } = await suppliers('en-US');
    const alpha = await idOf(h, 'Supplier Alpha');
    for (const name of ['L1', 'L2', 'L3', 'L4', 'L5']) await h.services.lists.addMembers((await h.services.lists.create(name, undefined, ctx)).id, [alpha], ctx);
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'add', listId: list.id, query: 'supplier' });
    await h.say('1, 2');
    const refused = visibleText(await h.say('yes'));
    expect(refused).toContain('Supplier Alpha already belongs to 5 distribution lists, the most a contact can have: remove them from a list first. Nothing was changed.');
    expect(await snapshot(h)).toEqual(before);
  });

  test('a confirm button of an older card (another list) does not add', async () => {
    const { h, list } = await suppliers('en-US');
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'add', listId: list.id, query: 'supplier' });
    await h.say('1');
    expect(visibleText(await h.say({ action: 'confirm', do: 'add', listId: 'another-list' }))).toContain('That button belongs to an older card.');
    expect(await snapshot(h)).toEqual(before);
  });

  test.each([
    ['the search question', [], 'cancel'],
    ['a search re-prompt', ['nobody-matches-this'], 'annuler'],
    ['the matches', ['supplier'], { action: 'cancel' }],
    ['the confirmation', ['supplier', '1, 2'], 'cancel'],
    ['the confirmation, Cancel button', ['supplier', 'all'], { action: 'cancel' }],
  ])('cancel at %s leaves the list as it was', async (_name, steps, cancel) => {
    const { h, list } = await suppliers('en-US');
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'add', listId: list.id });
    for (const said of steps) await h.say(said);
    expect(visibleText(await h.say(cancel))).toMatch(/Cancelled\. Nothing was changed\.|Annulé/);
    await h.say('yes');
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('remove contacts from a list', () => {
  async function crew(locale: string) {
    const h = await openHarness(locale);
    const ids = await seedContacts(h, ['Ann Archer', 'Bob Baker', 'Cid Carter']);
    const list = await h.services.lists.create('Crew', undefined, ctx);
    await h.services.lists.addMembers(list.id, ids, ctx);
    return { h, list, ids };
  }

  test('by card (en): tick members, the confirmation names them and says they stay contacts, removed', async () => {
    const { h, list, ids } = await crew('en-US');
    const pick = await h.say(buttonData(await h.say('show list crew'), /^Remove contacts$/));
    expectValidCards(pick);
    expect(visibleText(pick)).toContain('Which members do you want to remove from "Crew"?');
    expect(choices(pick).map(([title]) => title)).toEqual([
      '1. Ann Archer — ann.archer@example.com',
      '2. Bob Baker — bob.baker@example.com',
      '3. Cid Carter — cid.carter@example.com',
    ]);
    const confirm = await h.say({ ...buttonData(pick, /^Remove selected$/), contactIds: `${ids[0]},${ids[2]}` });
    expectValidCards(confirm);
    expect(visibleText(confirm)).toContain('Remove 2 contacts from "Crew"?');
    expect(visibleText(confirm)).toContain('- Ann Archer — ann.archer@example.com\n- Cid Carter — cid.carter@example.com');
    expect(visibleText(confirm)).toContain('They stay in the company address book: only their membership of this list goes.');
    const done = await h.say(buttonData(confirm, /^Remove$/));
    expectValidCards(done);
    expect(visibleText(done)).toContain('✅ 2 contacts removed from "Crew"');
    expect(visibleText(done)).toContain('Removed (still in the address book): Ann Archer, Cid Carter');
    expect(await members(h, list.id)).toEqual(['Bob Baker']);
    expect(await h.directory.listContacts()).toHaveLength(3);
  });

  test('typed (fr): « tous », then « oui » empties the list and keeps the contacts', async () => {
    const { h, list } = await crew('fr-FR');
    await h.say({ action: 'distributionLists', do: 'remove', listId: list.id });
    const confirm = visibleText(await h.say('tous'));
    expect(confirm).toContain('Retirer 3 contacts de « Crew » ?');
    expect(confirm).toContain("Ils restent dans le carnet d'adresses de la société");
    expect(visibleText(await h.say('oui'))).toContain('✅ 3 contacts retirés de « Crew »');
    expect(await members(h, list.id)).toEqual([]);
    expect(await h.directory.listContacts()).toHaveLength(3);
  });

  test('typed words narrow the members offered; words matching none say so', async () => {
    const { h, list } = await crew('en-US');
    await h.say({ action: 'distributionLists', do: 'remove', listId: list.id });
    expect(choices(await h.say('bob')).map(([title]) => title)).toEqual(['1. Bob Baker — bob.baker@example.com']);
    const none = await h.say('nobody');
    expect(visibleText(none)).toContain('No member of this list matches "nobody".');
    expect(choices(none)).toHaveLength(3);
    expect(visibleText(await h.say('2'))).toContain('Remove 1 contact from "Crew"?');
  });

  test('"Remove selected" with nothing ticked points it out', async () => {
    const { h, list } = await crew('en-US');
    const pick = await h.say({ action: 'distributionLists', do: 'remove', listId: list.id });
    expect(visibleText(await h.say(buttonData(pick, /^Remove selected$/)))).toContain('Tick at least one contact');
  });

  test('more than 50 members: the first 50 are offered, and how to find the others', async () => {
    const h = await openHarness('en-US');
    const ids = await seedContacts(h, Array.from({ length: 55 }, (_, i) => `Member ${String(i + 1).padStart(2, '0')}`));
    const list = await h.services.lists.create('Big', undefined, ctx);
    await h.services.lists.addMembers(list.id, ids, ctx);
    const pick = await h.say({ action: 'distributionLists', do: 'remove', listId: list.id });
    expectValidCards(pick);
    expect(choices(pick)).toHaveLength(50);
    expect(visibleText(pick)).toContain('The first 50 of 55 members are shown: type part of a name to find the others.');
    expect(choices(await h.say('member 55')).map(([title]) => title)).toEqual(['1. Member 55 — member.55@example.com']);
  });

  test('a list without members says there is nobody to remove', async () => {
    const h = await openHarness('en-US');
    const list = await h.services.lists.create('Empty', undefined, ctx);
    expect(visibleText(await h.say({ action: 'distributionLists', do: 'remove', listId: list.id }))).toContain('"Empty" has no member to remove.');
  });

  test.each([
    ['the members', [], 'cancel'],
    ['the members, Cancel button', [], { action: 'cancel' }],
    ['the confirmation', ['1'], 'annuler'],
    ['the confirmation, Cancel button', ['all'], { action: 'cancel' }],
  ])('cancel at %s leaves every member in place', async (_name, steps, cancel) => {
    const { h, list } = await crew('en-US');
    const before = await snapshot(h);
    await h.say({ action: 'distributionLists', do: 'remove', listId: list.id });
    for (const said of steps) await h.say(said);
    expect(visibleText(await h.say(cancel))).toMatch(/Cancelled\. Nothing was changed\.|Annulé/);
    await h.say('yes');
    expect(await snapshot(h)).toEqual(before);
  });
});

import {
  confirmMembersCard,
  createListCard,
  deleteListCard,
  descriptionCard,
  listCard,
  listsCard,
  memberOf,
  pickContactsCard,
  pickMembersCard,
  renameCard,
  searchCard,
  type ContactChoice,
  type ListMember,
} from '../../cards/listCards';
import { messages, type Messages } from '../../src/i18n';
import { cardElements, cardFacts, cardTexts, validateCard, type Button } from '../helpers/cardSchema';
import { testScenarios, type Scenario } from './scenarios';

const suppliers = { id: 'l-sup', name: 'Fournisseurs EMEA' };
const ann: ListMember = { id: 'c-ann', name: 'Ann Archer', detail: 'ann@example.com' };
const bob: ListMember = { id: 'c-bob', name: 'Bob Baker', detail: '+33 1 42 68 10 01' };
const cid: ListMember = { id: 'c-cid', name: 'Cid Carter' };
const many = Array.from({ length: 23 }, (_, i): ListMember => ({ id: `c-${i + 1}`, name: `Member ${i + 1}` }));
const choices: ContactChoice[] = [
  { ...ann, number: 21 },
  { ...bob, number: 22, member: true },
];
const page = { query: 'fourn', choices, total: 25, page: 2, pages: 2 };
const firstPage = { query: 'fourn', choices: [{ ...ann, number: 1 }], total: 25, page: 1, pages: 2 };

const lists = { action: 'distributionLists' };
const ref = { ...lists, listId: 'l-sup' };
const cancel = (m: Messages): Button => ({ title: m.common.cancel, data: { action: 'cancel' } });

/** builder scenario: the card, texts it must show, and exactly the buttons it offers. */
const scenarios: Scenario[] = [
  [
    'listsCard: no list yet',
    (m) => listsCard(m, []),
    (m) => [m.lists.title, m.lists.intro, m.lists.empty],
    (m) => [{ title: m.lists.create, data: { ...lists, do: 'create' }, style: 'positive' }],
  ],
  [
    'listsCard: two lists with their counts and a note',
    (m) => listsCard(m, [{ id: 'l-board', name: 'Board', members: 0, description: 'Executive board' }, { ...suppliers, members: 12 }], m.lists.deleted('Old', 3)),
    (m) => [m.lists.deleted('Old', 3), `**Board** — ${m.lists.memberCount(0)}`, 'Executive board', `**Fournisseurs EMEA** — ${m.lists.memberCount(12)}`],
    (m) => [
      { title: m.lists.open, data: { ...lists, do: 'show', listId: 'l-board' } },
      { title: m.lists.open, data: { ...lists, do: 'show', listId: 'l-sup' } },
      { title: m.lists.create, data: { ...lists, do: 'create' }, style: 'positive' },
    ],
  ],
  [
    'listCard: members with e-mail, number or nothing, a title and notes',
    (m) => listCard(m, { ...suppliers, description: 'Achats', members: [ann, bob, cid] }, { title: m.lists.added(2, suppliers.name), notes: [m.lists.addedNames('Ann Archer, Bob Baker')] }),
    (m) => [
      m.lists.added(2, suppliers.name),
      m.lists.addedNames('Ann Archer, Bob Baker'),
      m.lists.membersTitle(3),
      '- Ann Archer — ann@example.com\n- Bob Baker — +33 1 42 68 10 01\n- Cid Carter',
    ],
    (m) => [
      { title: m.lists.addContacts, data: { ...ref, do: 'add' }, style: 'positive' },
      { title: m.lists.removeContacts, data: { ...ref, do: 'remove' } },
      { title: m.lists.rename, data: { ...ref, do: 'rename' } },
      { title: m.lists.delete, data: { ...ref, do: 'delete' }, style: 'destructive' },
      { title: m.lists.allLists, data: lists },
    ],
  ],
  [
    'listCard: no member, so nothing to remove',
    (m) => listCard(m, { ...suppliers, members: [] }),
    (m) => [suppliers.name, m.lists.membersTitle(0), m.lists.noMembers],
    (m) => [
      { title: m.lists.addContacts, data: { ...ref, do: 'add' }, style: 'positive' },
      { title: m.lists.rename, data: { ...ref, do: 'rename' } },
      { title: m.lists.delete, data: { ...ref, do: 'delete' }, style: 'destructive' },
      { title: m.lists.allLists, data: lists },
    ],
  ],
  [
    'createListCard: the form',
    (m) => createListCard(m),
    (m) => [m.lists.create, m.lists.askName],
    (m) => [{ title: m.lists.createButton, data: { ...lists, do: 'create', form: true }, style: 'positive' }, cancel(m)],
  ],
  [
    'descriptionCard',
    (m) => descriptionCard(m, 'Board'),
    (m) => [m.lists.askDescription('Board')],
    (m) => [{ title: m.lists.skip, data: { action: 'skip' } }, cancel(m)],
  ],
  [
    'renameCard',
    (m) => renameCard(m, suppliers),
    (m) => [m.lists.askRename(suppliers.name)],
    (m) => [{ title: m.lists.renameButton, data: { ...ref, do: 'rename' }, style: 'positive' }, cancel(m)],
  ],
  [
    'searchCard: after a search without match',
    (m) => searchCard(m, suppliers, m.lists.noMatch('zzz')),
    (m) => [m.lists.noMatch('zzz'), m.lists.askSearch(suppliers.name)],
    (m) => [{ title: m.lists.searchButton, data: { ...ref, do: 'add' }, style: 'positive' }, cancel(m)],
  ],
  [
    'pickContactsCard: the first of two pages',
    (m) => pickContactsCard(m, suppliers, firstPage),
    (m) => [m.lists.matches(25, 'fourn'), m.lists.pickHelp, m.lists.pageInfo(1, 1, 25)],
    (m) => [
      { title: m.lists.addSelected, data: { ...ref, do: 'add', query: 'fourn', page: 1, picked: true }, style: 'positive' },
      { title: m.lists.nextPage, data: { ...ref, do: 'add', query: 'fourn', page: 2 } },
      { title: m.lists.searchButton, data: { ...ref, do: 'add' } },
      cancel(m),
    ],
  ],
  [
    'pickContactsCard: the last page, with a note',
    (m) => pickContactsCard(m, suppliers, page, m.lists.pickAtLeastOne),
    (m) => [m.lists.matches(25, 'fourn'), m.lists.pickAtLeastOne, m.lists.pageInfo(21, 22, 25)],
    (m) => [
      { title: m.lists.addSelected, data: { ...ref, do: 'add', query: 'fourn', page: 2, picked: true }, style: 'positive' },
      { title: m.lists.searchButton, data: { ...ref, do: 'add' } },
      cancel(m),
    ],
  ],
  [
    'pickMembersCard: the first of many members',
    (m) => pickMembersCard(m, suppliers, [{ ...ann, number: 1 }], 60),
    (m) => [m.lists.pickMembers(suppliers.name), m.lists.pickMembersHelp, m.lists.firstMembers(1, 60)],
    (m) => [{ title: m.lists.removeSelected, data: { ...ref, do: 'remove', picked: true }, style: 'destructive' }, cancel(m)],
  ],
  [
    'confirmMembersCard: adding, with members left as they are',
    (m) => confirmMembersCard(m, 'add', suppliers, [ann, cid], [bob]),
    (m) => [m.lists.confirmAddTitle(2, suppliers.name), '- Ann Archer — ann@example.com\n- Cid Carter', m.lists.alreadyMembers('Bob Baker')],
    (m) => [{ title: m.lists.addButton, data: { action: 'confirm', do: 'add', listId: 'l-sup' }, style: 'positive' }, cancel(m)],
  ],
  [
    'confirmMembersCard: removing',
    (m) => confirmMembersCard(m, 'remove', suppliers, [bob]),
    (m) => [m.lists.confirmRemoveTitle(1, suppliers.name), '- Bob Baker — +33 1 42 68 10 01', m.lists.staysContacts],
    (m) => [{ title: m.lists.removeButton, data: { action: 'confirm', do: 'remove', listId: 'l-sup' }, style: 'destructive' }, cancel(m)],
  ],
  [
    'deleteListCard',
    (m) => deleteListCard(m, suppliers, 12),
    (m) => [m.lists.confirmDeleteTitle(suppliers.name), m.lists.deleteKeepsMembers(12)],
    (m) => [{ title: m.lists.deleteButton, data: { action: 'confirm', do: 'delete', listId: 'l-sup' }, style: 'destructive' }, cancel(m)],
  ],
];

describe.each(['fr', 'en'] as const)('list cards (%s)', (locale) => {
  const m = messages(locale);

  testScenarios(m, scenarios);

  test('a list of 23 members shows the first 20 and how many more', () => {
    const card = listCard(m, { ...suppliers, members: many });
    const shown = cardTexts(card).find((t) => t.startsWith('- Member 1\n'))!;
    expect(shown.split('\n')).toHaveLength(21);
    expect(shown.endsWith(`- Member 20\n${m.lists.andMore(3)}`)).toBe(true);
  });

  test('the description is a fact of the list card', () => {
    expect(cardFacts(listCard(m, { ...suppliers, description: 'Achats', members: [] }))).toEqual([[m.lists.descriptionTitle, 'Achats']]);
  });

  test('the matches are a multi-select of contact ids, numbered, members marked', () => {
    const [set] = cardElements(pickContactsCard(m, suppliers, page), 'Input.ChoiceSet');
    expect(set).toMatchObject({ id: 'contactIds', isMultiSelect: true });
    expect(set.choices).toEqual([
      { title: '21. Ann Archer — ann@example.com', value: 'c-ann' },
      { title: `22. Bob Baker — +33 1 42 68 10 01 (${m.lists.alreadyMember})`, value: 'c-bob' },
    ]);
  });

  test('with no choice, no (invalid) empty choice set is sent', () => {
    const card = pickContactsCard(m, suppliers, { query: 'x', choices: [], total: 0, page: 1, pages: 1 });
    expect(cardElements(card, 'Input.ChoiceSet')).toEqual([]);
    expect(validateCard(card)).toEqual([]);
  });

  test('the form and the rename card keep what was typed', () => {
    const form = cardElements(createListCard(m, { name: 'Board', description: 'Top' }), 'Input.Text');
    expect(form.map((i) => [i.id, i.value])).toEqual([
      ['name', 'Board'],
      ['description', 'Top'],
    ]);
    expect(cardElements(renameCard(m, suppliers), 'Input.Text')).toEqual([expect.objectContaining({ id: 'name', value: suppliers.name })]);
  });
});

describe('memberOf', () => {
  const contact = { id: 'c1', displayName: 'Ann Archer', phoneNumbers: [{ value: '+33142681001', type: 'work' as const }] };

  test('a contact is shown with their e-mail, else their first number formatted, else the name alone', () => {
    expect(memberOf({ ...contact, email: 'ann@example.com' })).toEqual({ id: 'c1', name: 'Ann Archer', detail: 'ann@example.com' });
    expect(memberOf(contact)).toEqual({ id: 'c1', name: 'Ann Archer', detail: '+33 1 42 68 10 01' });
    expect(memberOf({ ...contact, phoneNumbers: [] })).toEqual({ id: 'c1', name: 'Ann Archer' });
  });
});

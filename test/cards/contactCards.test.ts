import {
  contactCard,
  contactFormCard,
  contactSummaryCard,
  deleteContactsCard,
  editConfirmCard,
  fieldChoiceCard,
  namesText,
  noMatchCard,
  phoneTypeCard,
  searchResultsCard,
} from '../../cards/contactCards';
import { contactsCard } from '../../cards/importCards';
import { pageOf } from '../../src/domain/contactSearch';
import type { Contact } from '../../src/domain/types';
import { messages, type Messages } from '../../src/i18n';
import { cardElements, cardFacts, type Button } from '../helpers/cardSchema';
import { testScenarios, type Scenario } from './scenarios';

const at = '2025-05-23T09:03:00.000Z';
const jean: Contact = {
  id: 'c-jean',
  displayName: 'Jean Dupont',
  firstName: 'Jean',
  lastName: 'Dupont',
  phoneNumbers: [
    { value: '+33612345678', type: 'mobile' },
    { value: '4021', type: 'work_extension' },
  ],
  email: 'jean.dupont@acme.fr',
  sipUri: 'sip:jean@acme.fr',
  title: 'Acheteur',
  companyName: 'ACME',
  address: { street: '1 rue de la Paix', city: 'Paris', state: 'IDF', country: 'France', zip: '75002' },
  groupIds: [],
  createdAt: at,
  updatedAt: at,
};
const supplier = (n: number): Contact => ({
  id: `c-${n}`,
  displayName: `Fournisseur ${n}`,
  phoneNumbers: [{ value: `+331234567${String(n).padStart(2, '0')}`, type: 'work' }],
  groupIds: [],
  createdAt: at,
  updatedAt: at,
});
const suppliers = Array.from({ length: 23 }, (_, i) => supplier(i + 1));

const open = (m: Messages, c: Contact): Button => ({ title: m.contactEditing.open, data: { action: 'contacts', do: 'open', id: c.id } });
const editButtons = (m: Messages, admin: boolean): Button[] => [
  { title: m.contactEditing.edit, data: { action: 'contacts', do: 'edit', id: 'c-jean' } },
  ...(admin ? [{ title: m.contactEditing.delete, data: { action: 'contacts', do: 'delete', ids: 'c-jean' }, style: 'destructive' }] : []),
];
const confirmButtons = (m: Messages): Button[] => [
  { title: m.common.confirm, data: { action: 'confirm' }, style: 'positive' },
  { title: m.common.change, data: { action: 'change' } },
  { title: m.common.cancel, data: { action: 'cancel' } },
];
const searchButtons = (m: Messages): Button[] => [
  { title: m.contactEditing.searchButton, data: { action: 'contacts', do: 'search' }, style: 'positive' },
  { title: m.contactEditing.addButton, data: { action: 'contacts', do: 'add' } },
];

/** builder scenario: the card, texts it must show, and exactly the buttons it offers. */
const scenarios: Scenario[] = [
  [
    'contactsCard for an admin: search, add, import, template, export, last imports',
    (m) => contactsCard(m, { count: 3, admin: true }),
    (m) => [m.contacts.title, m.contacts.count(3)],
    (m) => [
      ...searchButtons(m),
      { title: m.contacts.importButton, data: { action: 'importContacts' }, style: 'positive' },
      { title: m.contacts.templateButton, data: { action: 'contacts', do: 'template' } },
      { title: m.contacts.exportButton, data: { action: 'contacts', do: 'export' } },
      { title: m.contacts.historyButton, data: { action: 'contacts', do: 'history' } },
    ],
  ],
  [
    'contactsCard for help-desk: search, add and the template',
    (m) => contactsCard(m, { count: 1, admin: false }),
    (m) => [m.contacts.title, m.contacts.count(1)],
    (m) => [...searchButtons(m), { title: m.contacts.templateButton, data: { action: 'contacts', do: 'template' } }],
  ],
  [
    'contactCard for an admin: every field, Edit and Delete',
    (m) => contactCard(m, { title: m.contactEditing.contactTitle('Jean Dupont'), contact: jean, admin: true }),
    (m) => [m.contactEditing.contactTitle('Jean Dupont')],
    (m) => editButtons(m, true),
  ],
  [
    'contactCard for help-desk, with a warning and Add another',
    (m) => contactCard(m, { title: m.contactEditing.created('Jean Dupont'), contact: jean, admin: false, notes: ['check this'], more: [] }),
    (m) => [m.contactEditing.created('Jean Dupont'), m.contactEditing.warningsTitle, '- check this'],
    (m) => editButtons(m, false),
  ],
  [
    'contactSummaryCard: the new contact to confirm',
    (m) => contactSummaryCard(m, jean, []),
    (m) => [m.contactEditing.summaryTitle],
    confirmButtons,
  ],
  [
    'contactFormCard: empty',
    (m) => contactFormCard(m, { values: {}, errors: [] }),
    (m) => [m.contactEditing.formTitle, m.contactEditing.formHint],
    (m) => [
      { title: m.contactEditing.formContinue, data: { action: 'contacts', do: 'add', form: true }, style: 'positive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
  ],
  [
    'contactFormCard: back with errors',
    (m) => contactFormCard(m, { values: { displayName: 'Jean', phone1: '06', phoneType1: 'mobile' }, errors: ['first', 'second'] }),
    (m) => [m.contactEditing.formErrors, '- first', '- second'],
    (m) => [
      { title: m.contactEditing.formContinue, data: { action: 'contacts', do: 'add', form: true }, style: 'positive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
  ],
  [
    'searchResultsCard for an admin, first of three pages',
    (m) => searchResultsCard(m, { query: 'fournisseur', page: pageOf(suppliers, 1, 10), admin: true }),
    (m) => [m.contactEditing.resultsTitle(23, 'fournisseur'), m.contactEditing.page(1, 3), m.contactEditing.selectToDelete],
    (m) => [
      ...suppliers.slice(0, 10).map((c) => open(m, c)),
      { title: m.contactEditing.deleteSelected, data: { action: 'contacts', do: 'delete' }, style: 'destructive' },
      { title: m.contactEditing.next, data: { action: 'contacts', do: 'search', query: 'fournisseur', page: 2 } },
    ],
  ],
  [
    'searchResultsCard for help-desk, middle page',
    (m) => searchResultsCard(m, { query: 'fournisseur', page: pageOf(suppliers, 2, 10), admin: false }),
    (m) => [m.contactEditing.page(2, 3)],
    (m) => [
      ...suppliers.slice(10, 20).map((c) => open(m, c)),
      { title: m.contactEditing.previous, data: { action: 'contacts', do: 'search', query: 'fournisseur', page: 1 } },
      { title: m.contactEditing.next, data: { action: 'contacts', do: 'search', query: 'fournisseur', page: 3 } },
    ],
  ],
  [
    'searchResultsCard: one result, one page',
    (m) => searchResultsCard(m, { query: 'dupont', page: pageOf([jean], 1, 10), admin: true }),
    (m) => [m.contactEditing.resultsTitle(1, 'dupont'), `**Jean Dupont** — ACME — jean.dupont@acme.fr — +33 6 12 34 56 78 (${m.contactEditing.phoneTypes.mobile})`],
    (m) => [open(m, jean), { title: m.contactEditing.deleteSelected, data: { action: 'contacts', do: 'delete' }, style: 'destructive' }],
  ],
  ['noMatchCard: search again or add', (m) => noMatchCard(m), (m) => [m.contactEditing.noMatchHint], searchButtons],
  [
    'fieldChoiceCard: the fields with their values',
    (m) => fieldChoiceCard(m, { id: 'c-jean', name: 'Jean Dupont', fields: [{ field: 'title', label: 'Title', current: 'Acheteur' }, { field: 'city', label: 'City', current: '' }] }),
    (m) => [m.contactEditing.chooseField('Jean Dupont')],
    (m) => [
      { title: m.contactEditing.chooseButton, data: { action: 'contacts', do: 'edit', id: 'c-jean' }, style: 'positive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
  ],
  [
    'phoneTypeCard: the five types',
    (m) => phoneTypeCard(m, 'Which type?'),
    () => ['Which type?'],
    (m) => (['work', 'work_extension', 'mobile', 'home', 'other'] as const).map((type) => ({ title: m.contactEditing.phoneTypes[type], data: { action: 'value', value: type } })),
  ],
  [
    'editConfirmCard: before → after',
    (m) => editConfirmCard(m, { name: 'Jean Dupont', label: 'Title', before: 'Acheteur', after: '' }),
    (m) => [m.contactEditing.editTitle('Jean Dupont')],
    confirmButtons,
  ],
  [
    'deleteContactsCard: two contacts',
    (m) => deleteContactsCard(m, ['Jean Dupont', 'Marie Durand']),
    (m) => [m.contactEditing.deleteTitle(2), '- Jean Dupont', '- Marie Durand', m.contactEditing.irreversible],
    (m) => [
      { title: m.contactEditing.deleteButton, data: { action: 'confirm' }, style: 'destructive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
  ],
  [
    'deleteContactsCard: twelve contacts',
    (m) => deleteContactsCard(m, suppliers.slice(0, 12).map((c) => c.displayName)),
    (m) => [m.contactEditing.deleteTitle(12), '- Fournisseur 10', m.contactEditing.andMore(2)],
    (m) => [
      { title: m.contactEditing.deleteButton, data: { action: 'confirm' }, style: 'destructive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
  ],
];

describe.each(['fr', 'en'] as const)('contact cards (%s)', (locale) => {
  const m = messages(locale);
  const c = m.contactEditing;

  testScenarios(m, scenarios);

  test('a contact shows every filled field in the template order, numbers formatted with their type', () => {
    expect(cardFacts(contactCard(m, { title: 't', contact: jean, admin: true }))).toEqual([
      [c.fields.displayName, 'Jean Dupont'],
      [c.fields.firstName, 'Jean'],
      [c.fields.lastName, 'Dupont'],
      [c.fields.phone1, `+33 6 12 34 56 78 (${c.phoneTypes.mobile})`],
      [c.fields.phone2, `4021 (${c.phoneTypes.work_extension})`],
      [c.fields.email, 'jean.dupont@acme.fr'],
      [c.fields.sipUri, 'sip:jean@acme.fr'],
      [c.fields.title, 'Acheteur'],
      [c.fields.companyName, 'ACME'],
      [c.fields.street, '1 rue de la Paix'],
      [c.fields.city, 'Paris'],
      [c.fields.state, 'IDF'],
      [c.fields.country, 'France'],
      [c.fields.zip, '75002'],
    ]);
    expect(cardFacts(contactCard(m, { title: 't', contact: supplier(1), admin: true }))).toEqual([
      [c.fields.displayName, 'Fournisseur 1'],
      [c.fields.phone1, `+33 1 23 45 67 01 (${c.phoneTypes.work})`],
    ]);
  });

  test('the form has every field, the display name required, and the five types as choice sets; values are kept', () => {
    const card = contactFormCard(m, { values: { displayName: 'Jean', phone2: '06 12', phoneType2: 'home', city: 'Lyon' }, errors: [] });
    const inputs = [...cardElements(card, 'Input.Text'), ...cardElements(card, 'Input.ChoiceSet')];
    const byId = Object.fromEntries(inputs.map((i) => [i.id, i]));
    expect(Object.keys(byId).sort()).toEqual(
      ['displayName', 'firstName', 'lastName', 'email', 'sipUri', 'title', 'companyName', 'street', 'city', 'state', 'country', 'zip', ...[1, 2, 3, 4, 5].flatMap((n) => [`phone${n}`, `phoneType${n}`])].sort(),
    );
    expect(byId.displayName).toMatchObject({ isRequired: true, value: 'Jean', label: c.fields.displayName });
    expect(byId.phoneType2).toMatchObject({ value: 'home', choices: expect.arrayContaining([{ title: c.phoneTypes.work_extension, value: 'work_extension' }]) });
    expect(byId.phone2.value).toBe('06 12');
    expect(byId.city.value).toBe('Lyon');
    expect(byId.phoneType1.value).toBeUndefined();
  });

  test('results: admins get one checkbox per contact of the page', () => {
    const [ids] = cardElements(searchResultsCard(m, { query: 'f', page: pageOf(suppliers, 3, 10), admin: true }), 'Input.ChoiceSet');
    expect(ids).toMatchObject({ id: 'ids', isMultiSelect: true, choices: suppliers.slice(20).map((s) => ({ title: s.displayName, value: s.id })) });
  });

  test('the field choice shows each current value, "—" for an empty one', () => {
    const [choice] = cardElements(fieldChoiceCard(m, { id: 'x', name: 'X', fields: [{ field: 'city', label: 'City', current: '' }] }), 'Input.ChoiceSet');
    expect(choice).toMatchObject({ id: 'field', value: 'city', choices: [{ title: `City — ${c.noValue}`, value: 'city' }] });
  });

  test('before → after, an emptied field shown as "—"', () => {
    expect(cardFacts(editConfirmCard(m, { name: 'J', label: 'Title', before: 'Acheteur', after: '' }))).toEqual([['Title', `Acheteur → ${c.noValue}`]]);
  });

  test('names: all up to ten, then "and N more"', () => {
    expect(namesText(m, ['A', 'B'])).toBe('A, B');
    const names = suppliers.map((s) => s.displayName);
    expect(namesText(m, names)).toBe(`${names.slice(0, 10).join(', ')} ${c.andMore(13)}`);
  });
});

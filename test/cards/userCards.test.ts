import { adaptiveCard, submit } from '../../cards/adaptive';
import {
  beforeAfterCard,
  choiceCard,
  confirmCard,
  deleteConfirmCard,
  licenseCard,
  userCard,
  userFacts,
  userListCard,
  type Choice,
} from '../../cards/userCards';
import { formatPhone } from '../../src/domain/phone';
import { messages, type Messages } from '../../src/i18n';
import type { UserView } from '../../src/domain/views';
import { cardButtons, cardElements, cardFacts, cardTexts, validateCard, type Button } from '../helpers/cardSchema';
import { testScenarios, type Scenario } from './scenarios';

// The sandbox org (src/directory/lowdb/seed.ts), as the dialogs show it.
const locations = [
  { id: 'loc-paris', name: 'Siège — Paris' },
  { id: 'loc-it', name: 'IT division' },
  { id: 'loc-lyon', name: 'Lyon — Entrepôt' },
];
const licenses = [
  { id: 'lic-suite', name: 'Webex Suite', left: 11 },
  { id: 'lic-pro', name: 'Webex Calling — Professional', left: 4 },
  { id: 'lic-meetings', name: 'Webex Meetings', left: 49 },
];
const jeanMarc: UserView = {
  id: 'u-jm',
  name: 'Jean-Marc Chamblay',
  email: 'jm.chamblay@sandbox.example',
  licenses: ['Webex Suite'],
  location: 'Siège — Paris',
  number: formatPhone('+33142680100'),
  extension: '0100',
  status: 'active',
};
const toto: UserView = { id: 'u-toto', name: 'Toto Titi', email: 'toto.titi@sandbox.example', licenses: ['Webex Meetings'], status: 'pending' };
const totoWithCalling: UserView = { ...toto, licenses: ['Webex Suite'], location: 'IT division', number: formatPhone('+33634333212'), extension: '3212' };
const freeNumbers = Array.from({ length: 8 }, (_, i) => `+3314268010${i + 1}`);

const numberChoices = (m: Messages): Choice[] => [
  ...freeNumbers.map((n) => ({ title: formatPhone(n), data: { number: n } })),
  { title: m.addUser.noNumber, data: { number: '' } },
  { title: m.common.more, data: { more: true } },
];
const changeChoices = (m: Messages): Choice[] => [
  { title: m.addUser.changeIdentity, data: { redo: 'identity' } },
  { title: m.addUser.changeLicenses, data: { redo: 'licenses' } },
  { title: m.addUser.changeCalling, data: { redo: 'calling' } },
  { title: m.addUser.changeExtension, data: { redo: 'extension' } },
];
const licenseOptions = (m: Messages) => licenses.map((l) => ({ id: l.id, title: m.addUser.unitsLeft(l.name, l.left) }));
const asButtons = (choices: Choice[]): Button[] => choices.map((c) => ({ title: c.title, data: c.data }));
const confirmButtons = (m: Messages): Button[] => [
  { title: m.common.confirm, data: { action: 'confirm' }, style: 'positive' },
  { title: m.common.change, data: { action: 'change' } },
  { title: m.common.cancel, data: { action: 'cancel' } },
];
const nextPage = { action: 'listUsers', filter: '', page: 1 };

/** builder scenario: the card, texts it must show, and exactly the buttons it offers. */
const scenarios: Scenario[] = [
  [
    'choiceCard: the location question',
    (m) => choiceCard(m.addUser.askLocation, locations.map((l) => ({ title: l.name, data: { locationId: l.id } }))),
    (m) => [m.addUser.askLocation],
    () => locations.map((l) => ({ title: l.name, data: { locationId: l.id } })),
  ],
  [
    'choiceCard: a page of free numbers',
    (m) => choiceCard(m.addUser.askNumber('Siège — Paris', 19), numberChoices(m)),
    (m) => [m.addUser.askNumber('Siège — Paris', 19)],
    (m) => asButtons(numberChoices(m)),
  ],
  [
    'choiceCard: the extension question',
    (m) => choiceCard(m.addUser.askExtension('0101'), [{ title: '0101', data: { extension: '0101' } }, { title: m.addUser.noExtension, data: { extension: '' } }]),
    (m) => [m.addUser.askExtension('0101')],
    (m) => [{ title: '0101', data: { extension: '0101' } }, { title: m.addUser.noExtension, data: { extension: '' } }],
  ],
  [
    'choiceCard: what to change, with a note',
    (m) => choiceCard(m.addUser.whatToChange, changeChoices(m), m.flowHelp),
    (m) => [m.addUser.whatToChange, m.flowHelp],
    (m) => asButtons(changeChoices(m)),
  ],
  [
    'choiceCard: which of several matching users',
    (m) => choiceCard(m.findUser.choose(2), [jeanMarc, toto].map((u) => ({ title: `${u.name} — ${u.email}`, data: { userId: u.id } }))),
    (m) => [m.findUser.choose(2)],
    () => [jeanMarc, toto].map((u) => ({ title: `${u.name} — ${u.email}`, data: { userId: u.id } })),
  ],
  [
    'licenseCard: the licence question',
    (m) => licenseCard(m, licenseOptions(m)),
    (m) => [m.addUser.askLicenses],
    (m) => [
      ...licenseOptions(m).map((o) => ({ title: o.title, data: { action: 'licenses', licenseIds: o.id } })),
      { title: m.addUser.continue, data: { action: 'licenses' }, style: 'positive' },
    ],
  ],
  [
    'userFacts: a user on a card',
    (m) => adaptiveCard([userFacts(m, jeanMarc)]),
    () => [],
    () => [],
  ],
  [
    'confirmCard: the new-user summary',
    (m) => confirmCard(m, m.addUser.summaryTitle, [userFacts(m, { ...jeanMarc, status: undefined })]),
    (m) => [m.addUser.summaryTitle],
    confirmButtons,
  ],
  [
    'confirmCard: the number-assignment summary',
    (m) => confirmCard(m, m.assignNumber.summaryTitle, [userFacts(m, { ...totoWithCalling, status: undefined })]),
    (m) => [m.assignNumber.summaryTitle],
    confirmButtons,
  ],
  [
    'userCard: the created user, with "add another"',
    (m) => userCard(m, m.addUser.created(jeanMarc.name), jeanMarc, [submit(m.addUser.addAnother, { action: 'addUser', locationId: 'loc-paris' })]),
    (m) => [m.addUser.created(jeanMarc.name)],
    (m) => [{ title: m.addUser.addAnother, data: { action: 'addUser', locationId: 'loc-paris' } }],
  ],
  [
    'userCard: the current assignment, without buttons',
    (m) => userCard(m, m.assignNumber.current, toto),
    (m) => [m.assignNumber.current],
    () => [],
  ],
  [
    'beforeAfterCard: a number assignment',
    (m) => beforeAfterCard(m, m.assignNumber.done(toto.name), toto, totoWithCalling),
    (m) => [m.assignNumber.done(toto.name), m.common.before, m.common.after],
    () => [],
  ],
  [
    'deleteConfirmCard: a calling user',
    (m) => deleteConfirmCard(m, jeanMarc),
    (m) => [
      m.deleteUser.confirmTitle(jeanMarc.name),
      m.deleteUser.willRemove,
      [m.deleteUser.removesLicenses('Webex Suite'), m.deleteUser.freesNumber(jeanMarc.number!), m.deleteUser.freesExtension('0100')].map((r) => `- ${r}`).join('\n'),
    ],
    (m) => [
      { title: m.deleteUser.delete, data: { action: 'confirm' }, style: 'destructive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
  ],
  [
    'deleteConfirmCard: a user without calling',
    (m) => deleteConfirmCard(m, toto),
    (m) => [m.deleteUser.confirmTitle(toto.name), `- ${m.deleteUser.removesLicenses('Webex Meetings')}`],
    (m) => [
      { title: m.deleteUser.delete, data: { action: 'confirm' }, style: 'destructive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
  ],
  [
    'userListCard: no user matches',
    (m) => userListCard(m, [], { index: 0, count: 1, total: 0, filter: 'Lyon' }),
    (m) => [m.listUsers.title(0, 'Lyon'), m.listUsers.empty, m.listUsers.filterHelp],
    () => [],
  ],
  [
    'userListCard: the first of two pages',
    (m) => userListCard(m, [jeanMarc, toto], { index: 0, count: 2, total: 10, filter: '', nextData: nextPage }),
    (m) => [m.listUsers.title(10, ''), m.listUsers.page(1, 2), m.listUsers.filterHelp],
    // Toto is pending: his invitation can be resent from the list; Jean-Marc is active.
    (m) => [{ title: m.invitations.resend, data: { action: 'sendInvitations', userId: 'u-toto' } }, { title: m.listUsers.next, data: nextPage }],
  ],
];

describe.each(['fr', 'en'] as const)('user cards (%s)', (locale) => {
  const m = messages(locale);

  testScenarios(m, scenarios);

  test('user facts show the calling rows only for a user with calling, and the status when given', () => {
    const c = m.common;
    expect(cardFacts(adaptiveCard([userFacts(m, jeanMarc)]))).toEqual([
      [c.name, jeanMarc.name],
      [c.email, jeanMarc.email],
      [c.licenses, 'Webex Suite'],
      [c.location, 'Siège — Paris'],
      [c.number, jeanMarc.number],
      [c.extension, '0100'],
      [c.status, c.statusActive],
    ]);
    expect(cardFacts(adaptiveCard([userFacts(m, { ...toto, licenses: [] })]))).toEqual([
      [c.name, toto.name],
      [c.email, toto.email],
      [c.licenses, c.noneValue],
      [c.status, c.statusPending],
    ]);
  });

  test('a pending user already invited shows the date of the invitation; one never invited says it was not sent yet', () => {
    const c = m.common;
    const invited = { ...toto, invitedAt: '2025-03-05T10:00:00.000Z' };
    expect(cardFacts(adaptiveCard([userFacts(m, invited)]))).toContainEqual([c.status, m.invitations.statusInvited(invited.invitedAt)]);
    expect(m.invitations.statusInvited(invited.invitedAt)).toContain(locale === 'fr' ? '5 mars 2025 à 10:00 UTC' : '5 March 2025 at 10:00 UTC');
    expect(c.statusPending).toBe(locale === 'fr' ? 'Vérifié (invitation pas encore envoyée)' : 'Pending (invitation not sent yet)');
    expect(cardFacts(adaptiveCard([userFacts(m, { ...jeanMarc, invitedAt: invited.invitedAt })]))).toContainEqual([c.status, c.statusActive]);
  });

  test('before/after shows both states without the status', () => {
    const facts = cardFacts(beforeAfterCard(m, m.assignNumber.done(toto.name), toto, totoWithCalling));
    expect(facts).toContainEqual([m.common.number, totoWithCalling.number]);
    expect(facts.filter(([title]) => title === m.common.status)).toEqual([]);
  });

  test('long choice lists are split into button rows of at most five', () => {
    const rows = cardElements(choiceCard(m.addUser.askNumber('Siège — Paris', 19), numberChoices(m)), 'ActionSet');
    expect(rows.map((row) => (row.actions as unknown[]).length)).toEqual([5, 5]);
  });

  test('the licence card also lets several licences be ticked, then Continue', () => {
    const [input] = cardElements(licenseCard(m, licenseOptions(m)), 'Input.ChoiceSet');
    expect(input).toMatchObject({ id: 'licenseIds', isMultiSelect: true, choices: licenseOptions(m).map((o) => ({ title: o.title, value: o.id })) });
  });

  test('a licence card for an org with many licences stays valid (buttons on rows of 5)', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `lic-${i}`, title: `Licence ${i}` }));
    expect(validateCard(licenseCard(m, many))).toEqual([]);
    expect(cardButtons(licenseCard(m, many))).toHaveLength(13);
  });

  test('a licence card with no licence left to offer stays valid (no empty choice set)', () => {
    expect(validateCard(licenseCard(m, []))).toEqual([]);
  });

  test('a user list line names the user, the e-mail, the status and the calling', () => {
    const [, line] = cardTexts(userListCard(m, [jeanMarc], { index: 0, count: 1, total: 1, filter: '' }));
    for (const part of [jeanMarc.name, jeanMarc.email, m.common.statusActive, 'Siège — Paris', jeanMarc.number!, `${m.common.extension} 0100`]) {
      expect(line).toContain(part);
    }
  });
});

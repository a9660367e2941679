/**
 * Issue #27, point 3: a value a person typed is shown as typed, never as markdown.
 * The cards are rendered by the Adaptive Cards JS renderer with markdown-it (as
 * Web Chat does, test/helpers/renderCard.ts): a name typed as
 * `**Bold** [link](http://127.0.0.1:9)` must show its asterisks and brackets,
 * with no link and no bold made of it.
 */
import { contactCard, deleteContactsCard, editConfirmCard, fieldChoiceCard, searchResultsCard } from '../../cards/contactCards';
import { auditCard } from '../../cards/auditCard';
import { previewCard, resultCard } from '../../cards/importCards';
import { invitationsConfirmCard } from '../../cards/invitationCards';
import { confirmMembersCard, listCard, listsCard, pickContactsCard, pickMembersCard, renameCard } from '../../cards/listCards';
import { escapeMarkdown, escapeValues } from '../../cards/markdown';
import { deleteConfirmCard, userCard, userFacts, userListCard } from '../../cards/userCards';
import { adaptiveCard } from '../../cards/adaptive';
import type { Contact } from '../../src/domain/types';
import { messages } from '../../src/i18n';
import type { UserView } from '../../src/domain/views';
import { cardElements, cardFacts, validateCard } from '../helpers/cardSchema';
import { renderCard, renderedElements } from '../helpers/renderCard';

const EVIL = '**Bold** [link](http://127.0.0.1:9)';
const m = messages('en');
const at = '2025-05-23T09:03:00.000Z';

const user: UserView = {
  id: 'u-evil',
  name: EVIL,
  email: 'evil@sandbox.example',
  licenses: ['Webex Meetings'],
  location: '_Lyon_ <b>HQ</b>',
  number: '+33 1 42 68 01 00',
  extension: '0100',
  status: 'pending',
};
const contact: Contact = {
  id: 'c-evil',
  displayName: EVIL,
  firstName: '**Bold**',
  lastName: '[link](http://127.0.0.1:9)',
  phoneNumbers: [{ value: '+33612345678', type: 'mobile' }],
  email: 'evil@acme.fr',
  title: '# Boss',
  companyName: '`ACME` ![pixel](http://127.0.0.1:9/p.png)',
  address: { street: '1. rue de la Paix\n> quoted', city: '<http://127.0.0.1:9>' },
  groupIds: [],
  createdAt: at,
  updatedAt: at,
};
const member = { id: 'c-evil', name: EVIL, detail: 'evil@acme.fr' };
const list = { id: 'l-evil', name: '~~Gone~~ [list](http://127.0.0.1:9)', description: '- item\n1. first\n**bold**' };

/**
 * What must never come out of a typed value: a link (but an e-mail address, which the
 * client links to itself), an image, bold or italics made of it, code, a heading, a quote,
 * a strikethrough; each typed value shows whole, its markdown characters included (a list
 * or a heading made of it would drop its "- ", "1. " or "# ").
 */
function expectLiteral(card: unknown, ...typed: string[]) {
  expect(validateCard(card)).toEqual([]);
  const rendered = renderCard(card);
  for (const value of typed) expect(rendered.text).toContain(value.replace(/\s+/g, ' '));
  const links = [...rendered.element.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
  for (const [href, text] of links) expect(href).toBe(`mailto:${text}`);
  expect(renderedElements(rendered, 'img, code, pre, h1, h2, h3, h4, h5, h6, blockquote, s, del')).toEqual([]);
  const formatted = [...rendered.element.querySelectorAll('strong, em')].map((e) => e.textContent);
  for (const word of ['Bold', 'link', 'Lyon', 'bold', 'Gone', 'Already', 'Admin', 'Chief', 'Suite', 'Display Name', 'q']) expect(formatted).not.toContain(word);
}

describe('escapeMarkdown', () => {
  test.each([
    ['Jean-Marc Chamblay'],
    ['jm.chamblay@sandbox.example'],
    ['jean_marc@acme.fr'],
    ['+33 1 42 68 01 00'],
    ['Dupont (IT) — St. Louis, Hello!'],
    ['Siège — Paris'],
    ['#1 fan'],
    ['1.5 GHz'],
    ['a < b > c & d'],
    ['Smith & Co'],
    [''],
  ])('leaves %j as it is (nothing in it takes effect)', (value) => {
    expect(escapeMarkdown(value)).toBe(value);
  });

  test.each([
    [EVIL, '\\*\\*Bold\\*\\* \\[link\\](http:\\//127.0.0.1:9)'],
    ['_x_ a*b*c `code` ~~s~~ a|b C:\\dir', '\\_x\\_ a\\*b\\*c \\`code\\` \\~\\~s\\~\\~ a\\|b C:\\\\dir'],
    ['<http://x.y> <b>', '\\<http:\\//x.y> \\<b>'],
    ['&lt; &#91; &amp;', '\\&lt; \\&#91; \\&amp;'],
    ['{{DATE(2017-02-14T06:08:39Z, SHORT)}}', '\\{\\{DATE(2017-02-14T06:08:39Z, SHORT)}}'],
    ['# Title', '\\# Title'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['a\n# b\r\n  - c', 'a\n\\# b\r\n  \\- c'],
  ])('escapes %j where it would take effect', (value, escaped) => {
    expect(escapeMarkdown(value)).toBe(escaped);
  });

  test('escapeValues escapes the strings of a record and keeps the numbers', () => {
    expect(escapeValues({ name: '*x*', line: 3, field: 'displayName' })).toEqual({ name: '\\*x\\*', line: 3, field: 'displayName' });
  });
});

describe('a typed value renders as literal text, never as markdown', () => {
  test('the renderer really renders markdown (the unescaped name makes a link and bold)', () => {
    const rendered = renderCard(adaptiveCard([{ type: 'TextBlock', text: EVIL }]));
    expect([...rendered.element.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([['http://127.0.0.1:9', 'link']]);
    expect(renderedElements(rendered, 'strong')).toEqual(['<strong>Bold</strong>']);
  });

  test('the user list', () => {
    const card = userListCard(m, [user], { index: 0, count: 1, total: 1, filter: '[x](http://127.0.0.1:9)' });
    expectLiteral(card, EVIL, '_Lyon_ <b>HQ</b>', '[x](http://127.0.0.1:9)');
    // The catalogue's own bold around the name stays.
    expect(renderedElements(renderCard(card), 'strong')).toEqual([`<strong>${EVIL.replace(/</g, '&lt;')}</strong>`]);
    // What a click sends back is not escaped.
    expect(cardElements(card, 'ActionSet').flatMap((s) => s.actions as unknown[])).toEqual([expect.objectContaining({ data: { action: 'sendInvitations', userId: 'u-evil' } })]);
  });

  test('the user card and its facts', () => {
    expectLiteral(userCard(m, m.addUser.created(escapeMarkdown(user.name)), user), EVIL, '_Lyon_ <b>HQ</b>', '+33 1 42 68 01 00');
    expect(cardFacts(adaptiveCard([userFacts(m, user)]))).toContainEqual([m.common.name, '\\*\\*Bold\\*\\* \\[link\\](http:\\//127.0.0.1:9)']);
  });

  test('the delete confirmation', () => {
    expectLiteral(deleteConfirmCard(m, { ...user, licenses: ['**Suite**'] }), `Delete ${EVIL}?`, 'licences: **Suite**');
  });

  test('the contact card, every field', () => {
    const card = contactCard(m, { title: m.contactEditing.contactTitle(escapeMarkdown(contact.displayName)), contact, admin: true });
    expectLiteral(card, `Contact ${EVIL}`, '**Bold**', '# Boss', '`ACME` ![pixel](http://127.0.0.1:9/p.png)', '1. rue de la Paix > quoted', '<http://127.0.0.1:9>');
  });

  test('the search results, with the query and the boxes to tick', () => {
    const card = searchResultsCard(m, { query: '[q](http://127.0.0.1:9)', page: { items: [contact], total: 1, page: 1, pages: 1 }, admin: true });
    expectLiteral(card, EVIL, '[q](http://127.0.0.1:9)', '`ACME`');
    // Opening and ticking send the id, not a name.
    const [ticks] = cardElements(card, 'Input.ChoiceSet');
    expect(ticks.choices).toEqual([{ title: escapeMarkdown(EVIL), value: 'c-evil' }]);
  });

  test('editing a contact: the field choice and the before → after', () => {
    expectLiteral(fieldChoiceCard(m, { id: contact.id, name: EVIL, fields: [{ field: 'title', label: 'Title', current: '# Boss' }] }), EVIL);
    expectLiteral(editConfirmCard(m, { name: EVIL, label: 'Title', before: '# Boss', after: '**Chief**' }), EVIL, '# Boss → **Chief**');
  });

  test('deleting contacts', () => {
    expectLiteral(deleteContactsCard(m, [EVIL, '- second']), EVIL, '- second');
  });

  test('the list card: name, description and members', () => {
    expectLiteral(listCard(m, { ...list, members: [member] }), list.name, '- item 1. first **bold**', `${EVIL} — evil@acme.fr`);
    expectLiteral(listsCard(m, [{ id: list.id, name: list.name, members: 1, description: list.description }]), list.name, '**bold**');
  });

  test('the list flows: rename, pick, confirm', () => {
    expectLiteral(renameCard(m, list), list.name);
    const choice = { ...member, number: 1 };
    expectLiteral(pickContactsCard(m, list, { query: '*q*', choices: [choice], total: 1, page: 1, pages: 1 }), '*q*', EVIL);
    expectLiteral(pickMembersCard(m, list, [choice], 1), list.name, EVIL);
    expectLiteral(confirmMembersCard(m, 'add', list, [member], [{ id: 'c-2', name: '_Already_' }]), list.name, EVIL, '_Already_');
    // A typed choice keeps its number, plain, and sends the id.
    const [input] = cardElements(pickMembersCard(m, list, [choice], 1), 'Input.ChoiceSet');
    expect(input.choices).toEqual([{ title: `1. ${escapeMarkdown(EVIL)} — evil@acme.fr`, value: 'c-evil' }]);
  });

  test('invitations, the audit log, an import preview and result', () => {
    expectLiteral(invitationsConfirmCard(m, { names: [EVIL], recentlyInvited: 0, linkTtlDays: 7 }), EVIL);
    expectLiteral(auditCard(m, [{ at: '23/05/2025 09:03', who: '*Admin*', action: 'user.create', target: EVIL, changes: [['title', '', '# Boss']] }], 1), EVIL, '*Admin*', '# Boss');
    const counts = { created: 1, updated: 0, unchanged: 0, failed: 1 };
    const preview = previewCard(m, {
      importId: 'i-1',
      fileName: '[file](http://127.0.0.1:9).csv',
      format: 'webex-contacts',
      encoding: 'utf-8',
      delimiter: ',',
      rows: 2,
      counts,
      warnings: 0,
      errors: [{ line: 2, column: '**Display Name**', message: `"${EVIL}" in "E-mail" is not a valid e-mail address.` }],
      totalErrors: 1,
    });
    expectLiteral(preview, '[file](http://127.0.0.1:9).csv', '**Display Name**', EVIL);
    expectLiteral(resultCard(m, { counts, startedAt: at, endedAt: at, by: EVIL, jobId: 'job-1' }), EVIL);
  });
});

import type { ContactData } from '../../src/domain/contactFields';
import { sameContactData } from '../../src/domain/contactMerge';

// Every field of ContactData set, so that a change to any one of them can be seen.
const contact: ContactData = {
  displayName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  phoneNumbers: [
    { value: '+33140000000', type: 'work' },
    { value: '+33612345678', type: 'mobile' },
  ],
  email: 'ada@example.com',
  sipUri: 'ada@sip.example.com',
  title: 'Analyst',
  companyName: 'Engines SA',
  address: { street: '1 rue de la Paix', city: 'Paris', state: 'IDF', country: 'France', zip: '75001' },
  groupIds: ['list-1', 'list-2'],
};

const copy = (): ContactData => structuredClone(contact);

describe('sameContactData: an import counts a row unchanged only when nothing differs', () => {
  it('is true for the same data in other objects, and ignores ids and timestamps', () => {
    expect(sameContactData(contact, copy())).toBe(true);
    const stored = { ...copy(), id: 'c-1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' };
    expect(sameContactData(stored, contact)).toBe(true);
  });

  const changes: [string, (c: ContactData) => void][] = [
    ...(['displayName', 'firstName', 'lastName', 'email', 'sipUri', 'title', 'companyName'] as const).flatMap(
      (field): [string, (c: ContactData) => void][] => [
        [`${field} changed`, (c) => void (c[field] = `${c[field]}x`)],
        ...(field === 'displayName' ? [] : [[`${field} cleared`, (c: ContactData) => void delete c[field]] as [string, (c: ContactData) => void]]),
      ],
    ),
    ...(['street', 'city', 'state', 'country', 'zip'] as const).map((field): [string, (c: ContactData) => void] => [
      `address ${field} changed`,
      (c) => void (c.address![field] = `${c.address![field]}x`),
    ]),
    ['address removed', (c) => void delete c.address],
    ['a phone number changed', (c) => void (c.phoneNumbers[1].value = '+33612345679')],
    ['a phone type changed', (c) => void (c.phoneNumbers[1].type = 'home')],
    ['phone numbers in another order', (c) => c.phoneNumbers.reverse()],
    ['a phone number added', (c) => void c.phoneNumbers.push({ value: '+33140000001', type: 'other' })],
    ['a phone number removed', (c) => void c.phoneNumbers.pop()],
    ['a list changed', (c) => void (c.groupIds[1] = 'list-3')],
    ['a list added', (c) => void c.groupIds.push('list-3')],
    ['a list removed', (c) => void c.groupIds.pop()],
  ];

  it.each(changes)('is false when %s, both ways', (_, change) => {
    const changed = copy();
    change(changed);
    expect(sameContactData(contact, changed)).toBe(false);
    expect(sameContactData(changed, contact)).toBe(false);
  });
});

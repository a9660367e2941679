import fs from 'node:fs';
import path from 'node:path';
import { matchByScan } from '../../../src/directory/contactMatches';
import { openLowdbDirectory } from '../../../src/directory/lowdb/lowdbDirectory';
import { tempDir } from '../../helpers/dialogHarness';

const ctx = { actor: { id: 't', name: 'test', role: 'admin' }, flow: 'test' };
const contact = { displayName: 'Fournisseur 1', phoneNumbers: [{ value: '+33123456701', type: 'work' as const }], groupIds: [] };

describe('lowdb contacts: read without copies, stored compactly', () => {
  test('a listed contact cannot be changed behind the store', async () => {
    const directory = await openLowdbDirectory(tempDir());
    await directory.applyContactChanges({ create: [contact], update: [], delete: [] }, ctx);
    const [listed] = await directory.listContacts();
    expect(() => {
      (listed as { displayName: string }).displayName = 'changed';
    }).toThrow(/read only/);
    expect(() => listed.phoneNumbers.push({ value: '+33123456702', type: 'work' })).toThrow(/not extensible/);
    expect((await directory.listContacts())[0].displayName).toBe('Fournisseur 1');
  });

  test('contacts read back after a restart are protected the same way', async () => {
    const dir = tempDir();
    await (await openLowdbDirectory(dir)).applyContactChanges({ create: [contact], update: [], delete: [] }, ctx);
    const [listed] = await (await openLowdbDirectory(dir)).listContacts();
    expect(Object.isFrozen(listed) && Object.isFrozen(listed.phoneNumbers[0])).toBe(true);
  });

  test('the data file is compact JSON (no indentation to rewrite on every write)', async () => {
    const dir = tempDir();
    await openLowdbDirectory(dir);
    const text = fs.readFileSync(path.join(dir, 'org.json'), 'utf8');
    expect(text).not.toMatch(/\n\s/);
    expect(JSON.parse(text).version).toBe(1);
  });
});

describe('lowdb contacts: an import looks its rows up in the indexes', () => {
  const people = [
    { ...contact, displayName: 'Alice Martin', email: 'Alice.Martin@example.com' },
    { ...contact, displayName: 'Bob Durand', phoneNumbers: [{ value: '+33123456702', type: 'work' as const }] },
    { ...contact, displayName: 'Carole Petit', email: 'carole@example.com' },
  ];

  test('ids, e-mails in any case and display name + first number give what a scan of all contacts gives', async () => {
    const directory = await openLowdbDirectory(tempDir());
    const { created } = await directory.applyContactChanges({ create: people, update: [], delete: [] }, ctx);
    const keys = {
      ids: new Set([created[2].id, 'no-such-id']),
      emails: new Set(['alice.martin@example.com', 'nobody@example.com']),
      namePhones: new Set(['bob durand|+33123456702', 'bob durand|+33999999999']),
    };
    const matches = await directory.matchContacts!(keys);
    expect(matches).toEqual(matchByScan(await directory.listContacts(), keys));
    expect([...matches.byId.keys(), ...matches.byEmail.keys(), ...matches.byNamePhone.keys()]).toEqual([
      created[2].id,
      'alice.martin@example.com',
      'bob durand|+33123456702',
    ]);
  });

  test('a contact whose e-mail changed is found by its new e-mail only', async () => {
    const directory = await openLowdbDirectory(tempDir());
    const { created } = await directory.applyContactChanges({ create: [people[0]], update: [], delete: [] }, ctx);
    await directory.applyContactChanges({ create: [], update: [{ ...created[0], email: 'alice@example.org' }], delete: [] }, ctx);
    const matches = await directory.matchContacts!({ ids: new Set(), emails: new Set(['alice.martin@example.com', 'alice@example.org']), namePhones: new Set() });
    expect([...matches.byEmail.keys()]).toEqual(['alice@example.org']);
  });
});

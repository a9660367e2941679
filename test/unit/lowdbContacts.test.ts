import fs from 'node:fs';
import path from 'node:path';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import { tempDir } from '../helpers/dialogHarness';

const ctx = { actor: { id: 't', name: 'test' }, flow: 'test' };
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

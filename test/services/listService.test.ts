import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectoryError, type Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import { ListError } from '../../src/domain/listRules';
import type { Contact, WriteContext } from '../../src/domain/types';
import { messages } from '../../src/i18n';
import { ContactEditing } from '../../src/services/contactEditing';
import { ListService } from '../../src/services/listService';

const CTX: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'test' };
let dir: string;
let directory: Directory;
let lists: ListService;
let people: Contact[];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-lists-'));
  directory = await openLowdbDirectory(dir);
  lists = new ListService(directory);
  const editing = new ContactEditing(directory, 'FR');
  people = [];
  for (const name of ['Bob', 'Ada', 'Cy']) {
    const result = await editing.add({ displayName: name, email: `${name.toLowerCase()}@acme.fr` }, CTX);
    if (result.ok) people.push(result.contact);
  }
});

afterEach(async () => {
  await directory.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The code of the ListError a call is refused with. */
async function refusal(call: Promise<unknown>): Promise<[string, Record<string, unknown>]> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ListError)) throw new Error(`expected a ListError, got ${String(error)}`);
  return [error.code, error.details];
}

const ids = (...names: string[]) => names.map((n) => people.find((p) => p.displayName === n)!.id);

describe('creating and naming lists', () => {
  test('a list is created with its trimmed name and description, and audited', async () => {
    const list = await lists.create('  Suppliers   EMEA ', ' Our suppliers ', CTX);
    expect(list).toMatchObject({ name: 'Suppliers EMEA', description: 'Our suppliers' });
    expect((await directory.listAudit()).at(-1)).toMatchObject({ action: 'list.create', target: 'Suppliers EMEA' });
  });

  test('a name is required, at most 80 characters, and unique in any case', async () => {
    await lists.create('VIP', undefined, CTX);
    expect(await refusal(lists.create('   ', undefined, CTX))).toEqual(['list_name_required', {}]);
    expect(await refusal(lists.create('x'.repeat(81), undefined, CTX))).toEqual(['list_name_too_long', { length: 81, max: 80 }]);
    expect((await refusal(lists.create('vip', undefined, CTX)))[0]).toBe('list_name_taken');
    expect(await lists.all()).toHaveLength(1);
  });

  test('rename keeps the id and members, refuses a name another list has, accepts a new case of its own', async () => {
    const vip = await lists.create('VIP', undefined, CTX);
    await lists.create('Partners', undefined, CTX);
    await lists.addMembers('VIP', ids('Ada'), CTX);
    expect((await refusal(lists.rename('vip', 'PARTNERS', CTX)))[0]).toBe('list_name_taken');
    expect(await lists.rename(vip.id, 'Vip', CTX)).toMatchObject({ id: vip.id, name: 'Vip' });
    expect((await lists.show('vip')).members.map((c) => c.displayName)).toEqual(['Ada']);
    expect((await directory.listAudit()).at(-1)).toMatchObject({ action: 'list.update', before: { name: 'VIP' }, after: { name: 'Vip' } });
  });

  test('a list is found by id or by name in any case; an unknown one is list_not_found naming it', async () => {
    const vip = await lists.create('Clients VIP', undefined, CTX);
    expect((await lists.find(vip.id))?.id).toBe(vip.id);
    expect((await lists.find('  clients   vip '))?.id).toBe(vip.id);
    expect(await refusal(lists.show('Nope'))).toEqual(['list_not_found', { value: 'Nope' }]);
  });
});

describe('members', () => {
  test('added and removed in one write each; only the contacts that change are reported', async () => {
    await lists.create('VIP', undefined, CTX);
    expect(await lists.addMembers('VIP', ids('Ada', 'Bob'), CTX)).toEqual({ added: ids('Ada', 'Bob'), removed: [] });
    expect(await lists.addMembers('VIP', ids('Ada', 'Cy'), CTX)).toEqual({ added: ids('Cy'), removed: [] });
    expect((await lists.show('VIP')).members.map((c) => c.displayName)).toEqual(['Ada', 'Bob', 'Cy']);
    expect(await lists.removeMembers('VIP', ids('Bob', 'Bob'), CTX)).toEqual({ added: [], removed: ids('Bob') });
    expect(await lists.all()).toMatchObject([{ name: 'VIP', members: 2 }]);
    expect((await directory.listAudit()).at(-1)).toMatchObject({ action: 'list.members', target: 'VIP', after: { added: [], removed: ['Bob'] } });
  });

  test('a change that adds nobody writes nothing', async () => {
    await lists.create('VIP', undefined, CTX);
    await lists.addMembers('VIP', ids('Ada'), CTX);
    const audit = await directory.listAudit();
    expect(await lists.addMembers('VIP', ids('Ada'), CTX)).toEqual({ added: [], removed: [] });
    expect(await directory.listAudit()).toEqual(audit);
  });

  test('a contact already in 5 lists cannot join a sixth: the whole change is refused, naming them', async () => {
    for (const n of [1, 2, 3, 4, 5, 6]) await lists.create(`L${n}`, undefined, CTX);
    for (const n of [1, 2, 3, 4, 5]) await lists.addMembers(`L${n}`, ids('Ada'), CTX);
    expect(await refusal(lists.addMembers('L6', ids('Bob', 'Ada'), CTX))).toEqual(['too_many_lists', { contactId: ids('Ada')[0], name: 'Ada', max: 5 }]);
    expect((await lists.show('L6')).members).toEqual([]);
  });

  test('an unknown contact id refuses the change: contact_not_found', async () => {
    await lists.create('VIP', undefined, CTX);
    expect(await refusal(lists.addMembers('VIP', [...ids('Ada'), 'gone'], CTX))).toEqual(['contact_not_found', { value: 'gone' }]);
    expect((await lists.show('VIP')).members).toEqual([]);
  });

  test('deleting a list keeps its members as contacts, out of that list only', async () => {
    await lists.create('VIP', undefined, CTX);
    await lists.create('Partners', undefined, CTX);
    await lists.addMembers('VIP', ids('Ada', 'Bob'), CTX);
    await lists.addMembers('Partners', ids('Ada'), CTX);
    const deleted = await lists.delete('vip', CTX);
    expect(deleted.members.map((c) => c.displayName)).toEqual(['Ada', 'Bob']);
    expect(await directory.listContacts()).toHaveLength(3);
    expect((await lists.show('Partners')).members.map((c) => c.displayName)).toEqual(['Ada']);
    expect(await lists.find('VIP')).toBeUndefined();
  });
});

test('a backend without lists says so plainly, in both languages', async () => {
  const unsupported = Object.create(directory) as Directory;
  unsupported.listDistributionLists = async () => {
    throw new DirectoryError('not_supported', 'no lists here');
  };
  const [code] = await refusal(new ListService(unsupported).all());
  expect(code).toBe('lists_not_supported');
  expect(messages('en').lists.errors.lists_not_supported({})).toMatch(/embedded directory only/);
  expect(messages('fr').lists.errors.lists_not_supported({})).toMatch(/annuaire intégré/);
});

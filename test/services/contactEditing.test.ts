import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import { contactInput } from '../../src/domain/contactInput';
import type { WriteContext } from '../../src/domain/types';
import { messages } from '../../src/i18n';
import { ContactEditing, type ContactEditResult } from '../../src/services/contactEditing';
import { fieldIssueMessage } from '../../src/imports/report';

const CTX: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'test' };
let dir: string;
let directory: Directory;
let editing: ContactEditing;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-edit-'));
  directory = await openLowdbDirectory(dir);
  editing = new ContactEditing(directory, 'FR');
});

afterEach(async () => {
  await directory.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const codes = (result: ContactEditResult) => (result.ok ? [] : result.issues.map((i) => [i.field, i.code]));
const saved = (result: ContactEditResult) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result.contact;
};

describe('adding one contact uses the import rules', () => {
  test('a valid contact is stored as an import would store it (E.164, trimmed) and audited with its fields', async () => {
    const contact = saved(await editing.add({ displayName: ' Jean Dupont ', phone1: '06 12 34 56 78', phoneType1: 'Mobile', email: 'jean@acme.fr', city: 'Lyon' }, CTX));
    expect(contact).toMatchObject({ displayName: 'Jean Dupont', phoneNumbers: [{ value: '+33612345678', type: 'mobile' }], email: 'jean@acme.fr', address: { city: 'Lyon' } });
    expect(await directory.getContact(contact.id)).toEqual(contact);
    const audit = (await directory.listAudit()).at(-1)!;
    expect(audit).toMatchObject({ action: 'contact.create', target: 'Jean Dupont', actor: CTX.actor, after: { email: 'jean@acme.fr' } });
  });

  test('every broken rule is reported at once with the import codes, and nothing is written', async () => {
    const result = await editing.add({ displayName: '', phone1: '3.36E+10', phoneType1: 'mobile', phone2: '0612345678', email: 'nope', sipUri: 'x' }, CTX);
    expect(codes(result)).toEqual([
      ['displayName', 'display_name_required'],
      ['phone1', 'phone_scientific_notation'],
      ['phoneType2', 'phone_type_required'],
      ['email', 'email_invalid'],
      ['sipUri', 'sip_invalid'],
    ]);
    expect(await directory.listContacts()).toEqual([]);
    expect(await directory.listAudit()).toEqual([]);
  });

  test('a contact needs a phone, an e-mail or a SIP URI, as in the import', async () => {
    expect(codes(await editing.add({ displayName: 'Nobody' }, CTX))).toEqual([[null, 'contact_method_required']]);
  });

  test('a value over 255 characters is value_too_long', async () => {
    expect(codes(await editing.add({ displayName: 'A', email: 'a@b.fr', title: 'x'.repeat(256) }, CTX))).toEqual([['title', 'value_too_long']]);
  });

  test('a number possible but not in use is saved with the import warning', async () => {
    const result = await editing.add({ displayName: 'Odd', phone1: '+1 555 010 0000', phoneType1: 'work' }, CTX);
    expect(saved(result).phoneNumbers).toEqual([{ value: '+15550100000', type: 'work' }]);
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['phone1', 'phone_not_valid']]);
  });

  test('a contact that already exists (same e-mail in any case, or same name and first number) is refused, naming it', async () => {
    saved(await editing.add({ displayName: 'Jean Dupont', email: 'jean@acme.fr' }, CTX));
    saved(await editing.add({ displayName: 'Accueil', phone1: '01 23 45 67 89', phoneType1: 'work' }, CTX));
    const twin = await editing.add({ displayName: 'J. Dupont', email: 'JEAN@acme.fr' }, CTX);
    expect(codes(twin)).toEqual([['email', 'contact_exists']]);
    expect(!twin.ok && twin.issues[0].details).toEqual({ name: 'Jean Dupont' });
    expect(codes(await editing.add({ displayName: 'accueil', phone1: '+33123456789', phoneType1: 'work' }, CTX))).toEqual([[null, 'contact_exists']]);
    expect(await directory.listContacts()).toHaveLength(2);
  });

  test('the messages are the import messages, with the field named in the reader language', async () => {
    const result = await editing.add({ displayName: 'A', email: 'nope' }, CTX);
    if (result.ok) throw new Error('accepted');
    expect(fieldIssueMessage(messages('fr'), result.issues[0])).toBe('« nope » dans « E-mail » n\'est pas une adresse e-mail valide (attendu : nom@entreprise.fr).');
    expect(fieldIssueMessage(messages('en'), result.issues[0])).toBe('"nope" in "E-mail" is not a valid e-mail address (expected something like name@company.com).');
  });

  test('a Group ID names an existing list by id or exact name; an unknown one is unknown_group', async () => {
    const vip = await directory.createDistributionList('VIP', undefined, CTX);
    expect(saved(await editing.add({ displayName: 'A', email: 'a@b.fr', group1: 'VIP' }, CTX)).groupIds).toEqual([vip.id]);
    expect(codes(await editing.add({ displayName: 'B', email: 'b@b.fr', group1: 'Partners' }, CTX))).toEqual([['group1', 'unknown_group']]);
  });
});

describe('changing one contact', () => {
  test('changes the given fields, keeps the others, and audits before and after', async () => {
    const jean = saved(await editing.add({ displayName: 'Jean', email: 'jean@acme.fr', phone1: '0612345678', phoneType1: 'mobile', title: 'Buyer' }, CTX));
    const updated = saved(await editing.update(jean.id, { title: 'Head buyer', phone2: '4021', phoneType2: 'work_extension' }, CTX));
    expect(updated).toMatchObject({ id: jean.id, createdAt: jean.createdAt, title: 'Head buyer', email: 'jean@acme.fr' });
    expect(updated.phoneNumbers).toEqual([{ value: '+33612345678', type: 'mobile' }, { value: '4021', type: 'work_extension' }]);
    const audit = (await directory.listAudit()).at(-1)!;
    expect(audit).toMatchObject({ action: 'contact.update', target: 'Jean', before: { title: 'Buyer' }, after: { title: 'Head buyer' } });
  });

  test("'' clears a field; clearing the only way to reach the contact is refused", async () => {
    const jean = saved(await editing.add({ displayName: 'Jean', email: 'jean@acme.fr', title: 'Buyer' }, CTX));
    expect(saved(await editing.update(jean.id, { title: '' }, CTX)).title).toBeUndefined();
    expect(codes(await editing.update(jean.id, { email: '' }, CTX))).toEqual([[null, 'contact_method_required']]);
    expect((await directory.getContact(jean.id))?.email).toBe('jean@acme.fr');
  });

  test("another contact's e-mail is email_in_use naming its holder", async () => {
    saved(await editing.add({ displayName: 'Ada', email: 'ada@acme.fr' }, CTX));
    const jean = saved(await editing.add({ displayName: 'Jean', email: 'jean@acme.fr' }, CTX));
    const result = await editing.update(jean.id, { email: 'ADA@acme.fr' }, CTX);
    expect(codes(result)).toEqual([['email', 'email_in_use']]);
    expect(!result.ok && result.issues[0].details).toMatchObject({ name: 'Ada' });
  });

  test('an unchanged value writes nothing', async () => {
    const jean = saved(await editing.add({ displayName: 'Jean', email: 'jean@acme.fr' }, CTX));
    const audit = await directory.listAudit();
    expect(saved(await editing.update(jean.id, { email: 'jean@acme.fr' }, CTX))).toEqual(jean);
    expect(await directory.listAudit()).toEqual(audit);
  });

  test('a contact deleted meanwhile is contact_not_found', async () => {
    expect(codes(await editing.update('gone', { title: 'x' }, CTX))).toEqual([[null, 'contact_not_found']]);
  });

  test('check previews the change without writing it', async () => {
    const jean = saved(await editing.add({ displayName: 'Jean', email: 'jean@acme.fr' }, CTX));
    const preview = await editing.check({ ...contactInput(jean), title: 'CEO' }, jean.id);
    expect(preview.ok && preview.contact.title).toBe('CEO');
    expect((await directory.getContact(jean.id))?.title).toBeUndefined();
    expect(codes(await editing.check({ displayName: 'x', email: 'bad' }))).toEqual([['email', 'email_invalid']]);
  });
});

describe('deleting contacts', () => {
  test('deletes the given contacts in one write, says which ids were already gone, and audits them by name', async () => {
    const a = saved(await editing.add({ displayName: 'Ada', email: 'ada@acme.fr' }, CTX));
    const b = saved(await editing.add({ displayName: 'Bob', email: 'bob@acme.fr' }, CTX));
    const c = saved(await editing.add({ displayName: 'Cy', email: 'cy@acme.fr' }, CTX));
    const result = await editing.delete([a.id, b.id, 'gone', a.id], CTX);
    expect(result.deleted.map((x) => x.displayName)).toEqual(['Ada', 'Bob']);
    expect(result.missing).toEqual(['gone']);
    expect((await directory.listContacts()).map((x) => x.id)).toEqual([c.id]);
    expect((await directory.listAudit()).at(-1)).toMatchObject({ action: 'contacts.delete', target: 'Ada, Bob' });
  });

  test('one contact is audited with all its fields before deletion', async () => {
    const a = saved(await editing.add({ displayName: 'Ada', email: 'ada@acme.fr' }, CTX));
    await editing.delete([a.id], CTX);
    expect((await directory.listAudit()).at(-1)).toMatchObject({ action: 'contact.delete', target: 'Ada', before: { email: 'ada@acme.fr' } });
  });
});

describe('searching contacts', () => {
  beforeEach(async () => {
    saved(await editing.add({ displayName: 'Éloïse Martin', email: 'eloise@acme.fr', companyName: 'ACME' }, CTX));
    saved(await editing.add({ displayName: 'Jean Dupont', phone1: '+33 6 12 34 56 78', phoneType1: 'mobile', phone2: '4021', phoneType2: 'work_extension' }, CTX));
    saved(await editing.add({ displayName: 'Martine Durand', email: 'martine@globex.fr' }, CTX));
  });

  const names = async (query: string) => (await editing.search(query)).items.map((c) => c.displayName);

  test('by words of the name in any case and accent, in any order, sorted by name', async () => {
    expect(await names('martin')).toEqual(['Éloïse Martin', 'Martine Durand']);
    expect(await names('MARTIN eloise')).toEqual(['Éloïse Martin']);
    expect(await names('acme')).toEqual(['Éloïse Martin']);
  });

  test('by e-mail', async () => {
    expect(await names('martine@globex.fr')).toEqual(['Martine Durand']);
  });

  test('by number, international or national, in part, or by extension', async () => {
    expect(await names('06 12 34')).toEqual(['Jean Dupont']);
    expect(await names('+33612345678')).toEqual(['Jean Dupont']);
    expect(await names('4021')).toEqual(['Jean Dupont']);
    expect(await names('12')).toEqual([]);
  });

  test('nothing for an empty query or no match', async () => {
    expect(await names('  ')).toEqual([]);
    expect(await names('zorglub')).toEqual([]);
  });

  test('pages of the given size, the page clamped to those there are', async () => {
    for (let i = 1; i <= 23; i++) saved(await editing.add({ displayName: `Supplier ${i}`, email: `s${i}@x.fr` }, CTX));
    const page3 = await editing.search('supplier', 3, 10);
    expect(page3).toMatchObject({ total: 23, page: 3, pages: 3 });
    expect(page3.items.map((c) => c.displayName)).toEqual(['Supplier 21', 'Supplier 22', 'Supplier 23']);
    expect((await editing.search('supplier', 99, 10)).page).toBe(3);
    expect((await editing.search('supplier', 0, 10)).items[0].displayName).toBe('Supplier 1');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { DirectoryError, type NewContact } from '../../../src/directory/directory';
import { openLowdbDirectory } from '../../../src/directory/lowdb/lowdbDirectory';
import { sandboxSeed } from '../../../src/directory/lowdb/seed';
import type { Contact } from '../../../src/domain/types';
import { tempDir } from '../../helpers/dialogHarness';

const ctx = { actor: { id: 't', name: 'test', role: 'admin' }, flow: 'test' };
const contact = (displayName: string, email?: string): NewContact => ({
  displayName,
  ...(email ? { email } : {}),
  phoneNumbers: [{ value: '+33123456701', type: 'work' }],
  groupIds: [],
});
const journalOf = (dir: string) => path.join(dir, 'contacts.jsonl');
const orgOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'org.json'), 'utf8'));
const names = async (dir: string) => (await (await openLowdbDirectory(dir)).listContacts()).map((c) => c.displayName);

describe('contacts journal (contacts.jsonl beside org.json)', () => {
  test('contacts are not in org.json: an import does not rewrite the org', async () => {
    const dir = tempDir();
    const directory = await openLowdbDirectory(dir);
    await directory.applyContactChanges({ create: [contact('Ada')], update: [], delete: [] }, ctx);
    expect(orgOf(dir).contacts).toBeUndefined();
    expect(fs.readFileSync(journalOf(dir), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(await names(dir)).toEqual(['Ada']);
  });

  test('a last line cut short by a crash is dropped, and later writes land on a clean line', async () => {
    const dir = tempDir();
    await (await openLowdbDirectory(dir)).applyContactChanges({ create: [contact('Kept')], update: [], delete: [] }, ctx);
    fs.appendFileSync(journalOf(dir), '{"at":"2025-01-01","put":[{"id":"x","displayN');
    const directory = await openLowdbDirectory(dir);
    expect((await directory.listContacts()).map((c) => c.displayName)).toEqual(['Kept']);
    await directory.applyContactChanges({ create: [contact('After')], update: [], delete: [] }, ctx);
    expect(await names(dir)).toEqual(['Kept', 'After']);
  });

  test('a last line cut inside an accented character is dropped without touching the line before it', async () => {
    const dir = tempDir();
    await (await openLowdbDirectory(dir)).applyContactChanges({ create: [contact('Hélène')], update: [], delete: [] }, ctx);
    const cut = Buffer.from('{"at":"2025-01-01","put":[{"id":"x","displayName":"Hé', 'utf8');
    fs.appendFileSync(journalOf(dir), cut.subarray(0, cut.length - 1));
    const directory = await openLowdbDirectory(dir);
    expect((await directory.listContacts()).map((c) => c.displayName)).toEqual(['Hélène']);
    await directory.applyContactChanges({ create: [contact('Zoé')], update: [], delete: [] }, ctx);
    expect(await names(dir)).toEqual(['Hélène', 'Zoé']);
  });

  test('a damaged line in the middle stops the start, naming the file and line', async () => {
    const dir = tempDir();
    await (await openLowdbDirectory(dir)).applyContactChanges({ create: [contact('A')], update: [], delete: [] }, ctx);
    fs.appendFileSync(journalOf(dir), 'garbage\n{"at":"x"}\n');
    await expect(openLowdbDirectory(dir)).rejects.toThrow(/contacts\.jsonl line 2 is not valid JSON/);
  });

  test('a job left running is completed from its batch when the batch reached the journal', async () => {
    const dir = tempDir();
    const directory = await openLowdbDirectory(dir);
    const job = await directory.createImportJob({ kind: 'contacts', by: 'test', fileName: 'a.csv' });
    const counts = { created: 1, updated: 0, unchanged: 0, failed: 0 };
    await directory.applyContactChanges({ create: [contact('A')], update: [], delete: [] }, ctx, { jobId: job.id, counts });
    // As if the process died after the journal append, before org.json was written.
    const org = orgOf(dir);
    org.importJobs[0] = job;
    org.audit = [];
    fs.writeFileSync(path.join(dir, 'org.json'), JSON.stringify(org));

    const reopened = await openLowdbDirectory(dir);
    expect(await reopened.listImportJobs()).toEqual([expect.objectContaining({ id: job.id, status: 'done', counts })]);
    expect((await reopened.listAudit()).map((e) => e.action)).toEqual(['contacts.apply']);
  });

  test('a job left running without its batch is marked interrupted, and nothing of it is applied', async () => {
    const dir = tempDir();
    const directory = await openLowdbDirectory(dir);
    const job = await directory.createImportJob({ kind: 'contacts', by: 'test', fileName: 'a.csv' });
    const reopened = await openLowdbDirectory(dir);
    const [ended] = await reopened.listImportJobs();
    expect(ended).toMatchObject({ id: job.id, status: 'interrupted', endedAt: expect.any(String) });
    expect(await reopened.listContacts()).toEqual([]);
    expect(orgOf(dir).importJobs[0].status).toBe('interrupted');
  });

  test('the store refuses an e-mail that would end up on two contacts (email_taken), writing nothing', async () => {
    const directory = await openLowdbDirectory(tempDir());
    const { created } = await directory.applyContactChanges({ create: [contact('Ada', 'ada@example.com')], update: [], delete: [] }, ctx);
    const taken = directory.applyContactChanges({ create: [contact('Other', 'ADA@example.com')], update: [], delete: [] }, ctx);
    await expect(taken).rejects.toMatchObject({ code: 'email_taken' } satisfies Partial<DirectoryError>);
    const twice = directory.applyContactChanges({ create: [contact('B', 'b@example.com'), contact('C', 'b@example.com')], update: [], delete: [] }, ctx);
    await expect(twice).rejects.toMatchObject({ code: 'email_taken' });
    expect((await directory.listContacts()).map((c) => c.displayName)).toEqual(['Ada']);
    // Moving an e-mail from a deleted (or renamed) contact to another in the same batch is allowed.
    const moved = await directory.applyContactChanges({ create: [contact('New Ada', 'ada@example.com')], update: [], delete: [created[0].id] }, ctx);
    expect(moved.created).toHaveLength(1);
  });

  test('concurrent batches are checked one after the other: only one of two takes an e-mail', async () => {
    const directory = await openLowdbDirectory(tempDir());
    const results = await Promise.allSettled(
      ['One', 'Two'].map((name) => directory.applyContactChanges({ create: [contact(name, 'same@example.com')], update: [], delete: [] }, ctx)),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });

  test('contacts of an org.json written before the journal move into it, once', async () => {
    const dir = tempDir();
    const old: Contact = { ...contact('Legacy'), id: 'c-1', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' } as Contact;
    fs.writeFileSync(path.join(dir, 'org.json'), JSON.stringify({ ...sandboxSeed(new Date()), contacts: [old] }));
    expect(await names(dir)).toEqual(['Legacy']);
    expect(orgOf(dir).contacts).toBeUndefined();
    expect(await names(dir)).toEqual(['Legacy']);
  });

  test('an update is journaled as the fields it changed (null: removed), and reopening gives the contact as memory held it', async () => {
    const dir = tempDir();
    const directory = await openLowdbDirectory(dir);
    const full: NewContact = {
      ...contact('Ada', 'ada@example.com'),
      firstName: 'Ada',
      title: 'Engineer',
      address: { city: 'Paris', zip: '75001' },
    };
    const [created] = (await directory.applyContactChanges({ create: [full], update: [], delete: [] }, ctx)).created;
    const { title: _title, address: _address, ...rest } = created;
    const changed = { ...rest, firstName: 'Ada M.', phoneNumbers: [...created.phoneNumbers, { value: '+33612345678', type: 'mobile' as const }] };
    await directory.applyContactChanges({ create: [], update: [changed], delete: [] }, ctx);

    const lines = fs.readFileSync(journalOf(dir), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[1].put).toBeUndefined();
    expect(lines[1].patch).toEqual([
      { id: created.id, firstName: 'Ada M.', title: null, address: null, phoneNumbers: changed.phoneNumbers, updatedAt: expect.any(String) },
    ]);
    const inMemory = await directory.listContacts();
    expect(inMemory[0]).not.toHaveProperty('title');
    expect(await (await openLowdbDirectory(dir)).listContacts()).toEqual(inMemory);
  });

  test('a patch of a contact that no earlier line created stops the start, naming the file and line', async () => {
    const dir = tempDir();
    await (await openLowdbDirectory(dir)).applyContactChanges({ create: [contact('A')], update: [], delete: [] }, ctx);
    fs.appendFileSync(journalOf(dir), `${JSON.stringify({ at: 'x', patch: [{ id: 'nobody', title: 'T' }] })}\n`);
    await expect(openLowdbDirectory(dir)).rejects.toThrow(/contacts\.jsonl line 2 changes contact nobody/);
  });

  test('a journal grown far past its live contacts is compacted on open, keeping every contact', async () => {
    const dir = tempDir();
    const directory = await openLowdbDirectory(dir);
    const { created } = await directory.applyContactChanges({ create: [contact('Keep')], update: [], delete: [] }, ctx);
    for (let i = 0; i < 3; i++) {
      const batch = Array.from({ length: 400 }, (_, j) => contact(`Temp ${i}-${j}`));
      const { created: temp } = await directory.applyContactChanges({ create: batch, update: [], delete: [] }, ctx);
      await directory.applyContactChanges({ create: [], update: [], delete: temp.map((c) => c.id) }, ctx);
    }
    await directory.close();
    const before = fs.statSync(journalOf(dir)).size;
    const reopened = await openLowdbDirectory(dir);
    expect(fs.statSync(journalOf(dir)).size).toBeLessThan(before / 100);
    expect(await reopened.listContacts()).toEqual([expect.objectContaining({ id: created[0].id, displayName: 'Keep' })]);
  });
});

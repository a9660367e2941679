import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { DirectoryError, type Directory, type DirectoryErrorCode, type NewUser } from '../../../src/directory/directory';
import { ContactJournal } from '../../../src/directory/lowdb/contactJournal';
import { openLowdbDirectory } from '../../../src/directory/lowdb/lowdbDirectory';
import type { OrgData } from '../../../src/directory/lowdb/schema';
import { sandboxSeed } from '../../../src/directory/lowdb/seed';
import type { NewContact } from '../../../src/directory/directory';
import type { WriteContext } from '../../../src/domain/types';

const ctx: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'test' };

let dirs: string[] = [];
let opened: Directory[] = [];

afterEach(async () => {
  jest.restoreAllMocks();
  for (const directory of opened) await directory.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
  opened = [];
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-lowdb-'));
  dirs.push(dir);
  return dir;
}

/** A clock that moves one second per call, so that timestamps are ordered and predictable. */
function clock(start = '2025-03-01T09:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

async function open(dir: string, seed?: (now: Date) => OrgData): Promise<Directory> {
  const directory = await openLowdbDirectory(dir, { now: clock(), seed });
  opened.push(directory);
  return directory;
}

const fileOf = (dir: string) => path.join(dir, 'org.json');
const readOrg = (dir: string) => JSON.parse(fs.readFileSync(fileOf(dir), 'utf8')) as OrgData;

async function sandbox() {
  const dir = tempDir();
  const directory = await open(dir);
  const locations = await directory.listLocations();
  const licenses = await directory.listLicenses();
  const locationId = (name: string) => locations.find((l) => l.name === name)!.id;
  const licenseId = (name: string) => licenses.find((l) => l.name === name)!.id;
  const users = await directory.listUsers();
  const user = (displayName: string) => users.find((u) => u.displayName === displayName)!;
  return {
    dir,
    directory,
    paris: locationId('Siège — Paris'),
    it: locationId('IT division'),
    lyon: locationId('Lyon — Entrepôt'),
    suite: licenseId('Webex Suite'),
    professional: licenseId('Webex Calling — Professional'),
    meetings: licenseId('Webex Meetings'),
    jeanMarc: user('Jean-Marc Chamblay'),
    julien: user('Julien Rouchon'),
  };
}

function newUser(overrides: Partial<NewUser> = {}): NewUser {
  return { email: 'ada.lovelace@sandbox.example', firstName: 'Ada', lastName: 'Lovelace', licenseIds: [], ...overrides };
}

function newContact(displayName: string, groupIds: string[] = []): NewContact {
  return { displayName, phoneNumbers: [{ value: '+33100000000', type: 'work' }], groupIds };
}

async function expectDirectoryError(promise: Promise<unknown>, code: DirectoryErrorCode, details?: object) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DirectoryError);
  expect((error as DirectoryError).code).toBe(code);
  if (details) expect((error as DirectoryError).details).toMatchObject(details);
}

describe('opening a data directory', () => {
  it('does not re-seed an existing file: a restart keeps earlier writes and ids', async () => {
    const { dir, directory, paris } = await sandbox();
    const created = await directory.createUser(newUser({ locationId: paris, phoneNumber: '+33142680105' }), ctx);
    await directory.close();

    const seed = jest.fn(sandboxSeed);
    const restarted = await open(dir, seed);
    expect(seed).not.toHaveBeenCalled();
    expect(await restarted.getUser(created.id)).toEqual(created);
    expect((await restarted.listLocations()).map((l) => l.id)).toContain(paris);
    expect(await restarted.listFreeNumbers(paris)).not.toContain('+33142680105');
  });

  it('uses the given seed for a fresh directory', async () => {
    const dir = tempDir();
    const seed = jest.fn((now: Date) => ({ ...sandboxSeed(now), users: [], numbers: [] }));
    const directory = await open(dir, seed);
    expect(seed).toHaveBeenCalledTimes(1);
    expect(await directory.listUsers()).toEqual([]);
    expect(readOrg(dir).users).toEqual([]);
  });

  it('refuses a file that is not valid JSON with its path in the message, and leaves it untouched', async () => {
    const dir = tempDir();
    const garbage = '{"version": 1, "users": [';
    fs.writeFileSync(fileOf(dir), garbage);
    const error = await openLowdbDirectory(dir).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain(fileOf(dir));
    expect(error?.message).toMatch(/not valid JSON/);
    expect(fs.readFileSync(fileOf(dir), 'utf8')).toBe(garbage);
  });

  it('refuses valid JSON that is not an org file of the current version', async () => {
    const dir = tempDir();
    fs.writeFileSync(fileOf(dir), '[]');
    await expect(openLowdbDirectory(dir)).rejects.toThrow(fileOf(dir));
    expect(fs.readFileSync(fileOf(dir), 'utf8')).toBe('[]');
  });
});

describe('reads', () => {
  it('lists users by status and location, sorted by last name then first name', async () => {
    const { directory, paris } = await sandbox();
    await directory.createUser(newUser({ email: 'b@sandbox.example', firstName: 'Bruno', lastName: 'Abel' }), ctx);
    await directory.createUser(newUser({ email: 'a@sandbox.example', firstName: 'Anne', lastName: 'Abel' }), ctx);

    const names = (await directory.listUsers()).map((u) => `${u.lastName} ${u.firstName}`);
    expect(names.slice(0, 2)).toEqual(['Abel Anne', 'Abel Bruno']);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'fr')));

    const pending = await directory.listUsers({ status: 'pending' });
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((u) => u.status === 'pending')).toBe(true);
    expect((await directory.listUsers({ locationId: paris })).map((u) => u.displayName)).toEqual(['Jean-Marc Chamblay']);
  });

  it('finds a user by e-mail whatever the case', async () => {
    const { directory, jeanMarc } = await sandbox();
    expect((await directory.findUserByEmail(jeanMarc.email.toUpperCase()))?.id).toBe(jeanMarc.id);
    expect(await directory.findUserByEmail('nobody@sandbox.example')).toBeUndefined();
  });

  it('lists free numbers sorted, and every number of a location with its owner', async () => {
    const { directory, paris, jeanMarc } = await sandbox();
    const free = await directory.listFreeNumbers(paris);
    expect(free).toEqual([...free].sort());
    const numbers = await directory.listNumbers(paris);
    expect(numbers).toHaveLength(20);
    expect(numbers.find((n) => n.e164 === jeanMarc.phoneNumber)?.ownerId).toBe(jeanMarc.id);
  });

  it('returns copies: mutating a returned user does not change the directory', async () => {
    const { directory, jeanMarc } = await sandbox();
    const user = (await directory.getUser(jeanMarc.id))!;
    user.email = 'changed@sandbox.example';
    user.licenseIds.push('x');
    expect(await directory.getUser(jeanMarc.id)).toEqual(jeanMarc);
  });
});

describe('users', () => {
  it('creates a pending user, not yet invited (invitations are sent apart), that takes the number, with one write and its audit entry', async () => {
    const { dir, directory, paris, suite } = await sandbox();
    const write = jest.spyOn(Low.prototype, 'write');
    const user = await directory.createUser(
      newUser({ licenseIds: [suite], locationId: paris, phoneNumber: '+33142680107', extension: '0107' }),
      ctx,
    );
    expect(write).toHaveBeenCalledTimes(1);
    expect(user).toMatchObject({ status: 'pending', displayName: 'Ada Lovelace', phoneNumber: '+33142680107' });
    expect(user.invitedAt).toBeUndefined();
    expect(user.activatedAt).toBeUndefined();

    const onDisk = readOrg(dir);
    expect(onDisk.users.find((u) => u.id === user.id)).toEqual(user);
    expect(onDisk.numbers.find((n) => n.e164 === '+33142680107')?.ownerId).toBe(user.id);
    expect(onDisk.audit).toEqual([
      expect.objectContaining({ actor: ctx.actor, flow: 'test', action: 'user.create', target: user.email, after: user }),
    ]);
  });

  it('refuses an e-mail already used, whatever its case (email_taken)', async () => {
    const { directory, jeanMarc } = await sandbox();
    await expectDirectoryError(directory.createUser(newUser({ email: ` ${jeanMarc.email.toUpperCase()} ` }), ctx), 'email_taken', {
      email: jeanMarc.email,
      userId: jeanMarc.id,
      displayName: 'Jean-Marc Chamblay',
    });
  });

  it('refuses a number that is taken, unknown, or from another location (number_not_free)', async () => {
    const { directory, paris, it, jeanMarc } = await sandbox();
    await expectDirectoryError(
      directory.createUser(newUser({ locationId: paris, phoneNumber: jeanMarc.phoneNumber }), ctx),
      'number_not_free',
      { phoneNumber: jeanMarc.phoneNumber, ownerId: jeanMarc.id },
    );
    await expectDirectoryError(directory.createUser(newUser({ locationId: paris, phoneNumber: '+33199999999' }), ctx), 'number_not_free');
    await expectDirectoryError(directory.createUser(newUser({ locationId: it, phoneNumber: '+33142680110' }), ctx), 'number_not_free');
    await expectDirectoryError(directory.createUser(newUser({ phoneNumber: '+33142680110' }), ctx), 'number_not_free');
  });

  it('refuses an extension already used in the same location, but not in another one (extension_taken)', async () => {
    const { directory, paris, it, jeanMarc } = await sandbox();
    await expectDirectoryError(
      directory.createUser(newUser({ locationId: paris, extension: jeanMarc.extension }), ctx),
      'extension_taken',
      { extension: jeanMarc.extension, userId: jeanMarc.id },
    );
    await expect(directory.createUser(newUser({ locationId: it, extension: jeanMarc.extension }), ctx)).resolves.toBeDefined();
  });

  it('refuses a licence with no unit left (no_units_left), and counts consumed units from users', async () => {
    const { directory, professional } = await sandbox();
    const consumed = async () => (await directory.listLicenses()).find((l) => l.id === professional)!.consumedUnits;
    expect(await consumed()).toBe(1);
    for (let i = 0; i < 4; i++) {
      await directory.createUser(newUser({ email: `pro${i}@sandbox.example`, licenseIds: [professional] }), ctx);
    }
    expect(await consumed()).toBe(5);
    await expectDirectoryError(
      directory.createUser(newUser({ email: 'pro5@sandbox.example', licenseIds: [professional] }), ctx),
      'no_units_left',
      { licenseId: professional, name: 'Webex Calling — Professional' },
    );
    const [first] = await directory.listUsers({ status: 'pending' }).then((us) => us.filter((u) => u.email.startsWith('pro')));
    await directory.deleteUser(first.id, ctx);
    expect(await consumed()).toBe(4);
  });

  it('refuses unknown licences, locations and users (not_found)', async () => {
    const { directory, jeanMarc } = await sandbox();
    await expectDirectoryError(directory.createUser(newUser({ licenseIds: ['nope'] }), ctx), 'not_found', { id: 'nope' });
    await expectDirectoryError(directory.createUser(newUser({ locationId: 'nope' }), ctx), 'not_found');
    await expectDirectoryError(directory.assignCalling('nope', { locationId: jeanMarc.locationId! }, ctx), 'not_found');
    await expectDirectoryError(directory.assignCalling(jeanMarc.id, { locationId: 'nope' }, ctx), 'not_found');
    await expectDirectoryError(directory.deleteUser('nope', ctx), 'not_found');
    await expectDirectoryError(directory.activateUser('nope', ctx), 'not_found');
    await expectDirectoryError(directory.markInvited(['nope'], '2025-03-02T00:00:00.000Z', ctx), 'not_found');
  });

  it('a refused write changes neither memory nor the file', async () => {
    const { dir, directory, paris, professional } = await sandbox();
    for (let i = 0; i < 4; i++) {
      await directory.createUser(newUser({ email: `pro${i}@sandbox.example`, licenseIds: [professional] }), ctx);
    }
    const fileBefore = fs.readFileSync(fileOf(dir), 'utf8');
    const usersBefore = await directory.listUsers();
    const freeBefore = await directory.listFreeNumbers(paris);
    const auditBefore = await directory.listAudit();

    // The number is free, so it would be taken if the licence were not checked first.
    await expectDirectoryError(
      directory.createUser(newUser({ licenseIds: [professional], locationId: paris, phoneNumber: freeBefore[0] }), ctx),
      'no_units_left',
    );
    await expectDirectoryError(directory.markInvited([usersBefore[0].id, 'nope'], '2030-01-01T00:00:00.000Z', ctx), 'not_found');
    await expectDirectoryError(
      directory.applyContactChanges({ create: [newContact('Kept out')], update: [], delete: ['nope'] }, ctx),
      'not_found',
    );

    expect(await directory.listUsers()).toEqual(usersBefore);
    expect(await directory.listFreeNumbers(paris)).toEqual(freeBefore);
    expect(await directory.listContacts()).toEqual([]);
    expect(await directory.listAudit()).toEqual(auditBefore);
    await directory.close();
    expect(fs.readFileSync(fileOf(dir), 'utf8')).toBe(fileBefore);
  });

  it('lets exactly one of two concurrent createUser calls take the same free number', async () => {
    const { dir, directory, paris } = await sandbox();
    const results = await Promise.allSettled([
      directory.createUser(newUser({ email: 'one@sandbox.example', locationId: paris, phoneNumber: '+33142680111' }), ctx),
      directory.createUser(newUser({ email: 'two@sandbox.example', locationId: paris, phoneNumber: '+33142680111' }), ctx),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: 'number_not_free' });

    await directory.close();
    const onDisk = readOrg(dir);
    const holders = onDisk.users.filter((u) => u.phoneNumber === '+33142680111');
    expect(holders).toHaveLength(1);
    expect(onDisk.numbers.find((n) => n.e164 === '+33142680111')?.ownerId).toBe(holders[0].id);
  });

  it('deleteUser frees the number and the extension and returns the deleted user', async () => {
    const { dir, directory, paris, jeanMarc } = await sandbox();
    const deleted = await directory.deleteUser(jeanMarc.id, ctx);
    expect(deleted).toEqual(jeanMarc);
    expect(await directory.getUser(jeanMarc.id)).toBeUndefined();
    expect(await directory.listFreeNumbers(paris)).toContain(jeanMarc.phoneNumber);

    const reuse = await directory.createUser(
      newUser({ locationId: paris, phoneNumber: jeanMarc.phoneNumber, extension: jeanMarc.extension }),
      ctx,
    );
    expect(reuse.extension).toBe(jeanMarc.extension);
    expect(readOrg(dir).audit[0]).toMatchObject({ action: 'user.delete', target: jeanMarc.email, before: jeanMarc });
  });

  it('assignCalling moves the user to a new number, frees the old one and audits before/after', async () => {
    const { dir, directory, paris, it, julien } = await sandbox();
    const { before, after } = await directory.assignCalling(
      julien.id,
      { locationId: paris, phoneNumber: '+33142680119', extension: '0119' },
      ctx,
    );
    expect(before).toEqual(julien);
    expect(after).toMatchObject({ id: julien.id, locationId: paris, phoneNumber: '+33142680119', extension: '0119' });
    expect(await directory.listFreeNumbers(it)).toContain(julien.phoneNumber);
    expect(await directory.listFreeNumbers(paris)).not.toContain('+33142680119');

    const onDisk = readOrg(dir);
    expect(onDisk.numbers.filter((n) => n.ownerId === julien.id).map((n) => n.e164)).toEqual(['+33142680119']);
    expect(onDisk.audit).toEqual([expect.objectContaining({ action: 'user.assignCalling', before: julien, after })]);
  });

  it('assignCalling accepts the number the user already holds, and can drop the number', async () => {
    const { directory, paris, jeanMarc } = await sandbox();
    await expect(
      directory.assignCalling(jeanMarc.id, { locationId: paris, phoneNumber: jeanMarc.phoneNumber, extension: '9000' }, ctx),
    ).resolves.toMatchObject({ after: { phoneNumber: jeanMarc.phoneNumber, extension: '9000' } });

    const { after } = await directory.assignCalling(jeanMarc.id, { locationId: paris, extension: '9000' }, ctx);
    expect(after).not.toHaveProperty('phoneNumber');
    expect(await directory.listFreeNumbers(paris)).toContain(jeanMarc.phoneNumber);
  });

  it('markInvited sets invitedAt and activateUser makes the user active, both audited', async () => {
    const { dir, directory } = await sandbox();
    const toto = (await directory.listUsers({ status: 'pending' })).find((u) => u.displayName === 'Toto Titi')!;
    await directory.markInvited([toto.id], '2025-03-05T10:00:00.000Z', ctx);
    expect((await directory.getUser(toto.id))?.invitedAt).toBe('2025-03-05T10:00:00.000Z');

    const active = await directory.activateUser(toto.id, ctx);
    expect(active.status).toBe('active');
    expect(active.activatedAt).toBeDefined();
    expect(readOrg(dir).audit.map((e) => [e.action, e.target])).toEqual([
      ['user.invite', toto.email],
      ['user.activate', toto.email],
    ]);
  });
});

describe('contacts and distribution lists', () => {
  it('applies a whole batch in one journal append, and one org.json write for its audit entry', async () => {
    const { dir, directory } = await sandbox();
    const { created: seeded } = await directory.applyContactChanges(
      { create: [newContact('Old one'), newContact('Old two')], update: [], delete: [] },
      ctx,
    );

    const write = jest.spyOn(Low.prototype, 'write');
    const append = jest.spyOn(ContactJournal.prototype, 'append');
    const result = await directory.applyContactChanges(
      {
        create: [newContact('New one'), newContact('New two')],
        update: [{ ...seeded[0], title: 'CFO' }],
        delete: [seeded[1].id],
      },
      ctx,
    );
    expect([append.mock.calls.length, write.mock.calls.length]).toEqual([1, 1]);
    expect(result.created.map((c) => c.displayName)).toEqual(['New one', 'New two']);
    expect(result.deleted).toEqual([seeded[1].id]);

    const [updated] = result.updated;
    expect(updated).toMatchObject({ id: seeded[0].id, title: 'CFO', createdAt: seeded[0].createdAt });
    expect(updated.updatedAt > seeded[0].updatedAt).toBe(true);

    await directory.close();
    const reopened = await openLowdbDirectory(dir);
    expect((await reopened.listContacts()).map((c) => c.displayName).sort()).toEqual(['New one', 'New two', 'Old one']);
    expect(readOrg(dir).audit.at(-1)).toMatchObject({ action: 'contacts.apply', after: { created: 2, updated: 1, deleted: 1 } });
  });

  it('refuses unknown contacts and unknown list ids in a batch (not_found)', async () => {
    const { directory } = await sandbox();
    await expectDirectoryError(
      directory.applyContactChanges({ create: [], update: [{ ...newContact('X'), id: 'nope', createdAt: '', updatedAt: '' }], delete: [] }, ctx),
      'not_found',
    );
    await expectDirectoryError(
      directory.applyContactChanges({ create: [newContact('X', ['no-list'])], update: [], delete: [] }, ctx),
      'not_found',
      { id: 'no-list' },
    );
  });

  it('refuses a list name already used, whatever its case (list_name_taken)', async () => {
    const { directory } = await sandbox();
    await directory.createDistributionList('Fournisseurs', 'Suppliers', ctx);
    await expectDirectoryError(directory.createDistributionList(' fournisseurs ', undefined, ctx), 'list_name_taken', {
      name: 'Fournisseurs',
    });
    expect(await directory.listDistributionLists()).toHaveLength(1);
  });

  it('deleting a list keeps its members as contacts and only removes the membership', async () => {
    const { dir, directory } = await sandbox();
    const keep = await directory.createDistributionList('Keep', undefined, ctx);
    const drop = await directory.createDistributionList('Drop', undefined, ctx);
    await directory.applyContactChanges(
      { create: [newContact('Member', [keep.id, drop.id]), newContact('Outsider')], update: [], delete: [] },
      ctx,
    );

    await directory.deleteDistributionList(drop.id, ctx);
    expect((await directory.listDistributionLists()).map((l) => l.name)).toEqual(['Keep']);
    const contacts = await directory.listContacts();
    expect(contacts.map((c) => [c.displayName, c.groupIds])).toEqual([
      ['Member', [keep.id]],
      ['Outsider', []],
    ]);
    expect(readOrg(dir).audit.at(-1)).toMatchObject({ action: 'list.delete', target: 'Drop' });
    await expectDirectoryError(directory.deleteDistributionList(drop.id, ctx), 'not_found');
  });
});

describe('import jobs and audit', () => {
  it('creates running jobs with zero counts, patches them, and lists the newest first', async () => {
    const { dir, directory } = await sandbox();
    const first = await directory.createImportJob({ kind: 'contacts', by: 'Alice Admin', fileName: 'a.csv' });
    expect(first).toMatchObject({ status: 'running', counts: { created: 0, updated: 0, unchanged: 0, failed: 0 } });
    const done = await directory.updateImportJob(
      first.id,
      { status: 'done', endedAt: '2025-03-01T10:00:00.000Z', counts: { created: 3, updated: 1, unchanged: 0, failed: 2 } },
    );
    const second = await directory.createImportJob({ kind: 'users', by: 'Alice Admin', fileName: 'b.csv' });

    expect(done).toMatchObject({ id: first.id, fileName: 'a.csv', status: 'done', counts: { created: 3, failed: 2 } });
    expect((await directory.listImportJobs()).map((j) => j.id)).toEqual([second.id, first.id]);
    expect(readOrg(dir).importJobs.find((j) => j.id === first.id)).toEqual(done);
    await expectDirectoryError(directory.updateImportJob('nope', { status: 'failed' }), 'not_found');
  });

  it('runs one import at a time per org: a second is refused naming who started the first and when', async () => {
    const { directory } = await sandbox();
    const first = await directory.createImportJob({ kind: 'contacts', by: 'Alice Admin', fileName: 'a.csv' });
    const refused = directory.createImportJob({ kind: 'users', by: 'Bob', fileName: 'b.csv' });
    await expect(refused).rejects.toMatchObject({ code: 'import_running', details: { by: 'Alice Admin', startedAt: first.startedAt } });
    await directory.updateImportJob(first.id, { status: 'failed' });
    await expect(directory.createImportJob({ kind: 'users', by: 'Bob', fileName: 'b.csv' })).resolves.toMatchObject({ status: 'running' });
  });

  it('lists audit entries oldest first, from an ISO instant on', async () => {
    const { directory } = await sandbox();
    await directory.createDistributionList('One', undefined, ctx);
    await directory.createDistributionList('Two', undefined, ctx);
    await directory.createDistributionList('Three', undefined, ctx);
    const all = await directory.listAudit();
    expect(all.map((e) => e.target)).toEqual(['One', 'Two', 'Three']);
    expect((await directory.listAudit(all[1].at)).map((e) => e.target)).toEqual(['Two', 'Three']);
  });

  it('close waits for a write still in flight', async () => {
    const { dir, directory } = await sandbox();
    const pending = directory.createDistributionList('In flight', undefined, ctx);
    await directory.close();
    expect(readOrg(dir).distributionLists.map((l) => l.name)).toEqual(['In flight']);
    await pending;
  });
});

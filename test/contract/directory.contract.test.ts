import { DirectoryError, type Directory, type DirectoryErrorCode, type NewContact } from '../../src/directory/directory';
import type { Contact, WriteContext } from '../../src/domain/types';
import { ContactService } from '../../src/services/contactService';
import { BACKENDS, type Backend } from './backends';

const ctx: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'contract' };

async function refusal(promise: Promise<unknown>): Promise<DirectoryErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DirectoryError);
    return (error as DirectoryError).code;
  }
  throw new Error('the write was accepted');
}

/** A contact as both backends must hold it: its fields, without id and times. */
const fields = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Contact) => rest;
const byName = (a: { displayName: string }, b: { displayName: string }) => a.displayName.localeCompare(b.displayName);

const contact = (displayName: string, extra: Partial<NewContact> = {}): NewContact => ({
  displayName,
  phoneNumbers: [{ value: '+33142000000', type: 'work' }],
  groupIds: [],
  ...extra,
});

describe.each(BACKENDS)('the Directory port on %s', (_name, open) => {
  let backend: Backend;
  let directory: Directory;
  let ids: { paris: string; it: string; lyon: string; suite: string; meetings: string; professional: string };

  beforeEach(async () => {
    backend = await open();
    directory = backend.directory;
    const [locations, licenses] = await Promise.all([directory.listLocations(), directory.listLicenses()]);
    const location = (name: string) => locations.find((l) => l.name === name)!.id;
    const license = (name: string) => licenses.find((l) => l.name === name)!.id;
    ids = {
      paris: location('Siège — Paris'),
      it: location('IT division'),
      lyon: location('Lyon — Entrepôt'),
      suite: license('Webex Suite'),
      meetings: license('Webex Meetings'),
      professional: license('Webex Calling — Professional'),
    };
  });

  afterEach(() => backend.close());

  test('reads: licences with their units, locations, number pools, users sorted by last name', async () => {
    expect((await directory.listLicenses()).map(({ name, totalUnits, consumedUnits, calling }) => [name, totalUnits, consumedUnits, calling])).toEqual([
      ['Webex Suite', 15, 3, true],
      ['Webex Calling — Professional', 5, 1, true],
      ['Webex Meetings', 50, 1, false],
    ]);
    expect((await directory.listLocations()).map((l) => l.name)).toEqual(['Siège — Paris', 'IT division', 'Lyon — Entrepôt']);
    expect(await directory.listFreeNumbers(ids.lyon)).toEqual([]);
    expect(await directory.listFreeNumbers(ids.paris)).toHaveLength(19);
    const lyon = await directory.listNumbers(ids.lyon);
    expect(lyon.map((n) => [n.e164, n.ownerId !== undefined])).toEqual([['+33478550120', true], ['+33478550121', true]]);
    const users = await directory.listUsers();
    expect(users.map((u) => [u.lastName, u.status, u.phoneNumber, u.extension])).toEqual([
      ['Chamblay', 'active', '+33142680100', '0100'],
      ['Dubois', 'active', '+33478550120', '0120'],
      ['Lefèvre', 'pending', '+33478550121', '0121'],
      ['Rouchon', 'active', '+33634333211', '3211'],
      ['Titi', 'pending', undefined, undefined],
    ]);
    expect((await directory.listUsers({ status: 'pending' })).map((u) => u.email)).toEqual(['m.lefevre@sandbox.example', 'toto.titi@sandbox.example']);
    expect((await directory.listUsers({ locationId: ids.lyon })).map((u) => u.lastName)).toEqual(['Dubois', 'Lefèvre']);
    const claire = await directory.findUserByEmail('C.Dubois@Sandbox.example');
    expect(claire).toMatchObject({ displayName: 'Claire Dubois', locationId: ids.lyon, licenseIds: [ids.suite] });
    expect(await directory.getUser(claire!.id)).toEqual(claire);
    expect(await directory.findUserByEmail('nobody@example.com')).toBeUndefined();
  });

  test('createUser: calling data taken, the rules refuse a taken e-mail, number or extension, audit written', async () => {
    const ada = await directory.createUser(
      { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', licenseIds: [ids.suite], locationId: ids.paris, phoneNumber: '+33142680105', extension: '0105' },
      ctx,
    );
    expect(ada).toMatchObject({ email: 'ada@example.com', displayName: 'Ada Lovelace', status: 'pending', licenseIds: [ids.suite], locationId: ids.paris, phoneNumber: '+33142680105', extension: '0105' });
    expect(await directory.listFreeNumbers(ids.paris)).not.toContain('+33142680105');
    expect((await directory.listLicenses())[0].consumedUnits).toBe(4);
    const base = { firstName: 'B', lastName: 'B', licenseIds: [ids.suite], locationId: ids.paris };
    expect(await refusal(directory.createUser({ ...base, email: 'ADA@example.com', extension: '0999' }, ctx))).toBe('email_taken');
    expect(await refusal(directory.createUser({ ...base, email: 'b@example.com', phoneNumber: '+33142680105' }, ctx))).toBe('number_not_free');
    expect(await refusal(directory.createUser({ ...base, email: 'b@example.com', phoneNumber: '+33478550199' }, ctx))).toBe('number_not_free');
    expect(await refusal(directory.createUser({ ...base, email: 'b@example.com', extension: '0105' }, ctx))).toBe('extension_taken');
    expect(await directory.findUserByEmail('b@example.com')).toBeUndefined();
    expect((await directory.listAudit()).map((a) => [a.action, a.target, a.actor.name])).toEqual([['user.create', 'ada@example.com', 'Alice Admin']]);
  });

  test('no unit left on a licence refuses the user', async () => {
    for (let i = 0; i < 4; i++) {
      await directory.createUser({ email: `p${i}@example.com`, firstName: 'P', lastName: `${i}`, licenseIds: [ids.professional], locationId: ids.it, extension: `70${i}` }, ctx);
    }
    const code = await refusal(directory.createUser({ email: 'p9@example.com', firstName: 'P', lastName: '9', licenseIds: [ids.professional], locationId: ids.it, extension: '709' }, ctx));
    expect(code).toBe('no_units_left');
  });

  test('assignCalling moves a user to another number and frees the old one; deleteUser frees theirs', async () => {
    const jm = (await directory.findUserByEmail('jm.chamblay@sandbox.example'))!;
    const { before, after } = await directory.assignCalling(jm.id, { locationId: ids.it, phoneNumber: '+33634333212', extension: '3212' }, ctx);
    expect([before.phoneNumber, after.phoneNumber, after.locationId, after.extension]).toEqual(['+33142680100', '+33634333212', ids.it, '3212']);
    expect(await directory.listFreeNumbers(ids.paris)).toContain('+33142680100');
    expect(await directory.listFreeNumbers(ids.it)).not.toContain('+33634333212');
    const julien = (await directory.findUserByEmail('j.rouchon@sandbox.example'))!;
    expect(await refusal(directory.assignCalling(julien.id, { locationId: ids.it, phoneNumber: '+33634333212' }, ctx))).toBe('number_not_free');
    const gone = await directory.deleteUser(julien.id, ctx);
    expect(gone.email).toBe('j.rouchon@sandbox.example');
    expect(await directory.getUser(julien.id)).toBeUndefined();
    expect(await directory.listFreeNumbers(ids.it)).toContain('+33634333211');
    expect(await refusal(directory.deleteUser(julien.id, ctx))).toBe('not_found');
    expect((await directory.listAudit()).map((a) => a.action)).toEqual(['user.assignCalling', 'user.delete']);
  });

  test('applyUserChanges refuses a batch whole when one change breaks a rule, else writes it and ends the job', async () => {
    const toto = (await directory.findUserByEmail('toto.titi@sandbox.example'))!;
    const good = { email: 'n1@example.com', firstName: 'N', lastName: 'One', licenseIds: [ids.meetings] };
    const clash = { email: 'n2@example.com', firstName: 'N', lastName: 'Two', licenseIds: [ids.suite], locationId: ids.paris, phoneNumber: '+33142680100' };
    expect(await refusal(directory.applyUserChanges({ create: [good, clash], update: [] }, ctx))).toBe('number_not_free');
    expect(await directory.findUserByEmail('n1@example.com')).toBeUndefined();

    const job = await directory.createImportJob({ kind: 'users', by: 'Alice Admin', fileName: 'users.csv' });
    expect(await refusal(directory.createImportJob({ kind: 'contacts', by: 'Bob', fileName: 'c.csv' }))).toBe('import_running');
    const counts = { created: 1, updated: 1, unchanged: 0, failed: 0 };
    const result = await directory.applyUserChanges({ create: [good], update: [{ ...toto, lastName: 'Tata', displayName: 'Toto Tata' }] }, ctx, { jobId: job.id, counts });
    expect(result.created.map((u) => u.email)).toEqual(['n1@example.com']);
    expect(result.updated.map((u) => [u.email, u.displayName])).toEqual([['toto.titi@sandbox.example', 'Toto Tata']]);
    expect(result.job).toMatchObject({ id: job.id, status: 'done', counts });
    expect((await directory.getUser(toto.id))!.lastName).toBe('Tata');
    expect((await directory.listImportJobs()).map((j) => j.status)).toEqual(['done']);
    expect((await directory.listAudit()).map((a) => [a.action, a.after])).toEqual([['users.import', { created: ['n1@example.com'], updated: ['toto.titi@sandbox.example'] }]]);
  });

  test('contacts: created, updated and deleted in one change, read back field for field; an import ends its job', async () => {
    const first = await directory.applyContactChanges(
      {
        create: [
          contact('Alpha', { email: 'alpha@example.com', firstName: 'Al', lastName: 'Pha', title: 'CTO', companyName: 'ACME', address: { street: '1 rue X', city: 'Lyon', zip: '69001', country: 'FR', state: 'ARA' } }),
          contact('Bravo', { phoneNumbers: [{ value: '+33600000001', type: 'mobile' }, { value: '1234', type: 'work_extension' }], sipUri: 'bravo@sip.example.com' }),
          contact('Charlie', { email: 'charlie@example.com' }),
        ],
        update: [],
        delete: [],
      },
      ctx,
    );
    expect(first.created.map((c) => c.displayName)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const listed = await directory.listContacts();
    expect(listed.map(fields).sort(byName)).toEqual(first.created.map(fields).sort(byName));
    expect(listed.find((c) => c.displayName === 'Alpha')).toMatchObject({ title: 'CTO', address: { street: '1 rue X', city: 'Lyon', zip: '69001', country: 'FR', state: 'ARA' } });

    const alpha = first.created[0];
    const charlie = first.created[2];
    const job = await directory.createImportJob({ kind: 'contacts', by: 'Alice Admin', fileName: 'contacts.csv' });
    const counts = { created: 1, updated: 1, unchanged: 1, failed: 0 };
    const second = await directory.applyContactChanges(
      { create: [contact('Delta')], update: [{ ...alpha, title: undefined, email: 'charlie@example.com' }], delete: [charlie.id] },
      ctx,
      { jobId: job.id, counts },
    );
    expect(second.updated.map(fields)).toEqual([fields({ ...alpha, email: 'charlie@example.com', title: undefined } as Contact)].map((c) => JSON.parse(JSON.stringify(c))));
    expect(second.deleted).toEqual([charlie.id]);
    expect(second.job).toMatchObject({ status: 'done', counts });
    expect(second.failed ?? []).toEqual([]);
    expect((await directory.listContacts()).map((c) => c.displayName).sort()).toEqual(['Alpha', 'Bravo', 'Delta']);
    expect(await directory.getContact(charlie.id)).toBeUndefined();
    expect((await directory.getContact(alpha.id))!.title).toBeUndefined();
    expect((await directory.listAudit()).map((a) => [a.action, a.after])).toEqual([
      ['contacts.apply', { created: 3, updated: 0, deleted: 0 }],
      ['contacts.apply', { created: 1, updated: 1, deleted: 1 }],
    ]);
  });

  test('contacts: an e-mail on two contacts, an unknown id or an unknown list refuses the change whole', async () => {
    const { created } = await directory.applyContactChanges({ create: [contact('Echo', { email: 'echo@example.com' })], update: [], delete: [] }, ctx);
    expect(await refusal(directory.applyContactChanges({ create: [contact('Foxtrot', { email: 'ECHO@example.com' })], update: [], delete: [] }, ctx))).toBe('email_taken');
    expect(await refusal(directory.applyContactChanges({ create: [contact('G', { email: 'g@x.com' }), contact('H', { email: 'g@x.com' })], update: [], delete: [] }, ctx))).toBe('email_taken');
    expect(await refusal(directory.applyContactChanges({ create: [], update: [{ ...created[0], id: 'nope' }], delete: [] }, ctx))).toBe('not_found');
    expect(await refusal(directory.applyContactChanges({ create: [contact('I', { groupIds: ['no-such-list'] })], update: [], delete: [] }, ctx))).toBe('not_found');
    expect((await directory.listContacts()).map((c) => c.displayName)).toEqual(['Echo']);
    const single = await directory.applyContactChanges({ create: [], update: [{ ...created[0], title: 'Boss' }], delete: [] }, ctx);
    expect(single.updated[0].title).toBe('Boss');
    expect((await directory.listAudit()).map((a) => a.action)).toEqual(['contact.create', 'contact.update']);
  });

  test('invitations are remembered: markInvited sets invitedAt and audits it', async () => {
    const toto = (await directory.findUserByEmail('toto.titi@sandbox.example'))!;
    await directory.markInvited([toto.id], '2025-03-01T10:00:00.000Z', ctx);
    expect((await directory.getUser(toto.id))!.invitedAt).toBe('2025-03-01T10:00:00.000Z');
    expect((await directory.listAudit()).map((a) => [a.action, a.target])).toEqual([['user.invite', 'toto.titi@sandbox.example']]);
  });

  test('the contacts import flow gives the same report on either backend, and re-importing changes nothing', async () => {
    const service = new ContactService(directory, { region: 'FR', limits: { maxRows: 10_000, maxBytes: 5 * 1024 * 1024 } });
    const csv = [
      'Display Name,Contact UUID,Phone Number 1,Phone Number 1 Type,Contact Email,Title',
      'Zoé Martin,,01 42 68 01 00,work,zoe@example.com,RH',
      'Yann Petit,,06 12 34 56 78,mobile,,',
      'No Way,,,,,',
    ].join('\r\n');
    const run = async () => {
      const outcome = await service.importFile({ bytes: Buffer.from(csv), fileName: 'contacts.csv', dryRun: false }, ctx);
      if (!outcome.ok) throw new Error(outcome.fileError.code);
      return outcome.report;
    };
    const first = await run();
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 1 });
    expect((await directory.listContacts()).map((c) => [c.displayName, c.phoneNumbers[0].value, c.email]).sort()).toEqual([
      ['Yann Petit', '+33612345678', undefined],
      ['Zoé Martin', '+33142680100', 'zoe@example.com'],
    ]);
    expect(await run()).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 1 });
    expect((await directory.listImportJobs()).map((j) => [j.status, j.counts])).toEqual([
      ['done', { created: 0, updated: 0, unchanged: 2, failed: 1 }],
      ['done', { created: 2, updated: 0, unchanged: 0, failed: 1 }],
    ]);
  });
});

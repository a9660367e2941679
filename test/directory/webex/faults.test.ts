import { DirectoryError, type Directory, type NewContact } from '../../../src/directory/directory';
import { openWebexDirectory, type WebexDirectoryOptions } from '../../../src/directory/webex/webexDirectory';
import type { WriteContext } from '../../../src/domain/types';
import { messages } from '../../../src/i18n';
import { ContactService } from '../../../src/services/contactService';
import type { WebexEmulator } from '../../../tools/webex-emulator/server';
import { startEmulator, stopAll, tempDir } from '../../helpers/webexEmulator';

const ctx: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'faults' };
let emulator: WebexEmulator;
let directory: Directory;

async function open(options: Partial<WebexDirectoryOptions> = {}) {
  const started = await startEmulator({ jobDurationMs: 20 });
  emulator = started.emulator;
  directory = await openWebexDirectory({
    apiUrl: started.url,
    token: emulator.token,
    orgId: emulator.orgId,
    dataDir: tempDir(),
    backoffMs: 5,
    maxBackoffMs: 20,
    contactsChunkSize: 25,
    jobPollMs: 10,
    ...options,
  });
}

afterEach(async () => {
  await directory?.close();
  await stopAll();
});

const contacts = (count: number, prefix = 'C'): NewContact[] =>
  Array.from({ length: count }, (_, i) => ({
    displayName: `${prefix} ${String(i).padStart(4, '0')}`,
    email: `${prefix.toLowerCase()}${i}@example.com`,
    phoneNumbers: [{ value: `+3314200${String(i).padStart(4, '0')}`, type: 'work' as const }],
    groupIds: [],
  }));

/** Every contact of the org exactly once, and nothing else. */
function expectExactly(names: string[]) {
  const held = [...emulator.org.contacts.values()].map((c) => String(c.displayName)).sort();
  expect(held).toEqual([...names].sort());
}

describe('contacts in bulk', () => {
  test('a 429 storm: every request waits its Retry-After, nothing lost, nothing twice', async () => {
    await open();
    emulator.faults.rules = [{ match: 'POST /contacts', status: 429, times: 30, retryAfter: 0 }];
    const input = contacts(300);
    const result = await directory.applyContactChanges({ create: input, update: [], delete: [] }, ctx);
    expect(result.created).toHaveLength(300);
    expect(result.failed).toBeUndefined();
    expectExactly(input.map((c) => c.displayName));
    expect(emulator.faults.rules[0].times).toBe(0);
  });

  test('a 5xx after Webex created the chunk: the contacts are found, not created again', async () => {
    await open();
    emulator.faults.rules = [{ match: 'POST /contacts/organizations', status: 503, times: 3, afterProcessing: true }];
    const input = contacts(100);
    const result = await directory.applyContactChanges({ create: input, update: [], delete: [] }, ctx);
    expect(result.created.map((c) => c.displayName).sort()).toEqual(input.map((c) => c.displayName).sort());
    expectExactly(input.map((c) => c.displayName));
  });

  test('a 5xx before anything was created, and a timeout after: each contact exists once', async () => {
    await open({ timeoutMs: 150 });
    emulator.faults.rules = [
      { match: 'POST /contacts/organizations', status: 500, times: 2 },
      { match: 'POST /contacts/organizations', status: 0, times: 1, delayMs: 400 },
    ];
    const input = contacts(80);
    const result = await directory.applyContactChanges({ create: input, update: [], delete: [] }, ctx);
    expect(result.created).toHaveLength(80);
    expect(new Set(result.created.map((c) => c.id)).size).toBe(80);
    expectExactly(input.map((c) => c.displayName));
  });

  test('updates and deletes are repeated safely after a 5xx', async () => {
    await open();
    const { created } = await directory.applyContactChanges({ create: contacts(30), update: [], delete: [] }, ctx);
    emulator.faults.rules = [{ match: 'POST /contacts/organizations', status: 502, times: 4, afterProcessing: true }];
    const result = await directory.applyContactChanges(
      { create: [], update: created.slice(0, 10).map((c) => ({ ...c, title: 'Updated' })), delete: created.slice(10, 20).map((c) => c.id) },
      ctx,
    );
    expect(result.updated).toHaveLength(10);
    expect(result.deleted).toHaveLength(10);
    expect((await directory.listContacts()).filter((c) => c.title === 'Updated')).toHaveLength(10);
    expect(emulator.org.contacts.size).toBe(20);
  });

  test('items Webex refuses one by one are reported by position, the others written, the job counts corrected', async () => {
    await open({ contactsChunkSize: 7 });
    emulator.rejectContact = (c) => (String(c.displayName).endsWith('3') ? 'Refused by policy' : undefined);
    const input = contacts(20);
    const job = await directory.createImportJob({ kind: 'contacts', by: 'Alice Admin', fileName: 'c.csv' });
    const result = await directory.applyContactChanges({ create: input, update: [], delete: [] }, ctx, {
      jobId: job.id,
      counts: { created: 20, updated: 0, unchanged: 0, failed: 1 },
    });
    expect(result.failed).toEqual([
      { kind: 'create', index: 3, code: 'contact.refused', message: 'Refused by policy' },
      { kind: 'create', index: 13, code: 'contact.refused', message: 'Refused by policy' },
    ]);
    expect(result.created).toHaveLength(18);
    expect(result.job).toMatchObject({ status: 'done', counts: { created: 18, updated: 0, unchanged: 0, failed: 3 } });
    expect(emulator.org.contacts.size).toBe(18);
  });

  test('an import whose rows Webex refuses one by one reports those rows failed, at their line, and puts them in the error file', async () => {
    await open({ contactsChunkSize: 2 });
    emulator.rejectContact = (c) => (String(c.displayName) === 'Ben' ? 'Refused by policy.' : undefined);
    const service = new ContactService(directory, { region: 'FR', limits: { maxRows: 100, maxBytes: 100_000 } });
    const csv = 'Display Name,Contact Email\r\nAnna,anna@example.com\r\nBad,not-an-email\r\nBen,ben@example.com\r\nCy,cy@example.com\r\n';
    const outcome = await service.importFile({ bytes: Buffer.from(csv), fileName: 'c.csv', dryRun: false }, ctx);
    if (!outcome.ok) throw new Error('file refused');
    expect(outcome.report).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 2 });
    expect(outcome.report.errors.map((e) => [e.line, e.code, e.details.message ?? null])).toEqual([
      [3, 'email_invalid', null],
      [4, 'backend_rejected', 'Refused by policy.'],
    ]);
    expect(outcome.failed.rows.map((r) => r.cells[0])).toEqual(['Bad', 'Ben']);
    expect(outcome.job).toMatchObject({ status: 'done', counts: { created: 2, failed: 2 } });
    expect(messages('en').import.row.backend_rejected({ message: 'Refused by policy.' })).toBe(
      'Webex refused this row: Refused by policy. Fix the row and import it again (the error file holds it).',
    );
    expectExactly(['Anna', 'Cy']);
  });
});

describe('users one by one', () => {
  const ada = (ids: { suite: string; paris: string }) => ({
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    licenseIds: [ids.suite],
    locationId: ids.paris,
    phoneNumber: '+33142680107',
    extension: '0107',
  });
  const idsOf = async () => ({
    suite: (await directory.listLicenses()).find((l) => l.name === 'Webex Suite')!.id,
    paris: (await directory.listLocations()).find((l) => l.name === 'Siège — Paris')!.id,
  });
  const people = (email: string) => [...emulator.org.people.values()].filter((p) => p.email === email);

  test('400 although the person was created: looked up by e-mail, reported created, never created twice', async () => {
    await open();
    const ids = await idsOf();
    emulator.faults.rules = [{ match: 'POST /people', status: 400, times: 5, afterProcessing: true }];
    const user = await directory.createUser(ada(ids), ctx);
    expect(user).toMatchObject({ email: 'ada@example.com', phoneNumber: '+33142680107', extension: '0107', locationId: ids.paris });
    expect(people('ada@example.com')).toHaveLength(1);
    expect(emulator.faults.rules[0].times).toBe(4);
    expect((await directory.listAudit()).map((a) => a.action)).toEqual(['user.create']);
  });

  test('a 5xx or a timeout on POST /people: looked up first, sent again only when absent, one person in the end', async () => {
    await open({ timeoutMs: 150 });
    const ids = await idsOf();
    emulator.faults.rules = [
      { match: 'POST /people', status: 503, times: 1 },
      { match: 'POST /people', status: 0, times: 1, delayMs: 400 },
    ];
    const user = await directory.createUser(ada(ids), ctx);
    expect(user.email).toBe('ada@example.com');
    expect(people('ada@example.com')).toHaveLength(1);
  });

  test('a real 400 (nobody created) is an error that keeps the trackingId, and nothing is audited', async () => {
    await open();
    const ids = await idsOf();
    emulator.faults.rules = [{ match: 'POST /people', status: 400, times: 1 }];
    await expect(directory.createUser(ada(ids), ctx)).rejects.toThrow(/Webex answered 400 to POST \/people.*trackingId EMU_/);
    expect(people('ada@example.com')).toHaveLength(0);
    expect(await directory.listAudit()).toEqual([]);
  });

  test('a users batch under 5xx and 429: every user once, the result accurate', async () => {
    await open();
    const meetings = (await directory.listLicenses()).find((l) => l.name === 'Webex Meetings')!.id;
    emulator.faults.rules = [
      { match: 'POST /people', status: 502, times: 3, afterProcessing: true },
      { match: 'POST /people', status: 429, times: 3, retryAfter: 0 },
      { match: 'POST /people', status: 500, times: 2 },
    ];
    const create = Array.from({ length: 20 }, (_, i) => ({ email: `u${i}@example.com`, firstName: 'U', lastName: `${i}`, licenseIds: [meetings] }));
    const result = await directory.applyUserChanges({ create, update: [] }, ctx);
    expect(result.created.map((u) => u.email).sort()).toEqual(create.map((u) => u.email).sort());
    for (const { email } of create) expect(people(email)).toHaveLength(1);
  });
});

describe('what Webex does not offer', () => {
  test('distribution lists say plainly that they need the embedded backend; an import naming a list fails that row', async () => {
    await open();
    expect(await directory.listDistributionLists()).toEqual([]);
    const refused = directory.createDistributionList('Sales', undefined, ctx);
    await expect(refused).rejects.toBeInstanceOf(DirectoryError);
    await expect(refused).rejects.toMatchObject({ code: 'not_supported', message: expect.stringContaining('DIRECTORY_BACKEND=lowdb') });
    await expect(directory.changeListMembers('x', { add: [], remove: [] }, ctx)).rejects.toMatchObject({ code: 'not_supported' });
    await expect(directory.activateUser('x', ctx)).rejects.toMatchObject({ code: 'not_supported' });
    const service = new ContactService(directory, { region: 'FR', limits: { maxRows: 100, maxBytes: 100_000 } });
    const csv = 'Display Name,Contact UUID,Phone Number 1,Phone Number 1 Type,Group ID 1\r\nAnna,,0142000000,work,Sales\r\nBen,,0142000001,work,\r\n';
    const outcome = await service.importFile({ bytes: Buffer.from(csv), fileName: 'c.csv', dryRun: false }, ctx);
    expect(outcome.ok && outcome.report).toMatchObject({ created: 1, failed: 1 });
    expect(outcome.ok && outcome.report.errors.map((e) => e.code)).toEqual(['unknown_group']);
  });
});

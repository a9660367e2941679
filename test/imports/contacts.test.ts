import fs from 'node:fs';
import path from 'node:path';
import * as contactPhone from '../../src/domain/contactPhone';
import { contactPlannerAhead, matchEarly } from '../../src/imports/contactPlan';
import { CTX, errorsOf, openHarness, ownFile, sharedFile, warningsOf, type Harness } from './importHarness';

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});

afterEach(async () => {
  jest.restoreAllMocks();
  await h.close();
});

const WEBEX_HEADER = 'Display Name,Contact UUID,Phone Number 1,Phone Number 1 Type,Contact Email,Title';
const webex = (...rows: string[]) => [WEBEX_HEADER, ...rows].join('\r\n');

describe('the shared fixtures', () => {
  test('the filled template creates the 8 "fournisseur" contacts, then re-importing it changes nothing', async () => {
    const first = await h.report(sharedFile('webex-contacts-template-filled.csv'));
    expect(first).toMatchObject({
      dryRun: false,
      file: { format: 'webex-contacts', encoding: 'utf-8', delimiter: ',', rows: 8 },
      created: 8,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
      warnings: [],
    });
    const contacts = await h.directory.listContacts();
    expect(contacts.map((c) => [c.displayName, c.phoneNumbers])).toContainEqual(['fournisseur 5', [{ value: '+33342456789', type: 'work' }]]);

    const again = await h.report(sharedFile('webex-contacts-template-filled.csv'));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 8, failed: 0 });
    expect(await h.directory.listContacts()).toEqual(contacts);
  });

  test('the company sample of seed 004: both contacts accepted, a warning for each possible-but-not-valid number', async () => {
    const report = await h.report(sharedFile('company-contacts-sample.csv'));
    expect(report).toMatchObject({ file: { format: 'company-contacts', rows: 2 }, created: 2, failed: 0, errors: [] });
    expect(warningsOf(report)).toEqual([
      [3, 'téléphone-travail', 'phone_not_valid'],
      [3, 'téléphone-facultatif-1', 'phone_not_valid'],
    ]);
    const contacts = await h.directory.listContacts();
    expect(contacts.map(({ displayName, title, email, phoneNumbers }) => ({ displayName, title, email, phoneNumbers }))).toEqual([
      { displayName: 'John Smith', title: 'Sécurité', email: 'jhon-smith@email.com', phoneNumbers: [{ value: '+491222333444555', type: 'work' }] },
      {
        displayName: 'Maria Beck',
        email: 'maria.beck@email.com',
        phoneNumbers: [
          { value: '+15551234567', type: 'work' },
          { value: '+15559999123', type: 'other' },
        ],
      },
    ]);
  });

  test('the header-only template is refused as header_only', async () => {
    expect(await h.run(sharedFile('webex-contacts-header-only.csv'))).toMatchObject({ ok: false, fileError: { code: 'header_only' } });
  });
});

test('every row rule reports its line (a record over two lines counts from its first), column and code', async () => {
  const report = await h.report(ownFile('webex-row-errors.csv'));
  expect(report).toMatchObject({ file: { rows: 18 }, created: 4, updated: 0, unchanged: 0, failed: 14 });
  expect(errorsOf(report)).toEqual([
    [6, 'Display Name', 'display_name_required'],
    [7, 'Phone Number 1', 'phone_scientific_notation'],
    [8, 'Phone Number 1', 'phone_lost_plus'],
    [9, 'Phone Number 1 Type', 'phone_type_invalid'],
    [10, 'Phone Number 1 Type', 'phone_type_required'],
    [11, 'Phone Number 1', 'extension_invalid'],
    [12, 'Contact Email', 'email_invalid'],
    [13, 'SIP URI', 'sip_invalid'],
    [14, null, 'contact_method_required'],
    [15, 'Contact UUID', 'unknown_contact_uuid'],
    [16, 'Group ID 1', 'unknown_group'],
    [17, null, 'duplicate_row'],
    [18, null, 'too_many_values'],
    [18, 'Phone Number 2 Type', 'phone_type_required'],
    [19, null, 'duplicate_row'],
  ]);
  expect(report.errors.find((e) => e.line === 17)?.details).toMatchObject({ line: 2, identity: 'Contact Email' });
  expect(report.errors.find((e) => e.line === 19)?.details).toMatchObject({ line: 3 });
  expect(warningsOf(report)).toEqual([
    [18, 'Phone Number 1 Type', 'phone_type_without_number'],
    [20, 'Phone Number 2', 'phone_not_valid'],
  ]);
  const names = (await h.directory.listContacts()).map((c) => c.displayName);
  expect(names).toEqual(['Valid One', 'Multi\r\nLine', 'Valid Two', 'Injected']);
});

test('an unknown column is a warning on line 1 and the file imports', async () => {
  const report = await h.report(ownFile('control-hub-extra-column.csv'));
  expect(report).toMatchObject({ created: 1, failed: 0 });
  expect(warningsOf(report)).toEqual([[1, 'Source', 'unknown_column']]);
});

test('columns are reported with the names the file gives them', async () => {
  const report = await h.report('display name;phone number 1;PHONE NUMBER 1 TYPE\nA;0612;work\n');
  expect(errorsOf(report)).toEqual([[2, 'phone number 1', 'phone_invalid']]);
});

describe('long values', () => {
  test('a value over 255 characters is a row error naming its column and length, not a truncation', async () => {
    const report = await h.report(webex(`Long Title,,0123456701,work,,${'x'.repeat(256)}`, `Fine,,0123456702,work,,${'y'.repeat(255)}`));
    expect(errorsOf(report)).toEqual([[2, 'Title', 'value_too_long']]);
    expect(report.errors[0].details).toMatchObject({ length: 256, max: 255 });
    expect(report.created).toBe(1);
  });

  test('a value quoted in a message is clipped to 80 characters', async () => {
    const report = await h.report(webex('Bad Mail,,0123456701,work,' + 'a'.repeat(200) + ','));
    expect(errorsOf(report)).toEqual([[2, 'Contact Email', 'email_invalid']]);
    expect(String(report.errors[0].details.value)).toHaveLength(78);
    expect(String(report.errors[0].details.value).endsWith('…')).toBe(true);
  });
});

describe('identity and matching', () => {
  async function seed(...rows: string[]) {
    expect(await h.report(webex(...rows))).toMatchObject({ failed: 0 });
    return h.directory.listContacts();
  }

  test('a Contact UUID updates that contact, even when its name and e-mail change', async () => {
    const [ada] = await seed('Ada,,0612345678,mobile,ada@example.com,');
    const report = await h.report(webex(`Ada King,${ada.id},0612345678,mobile,ada.king@example.com,Countess`));
    expect(report).toMatchObject({ created: 0, updated: 1 });
    expect(await h.directory.getContact(ada.id)).toMatchObject({ displayName: 'Ada King', email: 'ada.king@example.com', title: 'Countess' });
  });

  test('a Contact UUID written in capitals is the same UUID, matched while the numbers are read', async () => {
    const [ada] = await seed('Ada,,0612345678,mobile,ada@example.com,');
    const match = jest.spyOn(h.directory, 'matchContacts');
    const report = await h.report(webex(`Ada King,${ada.id.toUpperCase()},0612345678,mobile,ada@example.com,Countess`));
    expect(report).toMatchObject({ created: 0, updated: 1, failed: 0 });
    expect(match.mock.calls[0][0].ids).toEqual(new Set([ada.id]));
    expect(await h.directory.getContact(ada.id)).toMatchObject({ displayName: 'Ada King', title: 'Countess' });
  });

  test('without a UUID, the e-mail matches whatever its case', async () => {
    const [ada] = await seed('Ada,,0612345678,mobile,ada@example.com,');
    const report = await h.report(webex('Ada L.,,0612345678,mobile,ADA@Example.com,'));
    expect(report).toMatchObject({ created: 0, updated: 1 });
    expect((await h.directory.getContact(ada.id))?.displayName).toBe('Ada L.');
  });

  test("UUIDs and e-mails are matched while the numbers are read; only display name + first number keys are asked after the checks", async () => {
    const [ada, bob] = await seed('Ada,,0612345678,mobile,ada@example.com,', 'Bob,,01 23 45 67 01,work,,');
    const match = jest.spyOn(h.directory, 'matchContacts');
    const report = await h.report(webex(`Ada K.,${ada.id},0612345678,mobile,ada@example.com,`, 'BOB,,0123456701,work,,Plumber', 'Cy,,0123456702,work,CY@example.com,'));
    expect(report).toMatchObject({ created: 1, updated: 2, failed: 0 });
    expect(match.mock.calls.map(([keys]) => keys)).toEqual([
      { ids: new Set([ada.id]), emails: new Set(['ada@example.com', 'cy@example.com']), namePhones: new Set() },
      { ids: new Set(), emails: new Set(), namePhones: new Set(['bob|+33123456701']) },
    ]);
    expect((await h.directory.getContact(bob.id))?.title).toBe('Plumber');
  });

  test('rows planned while others are checked and rows planned after a display name + number row see each other as duplicates', async () => {
    const report = await h.report(
      webex('Ada,,0612345678,mobile,ada@example.com,', 'Bob,,0123456701,work,,', 'Ada bis,,0612345679,mobile,ADA@example.com,', 'BOB,,01 23 45 67 01,work,,'),
    );
    expect(report).toMatchObject({ created: 2, failed: 2 });
    expect(report.errors.map(({ line, code, details }) => [line, code, details.line])).toEqual([
      [4, 'duplicate_row', 2],
      [5, 'duplicate_row', 3],
    ]);
  });

  test('a key the early match did not ask for is still matched by the planner', async () => {
    const [ada] = await seed('Ada,,0612345678,mobile,ada@example.com,');
    const draft = { displayName: 'Ada', phoneNumbers: [], email: 'ADA@example.com', address: {}, groupRefs: [] };
    const planner = await contactPlannerAhead(h.directory, new Set(['displayName', 'email'] as const), matchEarly(h.directory, [], [])!);
    await planner.complete(h.directory, [draft]);
    expect(planner.matchOf(draft)?.id).toBe(ada.id);
  });

  test('a display name + first number that several contacts share is a row error, and none of them changes', async () => {
    const before = await seed('Accueil,,01 23 45 67 00,work,accueil@nord.example.com,', 'Accueil,,01 23 45 67 00,work,accueil@sud.example.com,');
    const report = await h.report(webex('ACCUEIL,,0123456700,work,,Switchboard', 'Other,,0123456799,work,,'));
    expect(report).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(report.errors).toMatchObject([{ line: 2, column: null, code: 'ambiguous_contact' }]);
    expect((await h.directory.listContacts()).filter((c) => c.displayName === 'Accueil')).toEqual(before);
  });

  test('without UUID nor e-mail, display name (any case) + first number match', async () => {
    const [bob] = await seed('Bob,,01 23 45 67 01,work,,');
    expect(await h.report(webex('BOB,,0123456701,work,,Plumber'))).toMatchObject({ created: 0, updated: 1 });
    expect((await h.directory.getContact(bob.id))?.title).toBe('Plumber');
    expect(await h.report(webex('Bob,,0123456799,work,,'))).toMatchObject({ created: 1 });
  });

  test('a row equal to its contact is unchanged and no contact is written', async () => {
    await seed('Ada,,0612345678,mobile,ada@example.com,');
    const apply = jest.spyOn(h.directory, 'applyContactChanges');
    expect(await h.report(webex('Ada,,06 12 34 56 78,Mobile,ada@example.com,'))).toMatchObject({ unchanged: 1, updated: 0, created: 0 });
    expect(apply.mock.calls.map(([changes]) => changes)).toEqual([{ create: [], update: [], delete: [] }]);
  });

  test('an e-mail used by another contact is refused, naming that contact', async () => {
    await seed('Ada,,0612345678,mobile,ada@example.com,', 'Bob,,0123456701,work,bob@example.com,');
    const [, bob] = await h.directory.listContacts();
    const report = await h.report(webex(`Bob,${bob.id},0123456701,work,ada@example.com,`));
    expect(errorsOf(report)).toEqual([[2, 'Contact Email', 'email_in_use']]);
    expect(report.errors[0].details).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
  });

  test('two rows giving the same e-mail to two contacts: the second is refused', async () => {
    const [ada, bob] = await seed('Ada,,0612345678,mobile,ada@example.com,', 'Bob,,0123456701,work,bob@example.com,');
    const report = await h.report(webex(`Ada,${ada.id},0612345678,mobile,new@example.com,`, `Bob,${bob.id},0123456701,work,NEW@example.com,`));
    expect(errorsOf(report)).toEqual([[3, 'Contact Email', 'email_twice_in_file']]);
    expect(report.errors[0].details).toMatchObject({ line: 2 });
  });

  test.each([
    ['the same UUID', (id: string) => [`Ada,${id},0612345678,mobile,,`, `Ada bis,${id},0612345678,mobile,,`], 'Contact UUID'],
    ['the same e-mail', () => ['New,,0611111111,mobile,n@example.com,', 'New bis,,0622222222,mobile,N@EXAMPLE.COM,'], 'Contact Email'],
    ['the same name and first number', () => ['Carl,,0611111111,mobile,,', 'carl,,06 11 11 11 11,work,,'], 'Display Name + Phone Number 1'],
  ])('a later row with %s is duplicate_row of the first', async (_name, rows, identity) => {
    const [ada] = await seed('Ada,,0612345678,mobile,,');
    const report = await h.report(webex(...rows(ada.id)));
    expect(errorsOf(report)).toEqual([[3, null, 'duplicate_row']]);
    expect(report.errors[0].details).toMatchObject({ line: 2, identity });
  });

  test('a later row with the same display name and no number (a SIP URI each) is duplicate_row by Display Name alone', async () => {
    const report = await h.report('Display Name,Phone Number 1,Phone Number 1 Type,SIP URI\r\nDan,,,dan@sip.example.com\r\nDAN,,,dan2@sip.example.com\r\n');
    expect(errorsOf(report)).toEqual([[3, null, 'duplicate_row']]);
    expect(report.errors[0].details).toMatchObject({ line: 2, identity: 'Display Name' });
  });

  test('a company-contacts file updates only its own fields and keeps the others', async () => {
    const header = 'Display Name,First Name,Phone Number 1,Phone Number 1 Type,Contact Email,Address City';
    await h.report(`${header}\r\nMaria Beck,Maria,0612345678,mobile,maria.beck@email.com,Lyon\r\n`);
    const report = await h.report('nom-contact,poste,e-mail,téléphone-travail,téléphone-facultatif-1,téléphone-facultatif-2,\r\nMaria Beck,Achats,maria.beck@email.com,0123456701,,,\r\n');
    expect(report).toMatchObject({ updated: 1 });
    const [maria] = await h.directory.listContacts();
    expect(maria).toMatchObject({ firstName: 'Maria', title: 'Achats', address: { city: 'Lyon' }, phoneNumbers: [{ value: '+33123456701', type: 'work' }] });
  });

  test('an empty cell of a column in the file clears that field', async () => {
    const [ada] = await seed('Ada,,0612345678,mobile,ada@example.com,Countess');
    await h.report(webex(`Ada,${ada.id},0612345678,mobile,ada@example.com,`));
    expect((await h.directory.getContact(ada.id))?.title).toBeUndefined();
  });
});

describe('Group ID columns', () => {
  const header = 'Display Name,Contact Email,Group ID 1,Group ID 2';

  test('with no distribution list, any Group ID is unknown_group naming it', async () => {
    const report = await h.report(`${header}\nAda,ada@example.com,,Partners\n`);
    expect(errorsOf(report)).toEqual([[2, 'Group ID 2', 'unknown_group']]);
    expect(report.errors[0].details).toMatchObject({ value: 'Partners' });
  });

  test('an existing list is kept on the contact, given by id or by exact name', async () => {
    const vip = await h.directory.createDistributionList('VIP', undefined, CTX);
    const partners = await h.directory.createDistributionList('Partners', undefined, CTX);
    expect(await h.report(`${header}\nAda,ada@example.com,${vip.id},Partners\n`)).toMatchObject({ created: 1 });
    expect((await h.directory.listContacts())[0].groupIds).toEqual([vip.id, partners.id]);
    expect(errorsOf(await h.report(`${header}\nBob,bob@example.com,vip,\n`))).toEqual([[2, 'Group ID 1', 'unknown_group']]);
  });
});

describe('writes', () => {
  test('creates and updates of one import are one write to the store', async () => {
    await h.report(webex('Ada,,0612345678,mobile,ada@example.com,'));
    const apply = jest.spyOn(h.directory, 'applyContactChanges');
    const report = await h.report(webex('Ada,,0612345678,mobile,ada@example.com,Countess', 'Bob,,0123456701,work,,', 'Carl,,0123456702,work,,'));
    expect(report).toMatchObject({ created: 2, updated: 1 });
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0][0]).toMatchObject({ create: [{ displayName: 'Bob' }, { displayName: 'Carl' }], update: [{ displayName: 'Ada' }], delete: [] });
  });

  test("each number is read once: a row's check takes its numbers as read ahead, a switchboard repeated on every row included", async () => {
    const read = jest.spyOn(contactPhone, 'readContactPhone');
    const rows = Array.from({ length: 40 }, (_, i) => `Row ${i},,01 40 00 00 ${String(i).padStart(2, '0')},work,,`);
    const switchboard = Array.from({ length: 10 }, (_, i) => `Desk ${i},,01 40 99 99 99,work,desk${i}@example.com,`);
    const report = await h.report(webex(...rows, ...switchboard));
    expect(report).toMatchObject({ created: 50, failed: 0 });
    expect(read).toHaveBeenCalledTimes(41);
  });

  test('a dry run reports what would happen and writes nothing, not even an import job', async () => {
    const orgFile = path.join(h.dir, 'org.json');
    const before = fs.readFileSync(orgFile, 'utf8');
    const outcome = await h.run(sharedFile('webex-contacts-template-filled.csv'), { dryRun: true });
    expect(outcome).toMatchObject({ ok: true, report: { dryRun: true, created: 8 }, job: undefined });
    expect(fs.readFileSync(orgFile, 'utf8')).toBe(before);
    expect(await h.directory.listContacts()).toEqual([]);
    expect(await h.directory.listImportJobs()).toEqual([]);
  });

  test('an import job records who, which file, when, the counts and the status', async () => {
    const outcome = await h.run(ownFile('webex-row-errors.csv'), { fileName: 'row-errors.csv' });
    const [job] = await h.directory.listImportJobs();
    expect(job).toEqual({
      id: expect.any(String),
      kind: 'contacts',
      by: CTX.actor.name,
      fileName: 'row-errors.csv',
      startedAt: expect.any(String),
      endedAt: expect.any(String),
      status: 'done',
      counts: { created: 4, updated: 0, unchanged: 0, failed: 14 },
    });
    expect(outcome.job).toEqual(job);
    expect(job.endedAt! >= job.startedAt).toBe(true);
  });

  test('a refused file is a failed job and no contact is written', async () => {
    const outcome = await h.run('Name,Phone\nAda,0612345678\n');
    expect(outcome).toMatchObject({ ok: false, dryRun: false, fileError: { code: 'unknown_header' } });
    expect((await h.directory.listImportJobs())[0]).toMatchObject({ status: 'failed', counts: { created: 0, failed: 0 } });
    expect(await h.directory.listContacts()).toEqual([]);
  });

  test('when the store refuses the batch, the job is failed and the error goes up', async () => {
    jest.spyOn(h.directory, 'applyContactChanges').mockRejectedValue(new Error('disk full'));
    await expect(h.run(webex('Ada,,0612345678,mobile,,'))).rejects.toThrow('disk full');
    expect((await h.directory.listImportJobs())[0].status).toBe('failed');
  });
});

describe('whole-file refusals', () => {
  test.each([
    ['an empty file', '', 'empty_file'],
    ['only blank lines', '\r\n\r\n  \r\n', 'empty_file'],
    ['a header and blank lines', `${WEBEX_HEADER}\r\n\r\n,,,,,\r\n`, 'header_only'],
    ['binary content', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x89, 0x50]), 'not_text'],
    ['an unknown header', 'Name,Phone\nAda,0612345678\n', 'unknown_header'],
    ['a missing required column', 'Contact Email,Title\nada@example.com,x\n', 'missing_column'],
    ['an unclosed quote', `${WEBEX_HEADER}\r\n"Ada,,0612345678,mobile,,\r\n`, 'malformed_csv'],
  ])('%s is refused with %s', async (_name, file, code) => {
    expect(await h.run(file)).toMatchObject({ ok: false, fileError: { code } });
  });

  test('more data rows than the limit: the whole file is refused, nothing written', async () => {
    const small = await openHarness({ maxRows: 2, maxBytes: 1024 });
    try {
      const outcome = await small.run(webex('A,,0611111111,mobile,,', 'B,,0622222222,mobile,,', 'C,,0633333333,mobile,,'));
      expect(outcome).toMatchObject({ ok: false, fileError: { code: 'too_many_rows', details: { rows: 3, max: 2 } } });
      expect(await small.directory.listContacts()).toEqual([]);
      expect(await small.report(webex('A,,0611111111,mobile,,', 'B,,0622222222,mobile,,'))).toMatchObject({ created: 2 });
    } finally {
      await small.close();
    }
  });

  test('a file over the byte limit is refused before being read', async () => {
    const small = await openHarness({ maxRows: 10, maxBytes: 100 });
    try {
      const file = webex('A,,0611111111,mobile,,', 'B,,0622222222,mobile,,');
      expect(await small.run(file)).toMatchObject({ ok: false, fileError: { code: 'too_large', details: { size: Buffer.byteLength(file), max: 100 } } });
    } finally {
      await small.close();
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import { importContacts } from '../../src/imports/contacts';
import type { User } from '../../src/domain/types';
import { messages } from '../../src/i18n';
import { importErrorFile, issueMessage } from '../../src/imports/report';
import type { ImportOutcome } from '../../src/imports/pipeline';
import type { UsersImportReport } from '../../src/imports/users';
import { UserFileService } from '../../src/services/userFiles';
import type { UsersImportMode } from '../../src/imports/userPlan';
import { CTX, readRows, writeRows } from './importHarness';

const HEADER = 'User ID/Email (Required),First Name,Last Name,Display Name,Location,Phone Number,Extension,Webex Suite,Webex Calling — Professional,Webex Meetings';

let dir: string;
let directory: Directory;
let service: UserFileService;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-users-'));
  directory = await openLowdbDirectory(dir);
  service = new UserFileService(directory, { region: 'FR', limits: { maxRows: 1000, maxBytes: 5 * 1024 * 1024 } });
});

afterEach(async () => {
  await directory.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8');

async function run(bytes: Buffer, options: { mode?: UsersImportMode; dryRun?: boolean } = {}): Promise<ImportOutcome<UsersImportReport>> {
  return service.importFile({ bytes, fileName: 'users.csv', dryRun: options.dryRun ?? false }, CTX, options.mode ?? 'add');
}

async function report(bytes: Buffer, options: { mode?: UsersImportMode; dryRun?: boolean } = {}): Promise<UsersImportReport> {
  const outcome = await run(bytes, options);
  if (!outcome.ok) throw new Error(`file refused: ${outcome.fileError.code}`);
  return outcome.report;
}

const issues = (list: UsersImportReport['errors']) => list.map((e) => [e.line, e.column, e.code]);
const byEmail = async (email: string): Promise<User | undefined> => directory.findUserByEmail(email);

describe('new users', () => {
  it('a row with a non-calling licence creates a pending user, not yet invited', async () => {
    const r = await report(csv('ada@example.com,Ada,Lovelace,,,,,,,TRUE'));
    expect(r).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: 0, mode: 'add', file: { format: 'webex-users', rows: 1 } });
    const ada = await byEmail('ada@example.com');
    expect(ada).toMatchObject({ status: 'pending', displayName: 'Ada Lovelace', firstName: 'Ada' });
    expect(ada?.invitedAt).toBeUndefined();
  });

  it('an empty extension beside a number gets the last 4 digits, as a warning; the number leaves the free pool', async () => {
    const r = await report(csv('bob@example.com,Bob,Martin,,IT division,06 34 33 32 13,,TRUE,,'));
    expect(r.created).toBe(1);
    expect(issues(r.warnings)).toEqual([[2, 'Extension', 'extension_suggested']]);
    expect(issueMessage(messages('en'), r.warnings[0])).toBe('"Extension" was empty: the extension is 3213, the last 4 digits of +33634333213.');
    expect(await byEmail('bob@example.com')).toMatchObject({ phoneNumber: '+33634333213', extension: '3213' });
    const it = (await directory.listLocations()).find((l) => l.name === 'IT division')!;
    expect(await directory.listFreeNumbers(it.id)).not.toContain('+33634333213');
  });

  it('French Excel booleans (VRAI/FAUX) are read like TRUE/FALSE', async () => {
    const r = await report(csv('eve@example.com,Eve,Curie,,,,,FAUX,,VRAI'));
    expect(r.created).toBe(1);
    const meetings = (await directory.listLicenses()).find((l) => l.name === 'Webex Meetings')!;
    expect((await byEmail('eve@example.com'))?.licenseIds).toEqual([meetings.id]);
  });

  it('with no name, the display name is the e-mail', async () => {
    await report(csv('noname@example.com,,,,,,,,,TRUE'));
    expect((await byEmail('noname@example.com'))?.displayName).toBe('noname@example.com');
  });
});

describe('row errors: the row fails, the others are imported', () => {
  test.each([
    ['no e-mail', ',Ada,Lovelace,,,,,,,TRUE', [[2, 'User ID/Email (Required)', 'email_required']]],
    ['a malformed e-mail', 'ada.example.com,Ada,Lovelace,,,,,,,TRUE', [[2, 'User ID/Email (Required)', 'email_invalid']]],
    ['a licence cell that is neither TRUE nor FALSE', 'ada@example.com,Ada,L,,,,,,,maybe', [[2, 'Webex Meetings', 'license_value_invalid']]],
    ['a new user without any licence', 'ada@example.com,Ada,L,,,,,,,', [[2, null, 'new_user_needs_license']]],
    ['a calling licence without location', 'ada@example.com,Ada,L,,,,1234,TRUE,,', [[2, 'Location', 'location_required']]],
    ['a location that does not exist', 'ada@example.com,Ada,L,,Mars,,1234,TRUE,,', [[2, 'Location', 'unknown_location']]],
    ['a calling licence with neither number nor extension', 'ada@example.com,Ada,L,,IT division,,,TRUE,,', [[2, null, 'number_or_extension_required']]],
    ['a number of another location', 'ada@example.com,Ada,L,,IT division,+33142680105,,TRUE,,', [[2, 'Phone Number', 'number_not_in_location']]],
    ['a number someone holds', 'ada@example.com,Ada,L,,IT division,+33634333211,,TRUE,,', [[2, 'Phone Number', 'number_taken']]],
    ['an extension someone holds in the location', 'ada@example.com,Ada,L,,Siège — Paris,,0100,TRUE,,', [[2, 'Extension', 'extension_taken']]],
    ['an extension of letters', 'ada@example.com,Ada,L,,Siège — Paris,,12a4,TRUE,,', [[2, 'Extension', 'extension_invalid']]],
    ['a number that lost its + in a spreadsheet', 'ada@example.com,Ada,L,,IT division,4915123456789,,TRUE,,', [[2, 'Phone Number', 'phone_lost_plus']]],
    ['a number in scientific notation', 'ada@example.com,Ada,L,,IT division,3.36343E+10,,TRUE,,', [[2, 'Phone Number', 'phone_scientific_notation']]],
    ['calling cells without a calling licence', 'ada@example.com,Ada,L,,IT division,,4321,,,TRUE', [[2, null, 'calling_needs_license']]],
  ])('%s', async (_name, row, expected) => {
    const r = await report(csv(row, 'ok@example.com,Ok,Fine,,,,,,,TRUE'));
    expect(issues(r.errors)).toEqual(expected);
    expect(r).toMatchObject({ created: 1, failed: 1 });
    expect(await byEmail('ok@example.com')).toBeDefined();
    // Every error reads as a sentence in both languages.
    for (const e of r.errors) for (const locale of ['fr', 'en'] as const) expect(issueMessage(messages(locale), e)).toMatch(/\w.{10,}/);
  });

  it('the same e-mail twice: the later row is a duplicate of the first', async () => {
    const r = await report(csv('ada@example.com,Ada,L,,,,,,,TRUE', 'ADA@example.com,Ada,L,,,,,,,TRUE'));
    expect(issues(r.errors)).toEqual([[3, null, 'duplicate_row']]);
    expect(r.errors[0].details).toMatchObject({ line: 2, identity: 'User ID/Email (Required)' });
  });

  it('a number or an extension given to two rows: the second row fails, naming the first', async () => {
    const r = await report(
      csv(
        'a@example.com,A,A,,IT division,+33634333214,,TRUE,,',
        'b@example.com,B,B,,IT division,+33634333214,,TRUE,,',
        'c@example.com,C,C,,IT division,,7777,TRUE,,',
        'd@example.com,D,D,,IT division,,7777,TRUE,,',
      ),
    );
    expect(issues(r.errors)).toEqual([
      [3, 'Phone Number', 'number_twice_in_file'],
      [5, 'Extension', 'extension_twice_in_file'],
    ]);
    expect(r.errors.map((e) => e.details.line)).toEqual([2, 4]);
  });

  it('a suggested extension (last 4 digits) already used in the location is an error asking for one', async () => {
    // The first row takes extension 3212 by hand; the second row's number ends with 3212.
    const r = await report(csv('a@example.com,A,A,,IT division,,3212,TRUE,,', 'b@example.com,B,B,,IT division,+33634333212,,TRUE,,'));
    expect(issues(r.errors)).toEqual([[3, 'Extension', 'suggested_extension_taken']]);
  });

  it('units are counted across the file: the row that takes the last unit passes, the next one fails', async () => {
    const professional = (await directory.listLicenses()).find((l) => l.name === 'Webex Calling — Professional')!;
    const left = professional.totalUnits - professional.consumedUnits;
    const rows = Array.from({ length: left + 1 }, (_, i) => `p${i}@example.com,P,${i},,Siège — Paris,,${5000 + i},,TRUE,`);
    const r = await report(csv(...rows));
    expect(r.created).toBe(left);
    expect(issues(r.errors)).toEqual([[left + 2, 'Webex Calling — Professional', 'no_units_left']]);
  });
});

describe('existing users (matched by e-mail, any case) and the two modes', () => {
  it('"add services only": TRUE adds a licence, FALSE changes nothing', async () => {
    const r = await report(csv('TOTO.TITI@sandbox.example,,,,,,,,,FALSE', 'jm.chamblay@sandbox.example,,,,,,,,,TRUE'), { mode: 'add' });
    expect(r).toMatchObject({ updated: 1, unchanged: 1, failed: 0, mode: 'add' });
    const meetings = (await directory.listLicenses()).find((l) => l.name === 'Webex Meetings')!;
    expect((await byEmail('toto.titi@sandbox.example'))?.licenseIds).toEqual([meetings.id]);
    expect((await byEmail('jm.chamblay@sandbox.example'))?.licenseIds).toContain(meetings.id);
  });

  it('"add and remove services": FALSE removes the licence; losing the last calling licence frees the number', async () => {
    const rouchon = (await byEmail('j.rouchon@sandbox.example'))!;
    const r = await report(csv('j.rouchon@sandbox.example,,,,,,,FALSE,,TRUE'), { mode: 'add-remove' });
    expect(r).toMatchObject({ updated: 1, mode: 'add-remove' });
    const after = (await byEmail('j.rouchon@sandbox.example'))!;
    expect(after.licenseIds).toHaveLength(1);
    expect(after.phoneNumber).toBeUndefined();
    expect(after.extension).toBeUndefined();
    expect(await directory.listFreeNumbers(rouchon.locationId!)).toContain(rouchon.phoneNumber);
  });

  it('empty cells leave a user as they are; a changed name updates them', async () => {
    const r = await report(csv('c.dubois@sandbox.example,,,,,,,,,', 'm.lefevre@sandbox.example,Marc-Antoine,,,,,,,,'));
    expect(r).toMatchObject({ unchanged: 1, updated: 1 });
    expect(await byEmail('m.lefevre@sandbox.example')).toMatchObject({ firstName: 'Marc-Antoine', lastName: 'Lefèvre' });
  });

  it('a user moving to another location with a number of that location: the old number goes back to its pool', async () => {
    const rouchon = (await byEmail('j.rouchon@sandbox.example'))!;
    const r = await report(csv('j.rouchon@sandbox.example,,,,Siège — Paris,+33142680111,0111,,,'));
    expect(r.updated).toBe(1);
    expect(await byEmail('j.rouchon@sandbox.example')).toMatchObject({ phoneNumber: '+33142680111', extension: '0111' });
    expect(await directory.listFreeNumbers(rouchon.locationId!)).toContain(rouchon.phoneNumber);
  });
});

describe('files, round trips and the store', () => {
  it('export → edit → import updates only what was edited, and importing it again changes nothing', async () => {
    const exported = readRows((await service.exportCsv()).csv);
    expect(exported[0]).toEqual(HEADER.split(','));
    const toto = exported.findIndex((row) => row[0] === 'toto.titi@sandbox.example');
    exported[toto][1] = 'Thomas';
    const edited = Buffer.from(writeRows(exported), 'utf8');
    const first = await report(edited);
    expect(first).toMatchObject({ created: 0, updated: 1, unchanged: exported.length - 2, failed: 0 });
    expect((await byEmail('toto.titi@sandbox.example'))?.firstName).toBe('Thomas');
    expect(await report(edited)).toMatchObject({ updated: 0, unchanged: exported.length - 1 });
  });

  it('the error file holds the failed rows and a Comments column; fixed as it is, it imports', async () => {
    const outcome = await run(csv('ok@example.com,Ok,Fine,,,,,,,TRUE', 'bad@example.com,Bad,Row,,Mars,,1234,TRUE,,'));
    if (!outcome.ok) throw new Error('refused');
    const errorFile = readRows(importErrorFile(messages('fr'), outcome.failed)!);
    expect(errorFile[0].at(-1)).toBe('Commentaires');
    expect(errorFile.slice(1).map((row) => row[0])).toEqual(['bad@example.com']);
    errorFile[1][4] = 'IT division';
    const fixed = await report(Buffer.from(writeRows(errorFile), 'utf8'));
    expect(fixed).toMatchObject({ created: 1, failed: 0 });
  });

  it('the template is the header with the org licences', async () => {
    expect(readRows(await service.templateCsv())).toEqual([HEADER.split(',')]);
  });

  it('a dry run writes nothing', async () => {
    const before = await directory.listUsers();
    const r = await report(csv('ada@example.com,Ada,L,,,,,,,TRUE'), { dryRun: true });
    expect(r).toMatchObject({ dryRun: true, created: 1 });
    expect(await directory.listUsers()).toEqual(before);
    expect(await directory.listImportJobs()).toEqual([]);
  });

  it('the job is recorded as a users import, with its counts', async () => {
    const outcome = await run(csv('ada@example.com,Ada,L,,,,,,,TRUE', ',x,y,,,,,,,TRUE'));
    expect(outcome.job).toMatchObject({ kind: 'users', status: 'done', by: 'Alice Admin', counts: { created: 1, failed: 1 } });
  });

  it('one import at a time per org: a users import is refused while a contacts import runs', async () => {
    await directory.createImportJob({ kind: 'contacts', by: 'Bob', fileName: 'c.csv' });
    await expect(run(csv('ada@example.com,Ada,L,,,,,,,TRUE'))).rejects.toMatchObject({ code: 'import_running', details: { by: 'Bob' } });
  });

  it('a refused import says import_running even when its file is bad too, and writes no job of its own', async () => {
    await directory.createImportJob({ kind: 'contacts', by: 'Bob', fileName: 'c.csv' });
    await expect(run(Buffer.from(HEADER, 'utf8'))).rejects.toMatchObject({ code: 'import_running', details: { by: 'Bob' } });
    expect((await directory.listImportJobs()).map((job) => [job.by, job.status])).toEqual([['Bob', 'running']]);
  });

  test.each([
    ['a contacts file', 'Display Name,Contact Email\r\nAda,ada@example.com', 'contacts_file'],
    ['an unknown header', 'Name,Mail\r\nAda,ada@example.com', 'unknown_header'],
    ['a header without the e-mail column', 'First Name,Last Name\r\nAda,L', 'missing_column'],
    ['a header alone', HEADER, 'header_only'],
  ])('%s is refused whole, told about users', async (_name, text, code) => {
    const outcome = await run(Buffer.from(text, 'utf8'));
    expect(outcome).toMatchObject({ ok: false, fileError: { code } });
  });

  it('more rows than the users limit (1,000 by default) refuses the file whole', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `u${i}@example.com,U,${i},,,,,,,TRUE`);
    const outcome = await run(csv(...rows));
    expect(outcome).toMatchObject({ ok: false, fileError: { code: 'too_many_rows', details: { max: 1000 } } });
    expect(await byEmail('u0@example.com')).toBeUndefined();
  });
});

test('a users file sent to the contacts import is told to go to the users import', async () => {
  const outcome = await importContacts(directory, { bytes: csv('ada@example.com,Ada,L,,,,,,,TRUE'), fileName: 'u.csv', dryRun: true }, CTX, {
    region: 'FR',
    limits: { maxRows: 10, maxBytes: 10_000 },
  });
  expect(outcome).toMatchObject({ ok: false, fileError: { code: 'users_file' } });
});

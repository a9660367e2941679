import { parse } from 'csv-parse/sync';
import { templateCsv } from '../../src/csv/export';
import { messages } from '../../src/i18n';
import { importErrorFile } from '../../src/imports/report';
import { xlsxFile } from '../helpers/xlsxFile';
import { CTX, openHarness, ownFile, readRows, sharedFile, writeRows, type Harness } from './importHarness';

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});

afterEach(async () => {
  await h.close();
});

test('export → edit in a spreadsheet → import updates the edited contacts by their UUID, even renamed', async () => {
  await h.report(sharedFile('webex-contacts-template-filled.csv'));
  await h.report(sharedFile('company-contacts-sample.csv'));
  const { csv, contacts } = await h.contacts.exportCsv();
  expect(contacts).toBe(10);

  const rows = readRows(csv);
  const [header] = rows;
  const col = (name: string) => header.indexOf(name);
  const fournisseur3 = rows.find((r) => r[0] === 'fournisseur 3')!;
  fournisseur3[0] = 'Fournisseur Trois';
  fournisseur3[col('Title')] = 'Livraisons';
  const maria = rows.find((r) => r[0] === 'Maria Beck')!;
  maria[col('Phone Number 3')] = '06 12 34 56 78';
  maria[col('Phone Number 3 Type')] = 'mobile';

  const report = await h.report(writeRows(rows));
  expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 8, failed: 0 });
  const after = await h.directory.getContact(fournisseur3[col('Contact UUID')]);
  expect(after).toMatchObject({ displayName: 'Fournisseur Trois', title: 'Livraisons', phoneNumbers: [{ value: '+33123456703', type: 'work' }] });
  expect((await h.directory.getContact(maria[col('Contact UUID')]))?.phoneNumbers.at(-1)).toEqual({ value: '+33612345678', type: 'mobile' });
});

test('an export imported back as it is changes nothing', async () => {
  await h.report(ownFile('webex-row-errors.csv'));
  const before = await h.directory.listContacts();
  const { csv } = await h.contacts.exportCsv();
  expect(await h.report(csv)).toMatchObject({ created: 0, updated: 0, unchanged: before.length, failed: 0 });
  expect(await h.directory.listContacts()).toEqual(before);
});

test('a formula-looking value survives export and import unchanged', async () => {
  await h.report('Display Name,Contact Email,Title\r\n=cmd,a@example.com,+1+1\r\n');
  const { csv } = await h.contacts.exportCsv();
  expect(csv.toString('utf8')).toContain("'=cmd");
  expect(await h.report(csv)).toMatchObject({ unchanged: 1, updated: 0 });
  expect((await h.directory.listContacts())[0]).toMatchObject({ displayName: '=cmd', title: '+1+1' });
});

test('a value with a line break of its own (Alt+Enter in Excel: a bare LF; or a CR) survives export and import unchanged', async () => {
  await h.report('Display Name,Phone Number 1,Phone Number 1 Type,Address Street,Title\r\nA,0612345678,mobile,"Bât. A\n12 rue X","x\ry"\r\n');
  const before = await h.directory.listContacts();
  expect(before[0]).toMatchObject({ address: { street: 'Bât. A\n12 rue X' }, title: 'x\ry' });
  const { csv } = await h.contacts.exportCsv();
  const rows = readRows(csv);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain('Bât. A\n12 rue X');
  expect(await h.report(csv)).toMatchObject({ created: 0, updated: 0, unchanged: 1, failed: 0 });
  expect(await h.directory.listContacts()).toEqual(before);
});

test('a failed row with line breaks in its values comes back whole in the error file, which imports as it is', async () => {
  const outcome = await h.run('Display Name,Phone Number 1,Phone Number 1 Type,Title\n"Multi\nLine",0612,mobile,"a\nb"\nOk,0612345678,mobile,\n');
  if (!outcome.ok) throw new Error('refused');
  const errorFile = importErrorFile(messages('en'), outcome.failed)!;
  expect(errorFile.toString('utf8')).toContain('"Multi\nLine",0612,mobile,"a\nb",');
  const again = await h.run(errorFile);
  if (!again.ok) throw new Error('refused');
  expect(again.report).toMatchObject({ created: 0, unchanged: 0, failed: 1, file: { rows: 1 } });
  expect(again.failed.rows[0].cells.slice(0, 4)).toEqual(['Multi\nLine', '0612', 'mobile', 'a\nb']);
});

test('error file → fix the cells → import it as it is (Comments column kept) creates the fixed rows', async () => {
  const outcome = await h.run(ownFile('webex-row-errors.csv'));
  if (!outcome.ok) throw new Error('refused');
  const errorFile = importErrorFile(messages('fr'), outcome.failed)!;
  const rows = readRows(errorFile);
  expect(rows[0]).toEqual([...readRows(ownFile('webex-row-errors.csv'))[0], 'Commentaires']);
  expect(rows).toHaveLength(1 + 14);
  expect(rows[1][0]).toBe('');
  expect(rows[1].at(-1)).toContain('« Display Name » est vide');

  // Keep only two rows, fixed as a person would, with their comments left in place.
  const noName = rows[1];
  noName[0] = 'Now Named';
  const badType = rows.find((r) => r[0] === 'Type')!;
  badType[5] = 'home';
  const fixed = writeRows([rows[0], noName, badType]);
  expect(await h.report(fixed)).toMatchObject({ created: 2, failed: 0, warnings: [] });

  const again = await h.run(fixed);
  expect(again).toMatchObject({ ok: true, report: { created: 0, unchanged: 2 } });
});

test('a re-imported error file that still fails gets one Comments column, not two', async () => {
  const first = await h.run('Display Name,Phone Number 1,Phone Number 1 Type\r\nA,0612,work\r\n');
  if (!first.ok) throw new Error('refused');
  const errorFile = importErrorFile(messages('en'), first.failed)!;
  const second = await h.run(errorFile);
  if (!second.ok) throw new Error('refused');
  const rows = readRows(importErrorFile(messages('en'), second.failed)!);
  expect(rows[0]).toEqual(['Display Name', 'Phone Number 1', 'Phone Number 1 Type', 'Comments']);
  expect(rows[1].slice(0, 3)).toEqual(['A', '0612', 'work']);
});

test('the error file keeps the upload delimiter and the failed rows exactly, in their order', async () => {
  const upload = 'Display Name;Phone Number 1;Phone Number 1 Type\r\nOk;0612345678;mobile\r\n"Semi;colon";0612;work\r\nLast;;\r\n';
  const outcome = await h.run(upload);
  if (!outcome.ok) throw new Error('refused');
  const text = importErrorFile(messages('en'), outcome.failed)!.toString('utf8');
  const rows = parse(text, { bom: true, delimiter: ';' });
  expect(rows.map((r: string[]) => r.slice(0, 3))).toEqual([
    ['Display Name', 'Phone Number 1', 'Phone Number 1 Type'],
    ['Semi;colon', '0612', 'work'],
    ['Last', '', ''],
  ]);
  expect(importErrorFile(messages('en'), { ...outcome.failed, rows: [] })).toBeUndefined();
});

test('the template filled with the 8 fournisseurs imports 8, then 0 changed', async () => {
  const rows = readRows(templateCsv());
  const header = rows[0];
  const numbers = ['0123456701', '0124356702', '0123456703', '0123456210', '0342456789', '0121256789', '0523456789', '0623456789'];
  numbers.forEach((number, i) => {
    const row = header.map(() => '');
    row[0] = `fournisseur ${i + 1}`;
    row[header.indexOf('Phone Number 1')] = number;
    row[header.indexOf('Phone Number 1 Type')] = 'work';
    rows.push(row);
  });
  const filled = writeRows(rows);
  expect(await h.report(filled)).toMatchObject({ created: 8, failed: 0 });
  expect(await h.report(filled)).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
});

test('an .xlsx file imports like its CSV, numbers stored as numbers included', async () => {
  const report = await h.report(
    xlsxFile([
      ['Display Name', 'Phone Number 1', 'Phone Number 1 Type', 'Contact Email'],
      ['Ada', 612345678, 'mobile', 'ada@example.com'],
      ['Bob', 4915112345678, 'work', ''],
    ]),
  );
  expect(report).toMatchObject({ file: { encoding: 'xlsx', rows: 2 }, created: 1, failed: 1 });
  expect(report.errors).toMatchObject([{ line: 3, column: 'Phone Number 1', code: 'phone_lost_plus' }]);
  expect((await h.directory.listContacts())[0].phoneNumbers).toEqual([{ value: '+33612345678', type: 'mobile' }]);
});

test('a company-contacts error file (trailing comma, Commentaires) imports once fixed, without warnings', async () => {
  const upload = 'nom-contact,poste,e-mail,téléphone-travail,téléphone-facultatif-1,téléphone-facultatif-2,\r\nPaul Durand,Achats,,,0612345678,,\r\n';
  const outcome = await h.run(upload);
  if (!outcome.ok) throw new Error('refused');
  expect(outcome.report.errors.map((e) => e.code)).toEqual(['phone_or_email_required']);
  const rows = readRows(importErrorFile(messages('fr'), outcome.failed)!);
  expect(rows[0]).toEqual(['nom-contact', 'poste', 'e-mail', 'téléphone-travail', 'téléphone-facultatif-1', 'téléphone-facultatif-2', '', 'Commentaires']);
  rows[1][2] = 'paul.durand@example.com';
  expect(await h.report(writeRows(rows))).toMatchObject({ created: 1, failed: 0, warnings: [] });
});

test('Group IDs round trip: the export writes list ids, importing it back changes nothing, and an edited cell (id or name) moves the contact', async () => {
  const vip = await h.directory.createDistributionList('VIP', undefined, CTX);
  const partners = await h.directory.createDistributionList('Partners', undefined, CTX);
  await h.report(`Display Name,Contact Email,Group ID 1,Group ID 2\r\nAda,ada@example.com,VIP,${partners.id}\r\nBob,bob@example.com,,\r\n`);
  const rows = readRows((await h.contacts.exportCsv()).csv);
  const col = (name: string) => rows[0].indexOf(name);
  const ada = rows.find((r) => r[0] === 'Ada')!;
  expect([ada[col('Group ID 1')], ada[col('Group ID 2')]]).toEqual([vip.id, partners.id]);
  expect(await h.report(writeRows(rows))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

  const bob = rows.find((r) => r[0] === 'Bob')!;
  bob[col('Group ID 1')] = 'Partners';
  ada[col('Group ID 2')] = '';
  expect(await h.report(writeRows(rows))).toMatchObject({ updated: 2, failed: 0 });
  const byName = new Map((await h.directory.listContacts()).map((c) => [c.displayName, c.groupIds]));
  expect(byName).toEqual(new Map([['Ada', [vip.id]], ['Bob', [partners.id]]]));
});

import fs from 'node:fs';
import path from 'node:path';
import { buildErrorFile } from '../../src/csv/errorFile';
import { exportContactsCsv, TEMPLATE_HEADER, templateCsv } from '../../src/csv/export';
import { readTable } from '../../src/csv/read';
import type { Contact } from '../../src/domain/types';

const SHARED = path.join(__dirname, '../../../shared/fixtures/csv');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LIMITS = { maxRows: 10_000, maxBytes: 5 * 1024 * 1024 };

const contact = (overrides: Partial<Contact>): Contact => ({
  id: '5f1e8a2c-0000-4000-8000-000000000001',
  displayName: 'Ada Lovelace',
  phoneNumbers: [],
  groupIds: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

test('the template is the 28-column header of seed 001, UTF-8 with BOM and CRLF: the shared header-only fixture', () => {
  expect(TEMPLATE_HEADER).toHaveLength(28);
  expect(templateCsv()).toEqual(Buffer.concat([BOM, fs.readFileSync(path.join(SHARED, 'webex-contacts-header-only.csv'))]));
});

test('an export has one row per contact with its UUID, every field in its template column', async () => {
  const csv = exportContactsCsv([
    contact({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phoneNumbers: [
        { value: '+33612345678', type: 'mobile' },
        { value: '4021', type: 'work_extension' },
      ],
      email: 'ada@example.com',
      sipUri: 'ada@example.webex.com',
      title: 'Countess',
      companyName: 'Analytical, Engines & Co',
      address: { street: '1 "Grande" rue', city: 'Paris', zip: '75001' },
      groupIds: ['list-1'],
    }),
  ]);
  expect(csv.subarray(0, 3)).toEqual(BOM);
  expect(csv.toString('utf8').endsWith('\r\n')).toBe(true);
  expect(csv.toString('utf8').split('\r\n')).toHaveLength(3);
  const table = await readTable(csv, LIMITS);
  expect(table.encoding).toBe('utf-8-bom');
  expect(table.header.cells).toEqual(TEMPLATE_HEADER);
  const cell = (name: string) => table.rows[0].cells[TEMPLATE_HEADER.indexOf(name)];
  expect(table.rows[0].cells).toHaveLength(28);
  expect(cell('Contact UUID')).toBe('5f1e8a2c-0000-4000-8000-000000000001');
  expect([cell('Phone Number 1'), cell('Phone Number 1 Type'), cell('Phone Number 2'), cell('Phone Number 2 Type')]).toEqual([
    '+33612345678',
    'mobile',
    '4021',
    'work_extension',
  ]);
  expect(cell('Company Name')).toBe('Analytical, Engines & Co');
  expect(cell('Address Street')).toBe('1 "Grande" rue');
  expect(cell('Group ID 1')).toBe('list-1');
});

test('a text cell a spreadsheet would run as a formula is neutralised; phone numbers are not', async () => {
  const csv = exportContactsCsv([contact({ displayName: '=HYPERLINK("http://x")', title: '@SUM(A1)', phoneNumbers: [{ value: '+33612345678', type: 'work' }] })]);
  const text = csv.toString('utf8');
  expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(text).toContain("'@SUM(A1)");
  expect(text).toContain(',+33612345678,work,');
});

test('the error file keeps the uploaded columns and delimiter, adds Comments, and replaces an uploaded Comments column', async () => {
  const file = buildErrorFile(
    [
      { cells: ['Bob', '0612', 'old reason'], reasons: ['bad number', 'second reason'] },
      { cells: ['=cmd'], reasons: ['no number'] },
    ],
    { header: ['Display Name', 'Phone Number 1', 'Commentaires'], delimiter: ';', commentsIndex: 2, commentsTitle: 'Comments' },
  );
  expect(file.subarray(0, 3)).toEqual(BOM);
  expect(file.toString('utf8').slice(1)).toBe("Display Name;Phone Number 1;Comments\r\nBob;0612;bad number | second reason\r\n'=cmd;;no number\r\n");
});

test('values beyond the header stay in the error file, after the comment', () => {
  const file = buildErrorFile([{ cells: ['Smith', ' Jr', '0612'], reasons: ['too many values'] }], {
    header: ['Display Name', 'Phone Number 1'],
    delimiter: ',',
    commentsTitle: 'Comments',
  });
  expect(file.toString('utf8').slice(1)).toBe('Display Name,Phone Number 1,Comments\r\nSmith, Jr,too many values,0612\r\n');
});

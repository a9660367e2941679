import fs from 'node:fs';
import path from 'node:path';
import { CsvFileError } from '../../src/csv/fileError';
import { mapHeader } from '../../src/csv/formats';

const SHARED = path.join(__dirname, '../../../shared/fixtures/csv');
const WEBEX_HEADER = fs.readFileSync(path.join(SHARED, 'webex-contacts-header-only.csv'), 'utf8').trim().split(',');
const COMPANY_HEADER = ['nom-contact', 'poste', 'e-mail', 'téléphone-travail', 'téléphone-facultatif-1', 'téléphone-facultatif-2', ''];

function fileError(names: string[]): CsvFileError {
  try {
    mapHeader(names);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvFileError);
    return error as CsvFileError;
  }
  throw new Error('mapHeader accepted the header');
}

test('the shared 28-column template header is the Webex format, every column mapped in order', () => {
  const map = mapHeader(WEBEX_HEADER);
  expect(WEBEX_HEADER).toHaveLength(28);
  expect(map.format).toBe('webex-contacts');
  expect([...map.fieldAt.keys()]).toEqual([...Array(28).keys()]);
  expect(map.fieldAt.get(0)).toBe('displayName');
  expect(map.fieldAt.get(27)).toBe('group5');
  expect(map.unknownColumns).toEqual([]);
});

test('the company-contacts header of seed 004, with its trailing comma, is the company format', () => {
  const map = mapHeader(COMPANY_HEADER);
  expect(map.format).toBe('company-contacts');
  expect(map.fieldAt.get(3)).toBe('phone1');
  expect(map.unknownColumns).toEqual([]);
});

test('names are matched whatever their case and spacing', () => {
  const map = mapHeader(['DISPLAY NAME', ' Contact  Email ', 'Phone  number 1', 'PhoneNumber1Type']);
  expect([...map.fields]).toEqual(['displayName', 'email', 'phone1', 'phoneType1']);
});

test('accents are not ignored: "telephone-travail" is not "téléphone-travail"', () => {
  const map = mapHeader(['nom-contact', 'e-mail', 'telephone-travail']);
  expect(map.unknownColumns).toEqual(['telephone-travail']);
});

test('columns may come in any order', () => {
  const map = mapHeader(['Contact Email', 'Display Name']);
  expect(map.fieldAt).toEqual(new Map([[0, 'email'], [1, 'displayName']]));
});

test('an unknown extra column (Control Hub exports add one) is listed for a warning', () => {
  expect(mapHeader([...WEBEX_HEADER, 'Source']).unknownColumns).toEqual(['Source']);
});

test.each(['Comments', 'Commentaires', ' COMMENTAIRES '])('a last column %j (our error file) is ignored silently and remembered', (name) => {
  const map = mapHeader([...WEBEX_HEADER, name]);
  expect(map.unknownColumns).toEqual([]);
  expect(map.commentsIndex).toBe(28);
});

test('a Comments column that is not the last one is an unknown column', () => {
  expect(mapHeader(['Display Name', 'Comments', 'Contact Email']).unknownColumns).toEqual(['Comments']);
});

test.each([
  ['Display Name missing', WEBEX_HEADER.filter((n) => n !== 'Display Name'), 'Display Name'],
  ['a number without its type column', ['Display Name', 'Phone Number 2'], 'Phone Number 2 Type'],
  ['no way to reach the contact', ['Display Name', 'First Name'], 'Phone Number 1 / Phone Number 2 / Phone Number 3 / Phone Number 4 / Phone Number 5 / Contact Email / SIP URI'],
  ['company format without a name', ['poste', 'e-mail'], 'nom-contact'],
  ['company format without work phone nor e-mail', ['nom-contact', 'poste'], 'téléphone-travail / e-mail'],
])('%s is a missing_column file error naming it', (_name, names, column) => {
  const error = fileError(names);
  expect(error.code).toBe('missing_column');
  expect(String(error.details.columns)).toContain(column);
});

test('a header of neither format is unknown_header, showing what was found', () => {
  const error = fileError(['Name', 'Phone', 'Mail']);
  expect(error).toMatchObject({ code: 'unknown_header', details: { found: 'Name, Phone, Mail' } });
});

test('the same column twice is duplicate_column', () => {
  expect(fileError(['Display Name', 'Contact Email', 'contact email'])).toMatchObject({ code: 'duplicate_column', details: { column: 'contact email' } });
});

test('unnamed columns before a Comments column are ignored: a company-format error file imports without warnings', () => {
  const map = mapHeader([...COMPANY_HEADER, 'Commentaires']);
  expect(map.unknownColumns).toEqual([]);
  expect(map.commentsIndex).toBe(7);
});

test('an unnamed column between named ones is reported by its position', () => {
  expect(mapHeader(['Display Name', '', 'Contact Email']).unknownColumns).toEqual(['#2']);
});

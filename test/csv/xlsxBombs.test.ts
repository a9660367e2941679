/**
 * .xlsx bombs (#27): the caps of src/csv/xlsxZip.ts and src/csv/xlsx.ts. Under
 * jest the sheet is read on this thread (the worker's .js exists in the build
 * only): what is checked here is what the worker runs.
 */
import zlib from 'node:zlib';
// Watched before the modules under test take it (promisify keeps the function it is given).
const inflateRaw = jest.spyOn(zlib, 'inflateRaw');
const { readTable } = require('../../src/csv/read') as typeof import('../../src/csv/read');
const { readXlsx, xlsxLimits } = require('../../src/csv/xlsx') as typeof import('../../src/csv/xlsx');
const { BOMBS, bigWorkbook, workbookWith, zipOf } = require('../helpers/xlsxBombs') as typeof import('../helpers/xlsxBombs');
const { xlsxFile } = require('../helpers/xlsxFile') as typeof import('../helpers/xlsxFile');

const MB = 1024 * 1024;
const LIMITS = { maxRows: 10_000, maxBytes: 5 * MB };
const bomb = (name: keyof typeof BOMBS) => BOMBS[name]();

beforeEach(() => inflateRaw.mockClear());

test('the caps follow IMPORT_MAX_BYTES and IMPORT_MAX_ROWS: 40 MB a part, 50 MB in all, 1,000 parts, values up to row 20,001', () => {
  expect(xlsxLimits(LIMITS)).toEqual({ maxPartBytes: 40 * MB, maxTotalBytes: 50 * MB, maxParts: 1_000, maxRows: 10_000, maxRowNumber: 20_001 });
});

describe('declared sizes, from the central directory, before anything is unzipped', () => {
  test('a 52 KB file whose sheet says 50 MB is xlsx_too_large, with nothing inflated', async () => {
    const file = bomb('bomb-spaces-50mb.xlsx');
    expect(file.length).toBeLessThan(60_000);
    await expect(readXlsx(file, LIMITS)).rejects.toMatchObject({ code: 'xlsx_too_large', details: { size: 50 * MB + 223, max: 40 * MB } });
    expect(inflateRaw).not.toHaveBeenCalled();
  });

  test('a 300 MB cell is xlsx_too_large, with nothing inflated', async () => {
    await expect(readXlsx(bomb('bomb-cell-300mb.xlsx'), LIMITS)).rejects.toMatchObject({ code: 'xlsx_too_large', details: { max: 40 * MB } });
    expect(inflateRaw).not.toHaveBeenCalled();
  });

  test('parts each under their cap but over the total cap are xlsx_too_large, counted in all', async () => {
    const part = (name: string) => ({ name, head: ' '.repeat(MB), times: 0 });
    const file = zipOf([part('xl/a.xml'), part('xl/b.xml'), part('xl/c.xml')]);
    const limits = { maxRows: 10, maxBytes: 256 * 1024 }; // 2 MB a part, 2.5 MB in all
    await expect(readXlsx(file, limits)).rejects.toMatchObject({ code: 'xlsx_too_large', details: { size: 3 * MB, max: 2.5 * MB } });
    expect(inflateRaw).not.toHaveBeenCalled();
  });

  test('more than 1,000 parts is xlsx_too_many_parts', async () => {
    await expect(readXlsx(bomb('bomb-many-parts.xlsx'), LIMITS)).rejects.toMatchObject({ code: 'xlsx_too_many_parts', details: { parts: 5_005, max: 1_000 } });
    expect(inflateRaw).not.toHaveBeenCalled();
  });

  test('readTable reads an .xlsx within the caps of its own limits', async () => {
    const file = xlsxFile([['Display Name'], ['Ada'], [' '.repeat(20_000)]]);
    expect(file.length).toBeLessThan(2_000);
    await expect(readTable(file, { maxRows: 10, maxBytes: 2_000 })).rejects.toMatchObject({ code: 'xlsx_too_large', details: { max: 16_000 } });
  });
});

describe('while unzipping', () => {
  test('a sheet that says 1 KB but holds 50 MB is unreadable_xlsx: inflating stops at the declared 1 KB', async () => {
    await expect(readXlsx(bomb('bomb-lying-size.xlsx'), LIMITS)).rejects.toMatchObject({ code: 'unreadable_xlsx' });
    const sheet = inflateRaw.mock.calls.find(([, options]) => (options as zlib.ZlibOptions).maxOutputLength === 1024);
    expect(sheet).toBeDefined();
    for (const [, options] of inflateRaw.mock.calls) expect((options as zlib.ZlibOptions).maxOutputLength).toBeLessThanOrEqual(1024);
  });

  test('a part shorter than it says, or whose checksum is wrong, is unreadable_xlsx', async () => {
    const short = zipOf([{ name: 'xl/workbook.xml', head: '<workbook/>', declaredSize: 100 }]);
    await expect(readXlsx(short, LIMITS)).rejects.toMatchObject({ code: 'unreadable_xlsx' });
    const file = xlsxFile([['Display Name'], ['Ada']]);
    const crcAt = file.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46 + 16; // the sheet's central record
    file.writeUInt32LE((file.readUInt32LE(crcAt) ^ 1) >>> 0, crcAt);
    await expect(readXlsx(file, LIMITS)).rejects.toMatchObject({ code: 'unreadable_xlsx' });
  });
});

describe('while the sheet is parsed', () => {
  test('a value beyond column IV is xlsx_too_wide, naming its cell (read-excel-file filled 20,000 × 16,384 cells)', async () => {
    await expect(readXlsx(bomb('bomb-far-cell.xlsx'), LIMITS)).rejects.toMatchObject({ code: 'xlsx_too_wide', details: { cell: 'XFD20000', max: 'IV' } });
  });

  test('a value below row 2 × IMPORT_MAX_ROWS + 1 is too_many_rows; a row past Excel\'s last is unreadable_xlsx', async () => {
    const sheet = (rows: string) => workbookWith({ head: `<worksheet><sheetData>${rows}</sheetData></worksheet>` });
    const far = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Display Name</t></is></c></row><row r="22"><c r="A22"><v>1</v></c></row>');
    await expect(readXlsx(far, { maxRows: 10, maxBytes: MB })).rejects.toMatchObject({ code: 'too_many_rows', details: { rows: 21, max: 10 } });
    const empty = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Display Name</t></is></c></row><row r="22"><c r="A22" s="1"/></row><row r="3"/>');
    await expect(readXlsx(empty, { maxRows: 10, maxBytes: MB })).rejects.not.toMatchObject({ code: 'too_many_rows' });
    await expect(readXlsx(sheet('<row r="99999999"/>'), LIMITS)).rejects.toMatchObject({ code: 'unreadable_xlsx' });
    await expect(readXlsx(sheet('<row><c r="A99999999"/></row>'), LIMITS)).rejects.toMatchObject({ code: 'unreadable_xlsx' });
  });

  test('a 20 MB cell and 20 MB of spaces, under the caps, are read whole (read-excel-file took minutes, then overflowed the stack)', async () => {
    const sheet = (head: string, fill: string, tail: string) =>
      workbookWith({ head: `<worksheet><sheetData>${head}`, fill: fill.repeat(MB), times: 20, tail: `${tail}</sheetData></worksheet>` });
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Display Name</t></is></c></row>';
    const cell = await readXlsx(sheet(`${header}<row r="2"><c r="A2" t="inlineStr"><is><t>`, 'A', '</t></is></c></row>'), LIMITS);
    expect(cell.map((record) => record.cells[0].length)).toEqual([12, 20 * MB]);
    const spaces = await readXlsx(sheet(header, ' ', '<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c></row>'), LIMITS);
    expect(spaces).toEqual([
      { line: 1, cells: ['Display Name'] },
      { line: 2, cells: ['Ada'] },
    ]);
  });
});

test('a legitimate big workbook (10,000 contacts of 28 columns, 4.9 MB, 25 MB unzipped) is read whole', async () => {
  const file = bigWorkbook();
  expect(file.length).toBeGreaterThan(4.5 * MB);
  expect(file.length).toBeLessThan(LIMITS.maxBytes);
  const table = await readTable(file, LIMITS);
  expect(table.header.cells).toHaveLength(28);
  expect(table.rows).toHaveLength(10_000);
  expect(table.rows[9_999]).toMatchObject({ line: 10_001, cells: expect.arrayContaining(['FR', '20000']) });
});

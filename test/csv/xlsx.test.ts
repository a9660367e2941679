import { readTable } from '../../src/csv/read';
import { readXlsx } from '../../src/csv/xlsx';
import { xlsxFile } from '../helpers/xlsxFile';

const LIMITS = { maxRows: 10_000, maxBytes: 5 * 1024 * 1024 };

test('the first sheet is read, row numbers are lines, empty rows are skipped', async () => {
  const file = xlsxFile(
    [
      ['Display Name', 'Phone Number 1', 'Phone Number 1 Type'],
      ['Ada', '+33612345678', 'mobile'],
      [null, null, null],
      ['Bob, "the" builder', '01 23 45 67 01', 'work'],
    ],
    [['Display Name'], ['From the second sheet']],
  );
  expect(await readXlsx(file, LIMITS)).toEqual([
    { line: 1, cells: ['Display Name', 'Phone Number 1', 'Phone Number 1 Type'] },
    { line: 2, cells: ['Ada', '+33612345678', 'mobile'] },
    { line: 4, cells: ['Bob, "the" builder', '01 23 45 67 01', 'work'] },
  ]);
});

test('a number cell gives its digits, not the scientific notation the spreadsheet shows', async () => {
  const [, row] = await readXlsx(xlsxFile([['Phone Number 1'], [33612345678]]), LIMITS);
  expect(row.cells).toEqual(['33612345678']);
});

test('readTable recognises an .xlsx by its content, whatever the file is called', async () => {
  const table = await readTable(xlsxFile([['Display Name', 'Contact Email'], ['Ada', 'ada@example.com']]), LIMITS);
  expect(table).toMatchObject({ encoding: 'xlsx', delimiter: ',', rows: [{ line: 2, cells: ['Ada', 'ada@example.com'] }] });
});

test('a damaged .xlsx is unreadable_xlsx', async () => {
  const file = xlsxFile([['Display Name'], ['Ada']]);
  await expect(readTable(file.subarray(0, 60), LIMITS)).rejects.toMatchObject({ code: 'unreadable_xlsx' });
});

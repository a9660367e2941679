import { CsvFileError } from '../../../src/csv/fileError';
import { parseCsv } from '../../../src/csv/parse';

const lines = (text: string, delimiter: ',' | ';' | '\t' = ',') => parseCsv(text, delimiter).map((r) => [r.line, r.cells]);

test.each([
  ['LF', 'a,b\n1,2\n3,4\n'],
  ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
  ['CR (old Mac)', 'a,b\r1,2\r3,4'],
  ['no final line break', 'a,b\n1,2\n3,4'],
])('%s line endings give the same records and lines', (_name, text) => {
  expect(lines(text)).toEqual([
    [1, ['a', 'b']],
    [2, ['1', '2']],
    [3, ['3', '4']],
  ]);
});

test.each([
  ['LF rows and CRLF rows', 'a,b\n1,2\r\n3,4\n'],
  ['CRLF rows and a lone CR row', 'a,b\r\n1,2\r3,4\r\n'],
])('a file mixing line breaks (%s) still splits on each of them', (_name, text) => {
  expect(lines(text)).toEqual([
    [1, ['a', 'b']],
    [2, ['1', '2']],
    [3, ['3', '4']],
  ]);
});

test('a line break inside quotes does not count as the file mixing line breaks', () => {
  expect(lines('a,b\r\n"x\ny",2\r\n3,4\r\n')).toEqual([
    [1, ['a', 'b']],
    [2, ['x\ny', '2']],
    [4, ['3', '4']],
  ]);
});

test('UTF-8 bytes parse like the text they hold', () => {
  const text = 'Nom,Société\r\n"Zoë, A",Été\r\n';
  expect(parseCsv(Buffer.from(text, 'utf8'), ',')).toEqual(parseCsv(text, ','));
});

test('a record over several lines counts from its first line, and the next ones keep their real line', () => {
  const text = 'Display Name,Title\r\n"Ada\r\nLovelace","Countess\r\nof Lovelace"\r\nBob,"x"\r\n';
  expect(lines(text)).toEqual([
    [1, ['Display Name', 'Title']],
    [2, ['Ada\r\nLovelace', 'Countess\r\nof Lovelace']],
    [5, ['Bob', 'x']],
  ]);
});

test('quoted fields keep delimiters, doubled quotes and line breaks', () => {
  expect(lines('a;b\n"x;y";"say ""hi"""\n"1\n2";3\n', ';')).toEqual([
    [1, ['a', 'b']],
    [2, ['x;y', 'say "hi"']],
    [3, ['1\n2', '3']],
  ]);
});

test('blank lines, whitespace-only lines and rows of empty cells are skipped without shifting line numbers', () => {
  expect(lines('a,b\n\n1,2\n   \n,,\n\r\n3,4\n\n')).toEqual([
    [1, ['a', 'b']],
    [3, ['1', '2']],
    [7, ['3', '4']],
  ]);
});

test('tab-delimited text parses on tabs only', () => {
  expect(lines('a\tb\n1, 2\t3\n', '\t')).toEqual([
    [1, ['a', 'b']],
    [2, ['1, 2', '3']],
  ]);
});

test('rows may have fewer or more cells than the header (checked later, not here)', () => {
  expect(lines('a,b,c\n1\n1,2,3,4\n')).toEqual([
    [1, ['a', 'b', 'c']],
    [2, ['1']],
    [3, ['1', '2', '3', '4']],
  ]);
});

test.each([
  ['a quote never closed: the line where its record starts', 'a,b\n1,2\n\n3,"open\n4,5\n', 4],
  ['text after a closing quote', 'a,b\r\n1,2\r\n3,"x"y\r\n', 3],
  ['a quote inside an unquoted value', 'a,b\n"multi\nline",ok\nJo "JJ" Smith,2\n', 4],
])('%s is a malformed_csv file error naming the line', (_name, text, line) => {
  let error: unknown;
  try {
    parseCsv(text, ',');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CsvFileError);
  expect(error).toMatchObject({ code: 'malformed_csv', details: { line } });
});

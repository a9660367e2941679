import { CsvFileError } from '../../src/csv/fileError';
import { parseCsv } from '../../src/csv/parse';

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

describe('a file bigger than one slice (64 KB) is parsed slice by slice', () => {
  // 8,000 records of about 35 bytes, with quoted line breaks, doubled quotes, blank lines and CRLF: more than four slices.
  const row = (i: number) =>
    i % 7 === 0 ? `"Name ${i}\r\nsecond line","say ""${i}""",${i}\r\n` : i % 11 === 0 ? `\r\n   \r\nName ${i},plain,${i}\r\n` : `Name ${i},"quoted, comma",${i}\r\n`;
  const text = `Display Name,Title,Value\r\n${Array.from({ length: 8000 }, (_, i) => row(i)).join('')}`;

  test('to the same records and lines as the file parsed line by line as one', () => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 64 * 1024);
    const records = parseCsv(text, ',');
    let line = 2;
    const expected: [number, string[]][] = [[1, ['Display Name', 'Title', 'Value']]];
    for (let i = 0; i < 8000; i++) {
      if (i % 7 === 0) expected.push([line, [`Name ${i}\r\nsecond line`, `say "${i}"`, String(i)]]), (line += 2);
      else if (i % 11 === 0) expected.push([line + 2, [`Name ${i}`, 'plain', String(i)]]), (line += 3);
      else expected.push([line, [`Name ${i}`, 'quoted, comma', String(i)]]), line++;
    }
    expect(records.map((r) => [r.line, r.cells])).toEqual(expected);
  });

  test('onRecord sees every record, in order, as the result holds them', () => {
    const seen: unknown[] = [];
    const records = parseCsv(text, ',', (record) => seen.push(record));
    expect(seen).toEqual(records);
    expect(seen).toHaveLength(8001);
  });

  test('a quoting mistake in a later slice names its own line', () => {
    const broken = `${text}Bad "quote",x,1\r\n`;
    expect(() => parseCsv(broken, ',')).toThrow(expect.objectContaining({ code: 'malformed_csv', details: { line: text.split('\r\n').length } }));
  });
});
